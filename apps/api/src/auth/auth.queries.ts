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
