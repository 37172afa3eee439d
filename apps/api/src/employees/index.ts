export { EmployeesModule } from './employees.module';
export { EmployeeEntity, TeamEntity, ORGANISATION_ENTITIES } from './employee.entities';
export { directReports, employeeRecord } from './employee.queries';
export type { EmployeeRecordRow, EmployeeSummaryRow } from './employee.queries';
