/** Test fixtures: the demo organisation as the API answers for it. Import from specs only. */
export * from './assessment-fixtures';
export * from './people-fixtures';
export * from './team-grid-fixtures';
export * from './assessment-requests';
