import type { UserListQuery } from '@proficio/shared/contracts';
import { containsPattern, type PagedRows, type Paging, queryOne, queryPage, sql, type SqlRunner } from '../common/sql';

/** An account as the API shows it: never the password hash. */
export interface UserAccountRow {
  id: string;
  email: string;
  is_admin: boolean;
  password_must_change: boolean;
  disabled_at: Date | null;
  created_at: Date;
  employee_id: string | null;
  employee_name: string | null;
}

const COLUMNS = sql`u.id, u.email, u.is_admin, u.password_must_change, u.disabled_at, u.created_at, e.id AS employee_id, e.name AS employee_name`;
const FROM = sql`FROM app_user u LEFT JOIN employee e ON e.id = u.employee_id`;

/** Accounts, searched by email or employee name, sorted by the person's name (the email without an employee). */
export function listUsers(runner: SqlRunner, filter: UserListQuery, paging: Paging): Promise<PagedRows<UserAccountRow>> {
  const q = filter.q?.trim();
  return queryPage<UserAccountRow>(
    runner,
    {
      select: COLUMNS,
      from: sql`${FROM} ${sql.where([
        q && sql`(u.email ILIKE ${containsPattern(q)} OR e.name ILIKE ${containsPattern(q)})`,
        filter.status === 'active' && sql`u.disabled_at IS NULL`,
        filter.status === 'disabled' && sql`u.disabled_at IS NOT NULL`,
        filter.admin !== undefined && sql`u.is_admin = ${filter.admin}`,
        filter.employeeId && sql`u.employee_id = ${filter.employeeId}`,
      ])}`,
      orderBy: sql`lower(coalesce(e.name, u.email)), u.id`,
    },
    paging,
  );
}

export function userAccount(runner: SqlRunner, id: string): Promise<UserAccountRow | undefined> {
  return queryOne<UserAccountRow>(runner, sql`SELECT ${COLUMNS} ${FROM} WHERE u.id = ${id}`);
}
