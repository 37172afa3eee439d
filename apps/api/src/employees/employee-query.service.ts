import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { EmployeeDetail, EmployeeListQuery, EmployeeSummary, NamedRef, Page } from '@proficio/shared/contracts';
import { DataSource } from 'typeorm';
import { AccessService, Actor } from '../access';
import { escapeLike } from '../common/sql';

type Row = Record<string, unknown>;

function toSummary(row: Row): EmployeeSummary {
  return {
    id: row['id'] as string,
    name: row['name'] as string,
    email: row['email'] as string,
    ...(row['job_title'] ? { jobTitle: row['job_title'] as string } : {}),
    status: row['status'] as EmployeeSummary['status'],
    ...(row['team_id'] ? { team: { id: row['team_id'] as string, name: row['team_name'] as string } } : {}),
    ...(row['manager_id'] ? { manager: { id: row['manager_id'] as string, name: row['manager_name'] as string } } : {}),
  };
}

/**
 * Reads people, showing each caller only whom they may see: admins everyone,
 * managers their reporting line (one recursive query, paged in SQL) and
 * themselves, employees themselves.
 */
@Injectable()
export class EmployeeQueryService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
  ) {}

  async list(
    actor: Actor,
    query: Required<Pick<EmployeeListQuery, 'page' | 'pageSize'>> & EmployeeListQuery,
  ): Promise<Page<EmployeeSummary>> {
    const isAdmin = actor.roles.includes('admin');
    if (!isAdmin && !actor.employeeId) return { items: [], total: 0, page: query.page, pageSize: query.pageSize };
    const params: unknown[] = [];
    const where: string[] = [];
    const add = (value: unknown, clause: (n: number) => string) => {
      params.push(value);
      where.push(clause(params.length));
    };
    // Everyone but admins sees a scope: themselves (depth 0) and their reporting line,
    // read from the employee_line closure table with one indexed lookup.
    let from = 'employee e';
    if (!isAdmin) {
      params.push(actor.employeeId);
      from = 'employee_line s JOIN employee e ON e.id = s.descendant_id';
      where.push('s.ancestor_id = $1');
    }
    // search_text: name, email and job title, lower-cased, with a trigram index (migration IndexEmployeeSearch).
    if (query.q?.trim()) add(`%${escapeLike(query.q.trim())}%`, (n) => `e.search_text LIKE lower($${n})`);
    if (query.teamId) add(query.teamId, (n) => `e.team_id = $${n}`);
    if (query.managerId) add(query.managerId, (n) => `e.manager_id = $${n}`);
    if (query.roleProfileId) add(query.roleProfileId, (n) => `e.role_profile_id = $${n}`);
    if (query.status) add(query.status, (n) => `e.status = $${n}`);
    const filtered = `
      SELECT %SELECT%
      FROM ${from}
      LEFT JOIN employee m ON m.id = e.manager_id
      LEFT JOIN team t ON t.id = e.team_id
      ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`;
    const rows: Row[] = await this.dataSource.query(
      `${filtered.replace(
        '%SELECT%',
        'e.id, e.name, e.email, e.job_title, e.status, e.team_id, t.name AS team_name, e.manager_id, m.name AS manager_name, count(*) OVER () AS total',
      )}
       ORDER BY lower(e.name), e.id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, query.pageSize, (query.page - 1) * query.pageSize],
    );
    // total comes with the page; a page past the end has no rows to carry it
    const total = rows.length
      ? Number(rows[0]?.['total'])
      : query.page > 1
        ? Number((await this.dataSource.query(filtered.replace('%SELECT%', 'count(*)::int AS total'), params))[0].total)
        : 0;
    return { items: rows.map(toSummary), total, page: query.page, pageSize: query.pageSize };
  }

  async detail(actor: Actor, id: string): Promise<EmployeeDetail> {
    const access = await this.requireAccess(actor, id);
    const [row] = await this.dataSource.query(
      `SELECT e.id, e.name, e.email, e.job_title, e.status, e.start_date::text AS start_date, e.anonymised_at, e.team_id, t.name AS team_name,
              e.manager_id, m.name AS manager_name, rp.id AS role_profile_id, rp.name AS role_profile_name,
              trp.id AS target_role_profile_id, trp.name AS target_role_profile_name
       FROM employee e LEFT JOIN employee m ON m.id = e.manager_id LEFT JOIN team t ON t.id = e.team_id
       LEFT JOIN role_profile rp ON rp.id = e.role_profile_id LEFT JOIN role_profile trp ON trp.id = e.target_role_profile_id
       WHERE e.id = $1`,
      [id],
    );
    const directReports = await this.directReports(id);
    return {
      ...toSummary(row as Row),
      ...((row as Row)['start_date'] ? { startDate: (row as Row)['start_date'] as string } : {}),
      ...((row as Row)['anonymised_at'] ? { anonymisedAt: ((row as Row)['anonymised_at'] as Date).toISOString() } : {}),
      ...((row as Row)['role_profile_id']
        ? { roleProfile: { id: (row as Row)['role_profile_id'] as string, name: (row as Row)['role_profile_name'] as string } }
        : {}),
      ...((row as Row)['target_role_profile_id']
        ? {
            targetRoleProfile: {
              id: (row as Row)['target_role_profile_id'] as string,
              name: (row as Row)['target_role_profile_name'] as string,
            },
          }
        : {}),
      directReports,
      reportCount: directReports.length ? await this.access.reportCount(id) : 0,
      access,
    };
  }

  async reports(actor: Actor, id: string): Promise<NamedRef[]> {
    await this.requireAccess(actor, id);
    return this.directReports(id);
  }

  /** 404 for an unknown employee, 403 for one outside the caller's reach. */
  private async requireAccess(actor: Actor, id: string): Promise<Exclude<Awaited<ReturnType<AccessService['accessTo']>>, 'none'>> {
    const [exists] = await this.dataSource.query('SELECT 1 FROM employee WHERE id = $1', [id]);
    if (!exists) throw new NotFoundException(`Employee ${id} does not exist.`);
    const access = await this.access.accessTo(actor, id);
    if (access === 'none') throw new ForbiddenException('You may only see yourself and the people who report to you.');
    return access;
  }

  private async directReports(id: string): Promise<NamedRef[]> {
    return this.dataSource.query(`SELECT id, name FROM employee WHERE manager_id = $1 ORDER BY lower(name), id`, [id]);
  }
}
