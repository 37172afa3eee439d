import { EmployeeStatus } from '@proficio/shared/contracts';

const STATUS_LABELS: Record<EmployeeStatus, string> = { active: 'Active', left: 'Left' };

/** An employee's status in words. */
export function employeeStatusLabel(status: EmployeeStatus): string {
  return STATUS_LABELS[status] ?? status;
}
