import { query, queryOne, Sql, sql, type SqlRunner } from '../common/sql';
import type { Actor } from './actor';

/**
 * The employees this actor may see, as a condition on an employee id column:
 * admins everyone; anyone else themselves and their reporting line (direct and
 * indirect reports), read from the employee_line closure table with one
 * indexed lookup; a user without an employee record nobody.
 *
 * Every list that shows people filters by it, and dashboards join it:
 *
 *   sql`SELECT … FROM employee e WHERE ${visibleEmployees(actor)}`
 *   sql`… JOIN assessment a ON ${visibleEmployees(actor, sql.raw('a.employee_id'))}`
 */
export function visibleEmployees(actor: Pick<Actor, 'roles' | 'employeeId'>, idColumn: Sql = sql.raw('e.id')): Sql {
  if (actor.roles.includes('admin')) return sql`TRUE`;
  if (!actor.employeeId) return sql`FALSE`;
  return sql`${idColumn} IN (SELECT line.descendant_id FROM employee_line line WHERE line.ancestor_id = ${actor.employeeId})`;
}

/**
 * `has_reports`: whether the account's employee (column `employeeIdColumn`)
 * has an active direct report, which makes them a manager.
 */
export const hasReports = (employeeIdColumn: Sql = sql.raw('u.employee_id')): Sql =>
  sql`EXISTS (SELECT 1 FROM employee r WHERE r.manager_id = ${employeeIdColumn} AND r.status = 'active')`;

/** An account with everything a request needs to know about its caller, in one query. */
export interface AccountAccessRow {
  id: string;
  email: string;
  is_admin: boolean;
  employee_id: string | null;
  disabled_at: Date | null;
  password_changed_at: Date | null;
  password_must_change: boolean;
  has_reports: boolean;
  /** Whether the access token's session (refresh-token family) is still open. */
  session_open: boolean;
}

/** The account behind an access token, whether it manages anyone, and whether the token's session is still open, in one query. */
export function accountAccess(runner: SqlRunner, userId: string, sessionId: string): Promise<AccountAccessRow | undefined> {
  return queryOne<AccountAccessRow>(
    runner,
    sql`SELECT u.id, u.email, u.is_admin, u.employee_id, u.disabled_at, u.password_changed_at, u.password_must_change,
               ${hasReports()} AS has_reports,
               EXISTS (SELECT 1 FROM refresh_token t WHERE t.family_id = ${sessionId} AND t.user_id = u.id AND t.revoked_at IS NULL)
                 AS session_open
        FROM app_user u WHERE u.id = ${userId}`,
  );
}

/** Whether the employee exists, and whether it is in the manager's reporting line (below them), in one round trip. */
export async function employeeFacts(
  runner: SqlRunner,
  employeeId: string,
  managerId: string | null,
): Promise<{ known: boolean; inLine: boolean }> {
  const inLine = managerId
    ? sql`EXISTS (SELECT 1 FROM employee_line WHERE ancestor_id = ${managerId} AND descendant_id = ${employeeId} AND depth > 0)`
    : sql`FALSE`;
  const row = await queryOne<{ known: boolean; in_line: boolean }>(
    runner,
    sql`SELECT EXISTS (SELECT 1 FROM employee WHERE id = ${employeeId}) AS known, ${inLine} AS in_line`,
  );
  return { known: !!row?.known, inLine: !!row?.in_line };
}

/** `employeeFacts` for many employees in one round trip: which exist, and which are below the manager. */
export async function employeesFacts(
  runner: SqlRunner,
  employeeIds: readonly string[],
  managerId: string | null,
): Promise<Map<string, { known: boolean; inLine: boolean }>> {
  const inLine = managerId
    ? sql`EXISTS (SELECT 1 FROM employee_line l WHERE l.ancestor_id = ${managerId} AND l.descendant_id = e.id AND l.depth > 0)`
    : sql`FALSE`;
  const rows = await query<{ id: string; in_line: boolean }>(
    runner,
    sql`SELECT e.id, ${inLine} AS in_line FROM employee e WHERE e.id = ANY(${employeeIds}::uuid[])`,
  );
  const found = new Map(rows.map((row) => [row.id, row.in_line]));
  return new Map(employeeIds.map((id) => [id, { known: found.has(id), inLine: found.get(id) ?? false }]));
}

/** Number of people in a manager's reporting line, however deep. */
export async function reportCount(runner: SqlRunner, managerId: string): Promise<number> {
  const [row] = await query<{ count: number }>(
    runner,
    sql`SELECT count(*)::int AS count FROM employee_line WHERE ancestor_id = ${managerId} AND depth > 0`,
  );
  return row?.count ?? 0;
}
