export * from './lib/employee-status/employee-status';
export * from './lib/team-tree/team-tree';
