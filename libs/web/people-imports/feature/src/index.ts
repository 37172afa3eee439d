export * from './lib/people-imports.routes';
