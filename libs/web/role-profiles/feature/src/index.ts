export * from './lib/role-profiles.routes';
