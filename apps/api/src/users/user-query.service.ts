import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Page, UserAccount, UserListQuery } from '@proficio/shared/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { escapeLike } from '../common/sql';

type Row = Record<string, unknown>;

const SELECT = `u.id, u.email, u.is_admin, u.password_must_change, u.disabled_at, u.created_at, e.id AS employee_id, e.name AS employee_name`;
const FROM = `app_user u LEFT JOIN employee e ON e.id = u.employee_id`;

/** Maps a row to the account as the API shows it: never the password hash. */
function toAccount(row: Row): UserAccount {
  return {
    id: row['id'] as string,
    email: row['email'] as string,
    status: row['disabled_at'] ? 'disabled' : 'active',
    isAdmin: row['is_admin'] as boolean,
    passwordMustChange: row['password_must_change'] as boolean,
    ...(row['employee_id'] ? { employee: { id: row['employee_id'] as string, name: row['employee_name'] as string } } : {}),
    createdAt: (row['created_at'] as Date).toISOString(),
    ...(row['disabled_at'] ? { disabledAt: (row['disabled_at'] as Date).toISOString() } : {}),
  };
}

/** Reads sign-in accounts (admins only: the controller requires the role). */
@Injectable()
export class UserQueryService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(query: Required<Pick<UserListQuery, 'page' | 'pageSize'>> & UserListQuery): Promise<Page<UserAccount>> {
    const params: unknown[] = [];
    const where: string[] = [];
    const add = (value: unknown, clause: (n: number) => string) => {
      params.push(value);
      where.push(clause(params.length));
    };
    if (query.q?.trim()) add(`%${escapeLike(query.q.trim())}%`, (n) => `(u.email ILIKE $${n} OR e.name ILIKE $${n})`);
    if (query.status === 'active') where.push('u.disabled_at IS NULL');
    if (query.status === 'disabled') where.push('u.disabled_at IS NOT NULL');
    if (query.admin !== undefined) add(query.admin, (n) => `u.is_admin = $${n}`);
    if (query.employeeId) add(query.employeeId, (n) => `u.employee_id = $${n}`);
    const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ total }] = await this.dataSource.query(`SELECT count(*)::int AS total FROM ${FROM} ${filter}`, params);
    const rows: Row[] = await this.dataSource.query(
      `SELECT ${SELECT} FROM ${FROM} ${filter}
       ORDER BY lower(coalesce(e.name, u.email)), u.id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, query.pageSize, (query.page - 1) * query.pageSize],
    );
    return { items: rows.map(toAccount), total: total as number, page: query.page, pageSize: query.pageSize };
  }

  /** One account; 404 when there is none with this id. */
  async one(id: string, manager: EntityManager = this.dataSource.manager): Promise<UserAccount> {
    const [row] = await manager.query(`SELECT ${SELECT} FROM ${FROM} WHERE u.id = $1`, [id]);
    if (!row) throw new NotFoundException(`Account ${id} does not exist.`);
    return toAccount(row as Row);
  }
}
