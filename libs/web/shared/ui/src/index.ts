export * from './lib/search-field/search-field';
