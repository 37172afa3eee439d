/** Test fixtures: API bodies built from the built-in packs. Import from specs only. */
export * from './framework-fixtures';
export * from './import-fixtures';
export * from './packs';
