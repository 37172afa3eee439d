import { query, sql, type SqlRunner } from '../common/sql';

export interface TeamRow {
  id: string;
  parent_id: string | null;
  name: string;
  member_count: number;
}

/** Every team with its number of active members, sorted by name. */
export function allTeams(runner: SqlRunner): Promise<TeamRow[]> {
  return query<TeamRow>(
    runner,
    sql`SELECT t.id, t.parent_id, t.name,
               (SELECT count(*)::int FROM employee e WHERE e.team_id = t.id AND e.status = 'active') AS member_count
        FROM team t ORDER BY lower(t.name), t.id`,
  );
}
