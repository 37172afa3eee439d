export * from './lib/framework-imports-api';
export * from './lib/frameworks-api';
