import { sql, Sql } from '../common/sql';
import type { EmployeeEntity } from './employee.entities';

/** What the audit log keeps of an employee, whoever wrote it (the form, an import). */
export type EmployeeSnapshot = Pick<
  EmployeeEntity,
  'id' | 'name' | 'email' | 'jobTitle' | 'teamId' | 'managerId' | 'startDate' | 'roleProfileId' | 'targetRoleProfileId' | 'status'
>;

/** The audited shape of an employee: the fields a person's record holds, no timestamps. */
export const employeeSnapshot = (employee: EmployeeSnapshot): EmployeeSnapshot => ({
  id: employee.id,
  name: employee.name,
  email: employee.email,
  jobTitle: employee.jobTitle,
  teamId: employee.teamId,
  managerId: employee.managerId,
  startDate: employee.startDate,
  roleProfileId: employee.roleProfileId,
  targetRoleProfileId: employee.targetRoleProfileId,
  status: employee.status,
});

/** The columns of `EmployeeSnapshot` selected from an employee table alias (for set-based writes that RETURNING them). */
export const employeeSnapshotColumns = (alias: string): Sql =>
  sql.raw(
    [
      'id',
      'name',
      'email',
      'job_title AS "jobTitle"',
      'team_id AS "teamId"',
      'manager_id AS "managerId"',
      'start_date::text AS "startDate"',
      'role_profile_id AS "roleProfileId"',
      'target_role_profile_id AS "targetRoleProfileId"',
      'status',
    ]
      .map((column) => `${alias}.${column}`)
      .join(', '),
  );
