export * from './lib/api-problem';
export * from './lib/frameworks-api';
export * from './lib/load-state';
