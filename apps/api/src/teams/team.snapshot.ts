import type { TeamEntity } from '../employees';

export type TeamSnapshot = Pick<TeamEntity, 'id' | 'name' | 'parentId'>;

/** The audited shape of a team, whoever wrote it (the form, an import). */
export const teamSnapshot = (team: TeamSnapshot): TeamSnapshot => ({ id: team.id, name: team.name, parentId: team.parentId });
