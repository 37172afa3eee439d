import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { EmployeeDetail, EmployeeListQuery, EmployeeSummary, NamedRef, Page } from '@proficio/shared/contracts';
import { DataSource } from 'typeorm';
import { AccessService, Actor } from '../access';
import type { Paging } from '../common/sql';
import { directReports, employeeRecord, type EmployeeRecordRow, type EmployeeSummaryRow, listEmployees } from './employee.queries';

const ref = (id: string | null, name: string | null): NamedRef | undefined => (id ? { id, name: name ?? '' } : undefined);

export function toEmployeeSummary(row: EmployeeSummaryRow): EmployeeSummary {
  const team = ref(row.team_id, row.team_name);
  const manager = ref(row.manager_id, row.manager_name);
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    ...(row.job_title ? { jobTitle: row.job_title } : {}),
    status: row.status,
    ...(team ? { team } : {}),
    ...(manager ? { manager } : {}),
  };
}

function toDetailFields(row: EmployeeRecordRow): Omit<EmployeeDetail, keyof EmployeeSummary | 'directReports' | 'reportCount' | 'access'> {
  const roleProfile = ref(row.role_profile_id, row.role_profile_name);
  const targetRoleProfile = ref(row.target_role_profile_id, row.target_role_profile_name);
  return {
    ...(row.start_date ? { startDate: row.start_date } : {}),
    ...(row.anonymised_at ? { anonymisedAt: row.anonymised_at.toISOString() } : {}),
    ...(roleProfile ? { roleProfile } : {}),
    ...(targetRoleProfile ? { targetRoleProfile } : {}),
  };
}

/**
 * Reads people, showing each caller only whom they may see: admins everyone,
 * everyone else themselves and their reporting line (access/visibleEmployees).
 */
@Injectable()
export class EmployeeQueryService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
  ) {}

  async list(actor: Actor, query: EmployeeListQuery & Paging): Promise<Page<EmployeeSummary>> {
    const { rows, total } = await listEmployees(this.dataSource, actor, query, query);
    return { items: rows.map(toEmployeeSummary), total, page: query.page, pageSize: query.pageSize };
  }

  async detail(actor: Actor, id: string): Promise<EmployeeDetail> {
    const access = await this.access.require(actor, 'employee.read', id);
    const row = await employeeRecord(this.dataSource, id);
    if (!row) throw new NotFoundException(`Employee ${id} does not exist.`);
    const reports = await directReports(this.dataSource, id);
    return {
      ...toEmployeeSummary(row),
      ...toDetailFields(row),
      directReports: reports,
      reportCount: reports.length ? await this.access.reportCount(id) : 0,
      access,
    };
  }

  async reports(actor: Actor, id: string): Promise<NamedRef[]> {
    await this.access.require(actor, 'employee.read', id);
    return directReports(this.dataSource, id);
  }
}
