export * from './lib/review-cycles-api';
export * from './lib/review-cycles-store';
