import type { EmployeeListQuery, EmployeeStatus, NamedRef } from '@proficio/shared/contracts';
import { visibleEmployees, type Actor } from '../access';
import { containsPattern, type Paging, type PagedRows, query, queryOne, queryPage, sql, type SqlRunner } from '../common/sql';

/** An employee with the names of their team and manager, as lists show them. */
export interface EmployeeSummaryRow {
  id: string;
  name: string;
  email: string;
  job_title: string | null;
  status: EmployeeStatus;
  team_id: string | null;
  team_name: string | null;
  manager_id: string | null;
  manager_name: string | null;
}

/** Everything about one employee record, with the names of what it points to. */
export interface EmployeeRecordRow extends EmployeeSummaryRow {
  start_date: string | null;
  created_at: Date;
  updated_at: Date;
  anonymised_at: Date | null;
  role_profile_id: string | null;
  role_profile_name: string | null;
  target_role_profile_id: string | null;
  target_role_profile_name: string | null;
}

const SUMMARY_COLUMNS = sql`e.id, e.name, e.email, e.job_title, e.status, e.team_id, t.name AS team_name, e.manager_id, m.name AS manager_name`;

/** The people the actor may see (access/visibleEmployees), filtered, one page, sorted by name. */
export function listEmployees(
  runner: SqlRunner,
  actor: Actor,
  filter: EmployeeListQuery,
  paging: Paging,
): Promise<PagedRows<EmployeeSummaryRow>> {
  const q = filter.q?.trim();
  return queryPage<EmployeeSummaryRow>(
    runner,
    {
      select: SUMMARY_COLUMNS,
      from: sql`FROM employee e
        LEFT JOIN employee m ON m.id = e.manager_id
        LEFT JOIN team t ON t.id = e.team_id
        ${sql.where([
          visibleEmployees(actor),
          // search_text: name, email and job title, lower-cased, with a trigram index (migration IndexEmployeeSearch).
          q && sql`e.search_text LIKE lower(${containsPattern(q)})`,
          filter.teamId &&
            (filter.includeSubTeams === false
              ? sql`e.team_id = ${filter.teamId}`
              : sql`e.team_id IN (WITH RECURSIVE sub AS (SELECT id FROM team WHERE id = ${filter.teamId}
                                    UNION SELECT t.id FROM team t JOIN sub ON t.parent_id = sub.id) SELECT id FROM sub)`),
          filter.managerId && sql`e.manager_id = ${filter.managerId}`,
          filter.roleProfileId && sql`e.role_profile_id = ${filter.roleProfileId}`,
          filter.status && sql`e.status = ${filter.status}`,
        ])}`,
      orderBy: sql`lower(e.name), e.id`,
    },
    paging,
  );
}

/** One employee record, or undefined. */
export function employeeRecord(runner: SqlRunner, id: string): Promise<EmployeeRecordRow | undefined> {
  return queryOne<EmployeeRecordRow>(
    runner,
    sql`SELECT ${SUMMARY_COLUMNS}, e.start_date::text AS start_date, e.created_at, e.updated_at, e.anonymised_at,
               rp.id AS role_profile_id, rp.name AS role_profile_name, trp.id AS target_role_profile_id, trp.name AS target_role_profile_name
        FROM employee e
        LEFT JOIN employee m ON m.id = e.manager_id
        LEFT JOIN team t ON t.id = e.team_id
        LEFT JOIN role_profile rp ON rp.id = e.role_profile_id
        LEFT JOIN role_profile trp ON trp.id = e.target_role_profile_id
        WHERE e.id = ${id}`,
  );
}

/** The people who report to this employee directly, by name. */
export function directReports(runner: SqlRunner, id: string): Promise<NamedRef[]> {
  return query<NamedRef>(runner, sql`SELECT id, name FROM employee WHERE manager_id = ${id} ORDER BY lower(name), id`);
}
