/** Test fixtures: evidence, the inbox and notifications as the API answers them. Import from specs only. */
export * from './evidence-fixtures';
