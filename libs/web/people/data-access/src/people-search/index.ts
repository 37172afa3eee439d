// An entry point of its own, apart from the library's index: the app's first page imports that index, and the search
// serves only the lazy pages with a people picker.
export * from './people-search';
