export * from './lib/api-problem';
export * from './lib/file-size';
export * from './lib/load-state';
export * from './lib/upload-state';
export * from './lib/list-query';
export * from './lib/url-list';
export * from './lib/server-errors';
export * from './lib/writes';
