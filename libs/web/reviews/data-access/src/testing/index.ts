export * from './review-fixtures';
