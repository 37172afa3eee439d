export * from './lib/people-imports-api';
