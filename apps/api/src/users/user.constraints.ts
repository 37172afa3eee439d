import { HttpStatus } from '@nestjs/common';
import type { ConstraintProblems } from '../common/constraint-problems';

/** The app_user table's rules a request can break (two admins creating the same account at once), and what they mean. */
export const USER_CONSTRAINTS: ConstraintProblems = {
  uq_app_user_email: { status: HttpStatus.CONFLICT, field: 'email', message: 'is already used by another account' },
  uq_app_user_employee: { status: HttpStatus.CONFLICT, field: 'employeeId', message: 'already has an account' },
  app_user_employee_id_fkey: { status: HttpStatus.UNPROCESSABLE_ENTITY, field: 'employeeId', message: 'is not an existing employee' },
};
