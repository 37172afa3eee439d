export * from './lib/evidence-api';
export * from './lib/evidence-store';
export * from './lib/inbox-api';
export * from './lib/inbox-store';
export * from './lib/notifications-api';
export * from './lib/notifications-store';
export * from './lib/refresh';
