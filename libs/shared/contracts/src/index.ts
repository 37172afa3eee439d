export * from './lib/api-routes';
export * from './lib/health';
export * from './lib/problem-details';
