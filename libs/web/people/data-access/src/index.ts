export * from './lib/people-api';
export * from './lib/team-options';
