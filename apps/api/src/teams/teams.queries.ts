import { visibleEmployees, type Actor } from '../access';
import { query, sql, type SqlRunner } from '../common/sql';

export interface TeamRow {
  id: string;
  parent_id: string | null;
  name: string;
  member_count: number;
}

/** Every team with its number of active members the actor may see (the same rule as the lists), sorted by name. */
export function allTeams(runner: SqlRunner, actor: Pick<Actor, 'roles' | 'employeeId'>): Promise<TeamRow[]> {
  return query<TeamRow>(
    runner,
    sql`SELECT t.id, t.parent_id, t.name,
               (SELECT count(*)::int FROM employee e WHERE e.team_id = t.id AND e.status = 'active' AND ${visibleEmployees(actor)})
                 AS member_count
        FROM team t ORDER BY lower(t.name), t.id`,
  );
}
