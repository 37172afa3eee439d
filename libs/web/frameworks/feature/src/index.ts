export * from './lib/frameworks.routes';
