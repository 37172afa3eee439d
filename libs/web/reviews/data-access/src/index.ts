export * from './lib/reviews-api';
export * from './lib/reviews-store';
