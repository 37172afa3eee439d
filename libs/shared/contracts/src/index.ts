export * from './lib/api-routes';
export * from './lib/framework-document';
export * from './lib/frameworks';
export * from './lib/health';
export * from './lib/problem-details';
