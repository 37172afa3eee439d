import { TeamNode } from '@proficio/shared/contracts';

/** A team as one entry of a flat list (a select's options), in tree order. */
export interface TeamOption {
  readonly id: string;
  readonly name: string;
  /** 0 for a top-level team. */
  readonly depth: number;
  /** Names from the top-level team down to this one, e.g. "IT Services › Service Desk". */
  readonly path: string;
}

/** The team tree as a flat list in depth-first order, keeping each team's depth and path. */
export function teamOptions(teams: readonly TeamNode[]): TeamOption[] {
  const options: TeamOption[] = [];
  const visit = (nodes: readonly TeamNode[], depth: number, parentPath: string) => {
    for (const team of nodes) {
      const path = parentPath ? `${parentPath} › ${team.name}` : team.name;
      options.push({ id: team.id, name: team.name, depth, path });
      visit(team.children, depth + 1, path);
    }
  };
  visit(teams, 0, '');
  return options;
}

/** A team as a row of the admins' team list: where it sits and whether it can be deleted. */
export interface TeamRow extends TeamOption {
  readonly parentId: string | null;
  readonly memberCount: number;
  readonly subTeamCount: number;
  /** Why the team cannot be deleted ("Has 3 members and 1 sub-team"), or null when it can. */
  readonly deleteBlocker: string | null;
}

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/** Why a team with these counts cannot be deleted, or null when it can (the API refuses the same teams). */
export function deleteBlocker(memberCount: number, subTeamCount: number): string | null {
  const parts = [
    ...(memberCount > 0 ? [plural(memberCount, 'member', 'members')] : []),
    ...(subTeamCount > 0 ? [plural(subTeamCount, 'sub-team', 'sub-teams')] : []),
  ];
  return parts.length ? `Has ${parts.join(' and ')}` : null;
}

/** The team tree as rows in depth-first order, for managing teams. */
export function teamRows(teams: readonly TeamNode[]): TeamRow[] {
  const rows: TeamRow[] = [];
  const visit = (nodes: readonly TeamNode[], depth: number, parentPath: string, parentId: string | null) => {
    for (const team of nodes) {
      const path = parentPath ? `${parentPath} › ${team.name}` : team.name;
      rows.push({
        id: team.id,
        name: team.name,
        depth,
        path,
        parentId,
        memberCount: team.memberCount,
        subTeamCount: team.children.length,
        deleteBlocker: deleteBlocker(team.memberCount, team.children.length),
      });
      visit(team.children, depth + 1, path, team.id);
    }
  };
  visit(teams, 0, '', null);
  return rows;
}

/** Where a team may move: every team except itself and its own sub-teams (the API refuses those). */
export function moveTargets(teams: readonly TeamNode[], teamId: string): TeamOption[] {
  const prune = (nodes: readonly TeamNode[]): TeamNode[] =>
    nodes.filter((node) => node.id !== teamId).map((node) => ({ ...node, children: prune(node.children) }));
  return teamOptions(prune(teams));
}
