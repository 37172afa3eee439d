export * from './lib/shared-competency';
