export { TeamsModule } from './teams.module';
export { teamSnapshot } from './team.snapshot';
export type { TeamSnapshot } from './team.snapshot';
