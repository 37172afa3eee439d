// BROWSER_LOCALE is also an entry point of its own (@proficio/web/shared/ui/locale), for the app's config.
export * from './locale/browser-locale';
export * from './lib/confirm-dialog/confirm-dialog';
export * from './lib/file-drop/file-drop';
export * from './lib/select-filters/select-filters';
export * from './lib/list-state/list-state';
export * from './lib/search-field/search-field';
export * from './lib/problem-details/problem-details';
export * from './lib/unsaved-changes/unsaved-changes';
export * from './lib/local-date/local-date';
export * from './lib/local-number/local-number';
export * from './lib/framework-version/framework-version';
export * from './lib/loaded-content/loaded-content';
export * from './lib/search-picker/search-picker';
export * from './lib/remove-icon/remove-icon';
export * from './lib/import-wizard/import-wizard';
export * from './lib/import-wizard/step-done-icon';
export * from './lib/import-wizard/upload-problem';
