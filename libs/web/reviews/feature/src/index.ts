export * from './lib/reviews.routes';
export * from './lib/employee-reviews/employee-reviews';
