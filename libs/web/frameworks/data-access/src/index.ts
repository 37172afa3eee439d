export * from './lib/api-problem';
export * from './lib/framework-imports-api';
export * from './lib/frameworks-api';
export * from './lib/load-state';
export * from './lib/upload-state';
