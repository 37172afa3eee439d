export * from './lib/review-cycles.routes';
