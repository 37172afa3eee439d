export * from './lib/auth-api';
export * from './lib/auth-guards';
export * from './lib/auth-interceptor';
export * from './lib/auth-problem';
export * from './lib/download';
export * from './lib/provide-session';
export * from './lib/return-url';
export * from './lib/session-store';
