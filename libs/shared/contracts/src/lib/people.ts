export type EmployeeStatus = 'active' | 'left';

export interface NamedRef {
  id: string;
  name: string;
}

/** One person in the people directory. */
export interface EmployeeSummary {
  id: string;
  name: string;
  email: string;
  jobTitle?: string;
  status: EmployeeStatus;
  team?: NamedRef;
  manager?: NamedRef;
}

/** How the caller relates to an employee: what they may see and do follows from it. */
export type EmployeeAccessLevel = 'admin' | 'self' | 'manager';

export interface EmployeeDetail extends EmployeeSummary {
  startDate?: string;
  /** When this person, who left, was anonymised (an admin's `POST /api/employees/:id/anonymisation`). */
  anonymisedAt?: string;
  /** The role profile this person holds now (its current published version sets the targets). */
  roleProfile?: NamedRef;
  /** The role profile this person is growing towards. */
  targetRoleProfile?: NamedRef;
  directReports: NamedRef[];
  /** Direct and indirect reports. */
  reportCount: number;
  access: EmployeeAccessLevel;
}

export interface EmployeeListQuery {
  q?: string;
  teamId?: string;
  /** With `teamId`: also the members of its sub-teams, however deep (the default); `false` for the team itself only. */
  includeSubTeams?: boolean;
  managerId?: string;
  /** People who hold this role profile now. */
  roleProfileId?: string;
  status?: EmployeeStatus;
  page?: number;
  pageSize?: number;
}

/** A team (org unit) in the team tree: `GET /api/teams`. */
export interface TeamNode {
  id: string;
  name: string;
  /** Active members of this team itself (not of sub-teams). */
  memberCount: number;
  children: TeamNode[];
}

/** `POST /api/employees` (admin). */
export interface CreateEmployeeRequest {
  name: string;
  email: string;
  jobTitle?: string;
  teamId?: string;
  managerId?: string;
  startDate?: string;
  roleProfileId?: string;
  targetRoleProfileId?: string;
}

/** `PATCH /api/employees/:id` (admin): only the fields given change; null clears. */
export interface UpdateEmployeeRequest {
  name?: string;
  email?: string;
  jobTitle?: string | null;
  teamId?: string | null;
  managerId?: string | null;
  startDate?: string | null;
  roleProfileId?: string | null;
  targetRoleProfileId?: string | null;
  status?: EmployeeStatus;
}

/** One entry of the audit log: `GET /api/audit-events` (admin). */
export interface AuditEventView {
  id: number;
  occurredAt: string;
  actor?: { userId: string; email?: string };
  action: string;
  entityType: string;
  entityId?: string;
  /**
   * The record's name as the event recorded it when it was written (a person's, team's or role
   * profile's name, an account's email), so it survives renames; withheld for anonymised people.
   */
  entityName?: string;
  before?: unknown;
  after?: unknown;
}
