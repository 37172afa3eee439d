// An entry point of its own, apart from the library's index: the app's config provides the date pickers' locale from
// BROWSER_LOCALE, and importing the index for it would put every shared component (the list state with its
// paginator, the dialogs, the search field) and their Material modules into the app's first load.
export * from './browser-locale';
