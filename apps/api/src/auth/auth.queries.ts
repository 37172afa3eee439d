import { hasReports } from '../access';
import { queryOne, sql, type SqlRunner } from '../common/sql';

/** The employee behind an account, as /me shows it, with what makes them a manager and how many people are in their line. */
export interface MeEmployeeRow {
  id: string;
  name: string;
  job_title: string | null;
  team_id: string | null;
  has_reports: boolean;
  report_count: number;
}

export function meEmployee(runner: SqlRunner, employeeId: string): Promise<MeEmployeeRow | undefined> {
  return queryOne<MeEmployeeRow>(
    runner,
    sql`SELECT e.id, e.name, e.job_title, e.team_id, ${hasReports(sql.raw('e.id'))} AS has_reports,
               (SELECT count(*)::int FROM employee_line l WHERE l.ancestor_id = e.id AND l.depth > 0) AS report_count
        FROM employee e WHERE e.id = ${employeeId}`,
  );
}

/** Wrong current passwords on this account's password changes within the last `seconds`, and when the oldest of them leaves that window. */
export async function recentPasswordRefusals(
  runner: SqlRunner,
  userId: string,
  seconds: number,
): Promise<{ count: number; retryAfterSeconds: number }> {
  const row = await queryOne<{ count: number; retry_after: number | null }>(
    runner,
    sql`SELECT count(*)::int AS count,
               ceil(extract(epoch FROM min(occurred_at) + make_interval(secs => ${seconds}) - now()))::int AS retry_after
        FROM audit_event
        WHERE entity_type = 'user' AND entity_id = ${userId} AND action = 'refuse'
          AND occurred_at > now() - make_interval(secs => ${seconds})`,
  );
  return { count: row?.count ?? 0, retryAfterSeconds: row?.retry_after ?? 0 };
}
