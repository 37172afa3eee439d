export * from './lib/evidence.routes';
export * from './lib/employee-evidence/employee-evidence';
export * from './lib/notifications-bell/notifications-bell';
export * from './lib/inbox-card/inbox-card';
