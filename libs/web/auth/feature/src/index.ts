export * from './lib/auth.routes';
export * from './lib/me-menu/me-menu';
