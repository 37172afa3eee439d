export * from './lib/people-api';
export * from './lib/team-options';
export * from './lib/users-api';
