// An entry point of its own, apart from the library's index: the app's first page imports that index, and only the
// lazy pages with charts follow the colour scheme.
export * from './color-scheme';
