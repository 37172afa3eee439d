export * from './lib/confirm-dialog/confirm-dialog';
export * from './lib/file-drop/file-drop';
export * from './lib/list-state/list-state';
export * from './lib/search-field/search-field';
export * from './lib/problem-details/problem-details';
export * from './lib/unsaved-changes/unsaved-changes';
export * from './lib/local-date/local-date';
export * from './lib/loaded-content/loaded-content';
