/** Test helpers: a signed-in session over HttpTestingController, and the files the app saves. Import from specs only. */
export * from './downloads';
export * from './session';
