import { TeamGrid } from '@proficio/shared/contracts';

/** One person in the manager's line with assessments waiting. */
export interface PersonAttention {
  readonly id: string;
  readonly name: string;
  /** Targets of their role profile without a manager level ("not assessed" counts as none). */
  readonly missing: number;
  /** Targets whose manager level is stale, or was given on an earlier version of the competency. */
  readonly outdated: number;
}

/** What waits for a manager in their line, from the team grid. */
export interface TeamAttention {
  /** Everyone in the line. */
  readonly people: number;
  /** People with something missing or out of date, most waiting first. */
  readonly waiting: readonly PersonAttention[];
  readonly missing: number;
  readonly outdated: number;
  /** People without a role profile: nothing is asked of them yet. */
  readonly withoutRoleProfile: number;
}

/**
 * Counts, per person, the targets of their role profile the manager has not assessed, or assessed
 * long ago or on an earlier version of the competency. Levels on competencies their role does not ask
 * for wait for no one.
 */
export function teamAttention(grid: TeamGrid): TeamAttention {
  const counts = new Map<string, { missing: number; outdated: number }>();
  for (const cell of grid.cells) {
    if (cell.target === undefined) continue;
    const count = counts.get(cell.employeeId) ?? { missing: 0, outdated: 0 };
    const manager = cell.manager;
    if (!manager || manager.outcome === 'not_assessed') count.missing++;
    else if (manager.stale || manager.fromEarlierVersion) count.outdated++;
    counts.set(cell.employeeId, count);
  }
  const waiting = grid.people
    .map((person) => ({ id: person.id, name: person.name, missing: 0, outdated: 0, ...counts.get(person.id) }))
    .filter((person) => person.missing + person.outdated > 0)
    .sort((a, b) => b.missing + b.outdated - (a.missing + a.outdated) || a.name.localeCompare(b.name));
  return {
    people: grid.people.length,
    waiting,
    missing: waiting.reduce((sum, person) => sum + person.missing, 0),
    outdated: waiting.reduce((sum, person) => sum + person.outdated, 0),
    withoutRoleProfile: grid.people.filter((person) => !person.roleProfile).length,
  };
}
