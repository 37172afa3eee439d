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
