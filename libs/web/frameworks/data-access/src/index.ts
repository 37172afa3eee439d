export * from './lib/competency-details-store';
export * from './lib/framework-imports-api';
export * from './lib/frameworks-api';
