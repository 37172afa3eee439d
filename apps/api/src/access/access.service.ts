import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Role } from '@proficio/shared/contracts';
import { DataSource } from 'typeorm';
import type { Actor } from './actor';

export type EmployeeAccess = 'admin' | 'self' | 'manager' | 'none';

/**
 * Who may touch which employee's data — the one place these rules live.
 * Admins: everyone. Employees: themselves. Managers: everyone in their
 * reporting line (direct and indirect reports), read from the employee_line
 * closure table in one indexed lookup, however deep the line.
 */
@Injectable()
export class AccessService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The roles of a user: admin from the account, employee from a linked employee, manager from having reports. */
  async rolesOf(user: { isAdmin: boolean; employeeId: string | null }): Promise<Role[]> {
    const roles: Role[] = user.isAdmin ? ['admin'] : [];
    if (user.employeeId) {
      const [{ has_reports }] = await this.dataSource.query(
        "SELECT EXISTS (SELECT 1 FROM employee WHERE manager_id = $1 AND status = 'active') AS has_reports",
        [user.employeeId],
      );
      if (has_reports) roles.push('manager');
      roles.push('employee');
    }
    return roles;
  }

  /** How the actor relates to the employee, which decides what they may see and do. */
  async accessTo(actor: Actor, employeeId: string): Promise<EmployeeAccess> {
    const needsLine =
      !actor.roles.includes('admin') && actor.roles.includes('manager') && !!actor.employeeId && actor.employeeId !== employeeId;
    const inLine = needsLine && actor.employeeId ? await this.isInReportingLine(actor.employeeId, employeeId) : false;
    return decideAccess(actor, employeeId, inLine);
  }

  /** True when `employeeId` reports to `managerId`, directly or through any number of managers: one indexed lookup. */
  async isInReportingLine(managerId: string, employeeId: string): Promise<boolean> {
    const rows = await this.dataSource.query('SELECT 1 FROM employee_line WHERE ancestor_id = $1 AND descendant_id = $2 AND depth > 0', [
      managerId,
      employeeId,
    ]);
    return rows.length > 0;
  }

  /** Number of people in a manager's reporting line. */
  async reportCount(managerId: string): Promise<number> {
    const [{ count }] = await this.dataSource.query(
      'SELECT count(*)::int AS count FROM employee_line WHERE ancestor_id = $1 AND depth > 0',
      [managerId],
    );
    return count as number;
  }
}

/**
 * The access rules as a pure decision, given the facts the service looks up.
 * Kept separate so that the whole table of cases is unit-tested.
 */
export function decideAccess(actor: Pick<Actor, 'roles' | 'employeeId'>, employeeId: string, inReportingLine: boolean): EmployeeAccess {
  if (actor.roles.includes('admin')) return 'admin';
  if (!actor.employeeId) return 'none';
  if (actor.employeeId === employeeId) return 'self';
  return actor.roles.includes('manager') && inReportingLine ? 'manager' : 'none';
}
