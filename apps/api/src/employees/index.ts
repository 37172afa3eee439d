export { EmployeesModule } from './employees.module';
export { EmployeeEntity, TeamEntity, ORGANISATION_ENTITIES } from './employee.entities';
export { directReports, employeeRecord } from './employee.queries';
export type { EmployeeRecordRow, EmployeeSummaryRow } from './employee.queries';
export { employeeSnapshot, employeeSnapshotColumns } from './employee.snapshot';
export type { EmployeeSnapshot } from './employee.snapshot';
