import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Page, UserAccount, UserListQuery } from '@proficio/shared/contracts';
import { DataSource, EntityManager } from 'typeorm';
import type { Paging } from '../common/sql';
import { listUsers, userAccount, type UserAccountRow } from './user.queries';

/** Maps a row to the account as the API shows it: never the password hash. */
function toAccount(row: UserAccountRow): UserAccount {
  return {
    id: row.id,
    email: row.email,
    status: row.disabled_at ? 'disabled' : 'active',
    isAdmin: row.is_admin,
    passwordMustChange: row.password_must_change,
    ...(row.employee_id ? { employee: { id: row.employee_id, name: row.employee_name ?? '' } } : {}),
    createdAt: row.created_at.toISOString(),
    ...(row.disabled_at ? { disabledAt: row.disabled_at.toISOString() } : {}),
  };
}

/** Reads sign-in accounts (admins only: the controller requires the role). */
@Injectable()
export class UserQueryService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(query: UserListQuery & Paging): Promise<Page<UserAccount>> {
    const { rows, total } = await listUsers(this.dataSource, query, query);
    return { items: rows.map(toAccount), total, page: query.page, pageSize: query.pageSize };
  }

  /** One account; 404 when there is none with this id. */
  async one(id: string, manager: EntityManager = this.dataSource.manager): Promise<UserAccount> {
    const row = await userAccount(manager, id);
    if (!row) throw new NotFoundException(`Account ${id} does not exist.`);
    return toAccount(row);
  }
}
