export * from './lib/draft-requirements';
export * from './lib/role-profiles-api';
export * from './lib/role-profiles-store';
