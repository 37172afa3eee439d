export * from './lib/assessments-api';
export * from './lib/assessments-store';
export * from './lib/people-api';
export * from './lib/people-store';
export * from './lib/team-grid-api';
export * from './lib/team-options';
export * from './lib/users-api';
