/** Test fixtures: review cycles, previews and reviews as the API answers them. Import from specs only. */
export * from './review-cycle-fixtures';
