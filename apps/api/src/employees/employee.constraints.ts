import { HttpStatus } from '@nestjs/common';
import type { ConstraintProblems } from '../common/constraint-problems';

const CYCLE = {
  status: HttpStatus.UNPROCESSABLE_ENTITY,
  field: 'managerId',
  message: 'would make the reporting line a cycle: the manager reports to this employee',
};

/** The employee table's rules a request can break, and what they mean for the client. */
export const EMPLOYEE_CONSTRAINTS: ConstraintProblems = {
  uq_employee_email: { status: HttpStatus.CONFLICT, field: 'email', message: 'is already used by another employee' },
  // Raised by the reporting-line trigger.
  ck_employee_reporting_line_cycle: CYCLE,
  ck_employee_not_own_manager: CYCLE,
  ck_employee_name: { status: HttpStatus.UNPROCESSABLE_ENTITY, field: 'name', message: 'must be 1 to 200 characters' },
  ck_employee_email: { status: HttpStatus.UNPROCESSABLE_ENTITY, field: 'email', message: 'must be 3 to 320 characters' },
  ck_employee_status: { status: HttpStatus.UNPROCESSABLE_ENTITY, field: 'status', message: 'must be active or left' },
  employee_team_id_fkey: { status: HttpStatus.UNPROCESSABLE_ENTITY, field: 'teamId', message: 'is not an existing team' },
  employee_manager_id_fkey: { status: HttpStatus.UNPROCESSABLE_ENTITY, field: 'managerId', message: 'is not an existing employee' },
  employee_role_profile_id_fkey: {
    status: HttpStatus.UNPROCESSABLE_ENTITY,
    field: 'roleProfileId',
    message: 'is not an existing role profile',
  },
  employee_target_role_profile_id_fkey: {
    status: HttpStatus.UNPROCESSABLE_ENTITY,
    field: 'targetRoleProfileId',
    message: 'is not an existing role profile',
  },
};
