// An entry point of its own, apart from the library's index: the app's first page imports that index, and Luxon
// must load only with the lazy pages that have a date field.
export * from './locale-date-input';
