export * from './lib/api-routes';
export * from './lib/auth';
export * from './lib/framework-document';
export * from './lib/frameworks';
export * from './lib/health';
export * from './lib/people';
export * from './lib/problem-details';
