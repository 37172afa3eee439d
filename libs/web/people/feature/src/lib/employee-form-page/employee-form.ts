import { AbstractControl, ValidationErrors } from '@angular/forms';
import { CreateEmployeeRequest, EmployeeDetail, EmployeeStatus, NamedRef, UpdateEmployeeRequest } from '@proficio/shared/contracts';
import { fromIsoDate, toIsoDate } from '@proficio/web/shared/util/date-input';
import type { DateTime } from 'luxon';

/** The form's values: references are the chosen `NamedRef` (or the text typed while searching). */
export interface EmployeeFormValue {
  name: string;
  email: string;
  jobTitle: string;
  /** '' for no team. */
  teamId: string;
  manager: NamedRef | string | null;
  roleProfile: NamedRef | string | null;
  targetRoleProfile: NamedRef | string | null;
  startDate: DateTime | null;
  status: EmployeeStatus;
}

export const EMPTY_EMPLOYEE_FORM: EmployeeFormValue = {
  name: '',
  email: '',
  jobTitle: '',
  teamId: '',
  manager: null,
  roleProfile: null,
  targetRoleProfile: null,
  startDate: null,
  status: 'active',
};

/** API field → form control, for placing the API's field errors. */
export const EMPLOYEE_FIELD_CONTROLS: Readonly<Record<string, string>> = {
  managerId: 'manager',
  roleProfileId: 'roleProfile',
  targetRoleProfileId: 'targetRoleProfile',
};

/** The form's values for an existing person. */
export function formValueOf(employee: EmployeeDetail): EmployeeFormValue {
  return {
    name: employee.name,
    email: employee.email,
    jobTitle: employee.jobTitle ?? '',
    teamId: employee.team?.id ?? '',
    manager: employee.manager ?? null,
    roleProfile: employee.roleProfile ?? null,
    targetRoleProfile: employee.targetRoleProfile ?? null,
    startDate: fromIsoDate(employee.startDate),
    status: employee.status,
  };
}

const refId = (value: NamedRef | string | null): string | null => (value && typeof value === 'object' ? value.id : null);

/** The fields of a request, with null for the ones left empty. */
function fields(value: EmployeeFormValue) {
  return {
    name: value.name.trim(),
    email: value.email.trim(),
    jobTitle: value.jobTitle.trim() || null,
    teamId: value.teamId || null,
    managerId: refId(value.manager),
    roleProfileId: refId(value.roleProfile),
    targetRoleProfileId: refId(value.targetRoleProfile),
    startDate: toIsoDate(value.startDate),
  };
}

/** `POST /api/employees`: the filled-in fields only. */
export function createRequest(value: EmployeeFormValue): CreateEmployeeRequest {
  const all = fields(value);
  const request: CreateEmployeeRequest = { name: all.name, email: all.email };
  for (const key of ['jobTitle', 'teamId', 'managerId', 'roleProfileId', 'targetRoleProfileId', 'startDate'] as const) {
    const field = all[key];
    if (field !== null) request[key] = field;
  }
  return request;
}

/** `PATCH /api/employees/:id`: only what differs from `initial` (null clears a field). */
export function updateRequest(initial: EmployeeFormValue, value: EmployeeFormValue): UpdateEmployeeRequest {
  const before = fields(initial);
  const after = fields(value);
  const request: UpdateEmployeeRequest = {};
  for (const key of Object.keys(after) as (keyof typeof after)[]) {
    if (after[key] !== before[key]) Object.assign(request, { [key]: after[key] });
  }
  if (value.status !== initial.status) request.status = value.status;
  return request;
}

/** A reference field holds a choice from its list, or nothing; typed text that was never chosen is an error. */
export function chosenFromList(control: AbstractControl): ValidationErrors | null {
  const value = control.value as unknown;
  return typeof value === 'string' && value.trim() !== '' ? { notChosen: true } : null;
}
