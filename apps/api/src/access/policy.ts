import type { Role } from '@proficio/shared/contracts';
import type { Actor } from './actor';

/**
 * How the actor stands to one employee: an administrator, the person
 * themselves, a manager with the employee in their reporting line (direct or
 * indirect), or none of these.
 */
export type Relation = 'admin' | 'self' | 'manager' | 'none';

/** What an actor may want to do to or about one employee. */
export const ACTIONS = [
  'employee.read',
  'employee.update',
  'employee.export',
  'employee.anonymise',
  'account.manage',
  'assessment.record',
  'assessment.read',
  'evidence.read',
  'evidence.submit',
  'evidence.review',
] as const;
export type Action = (typeof ACTIONS)[number];

/**
 * The policy: for each action, the relations that allow it. The one place
 * these rules live; a new action is a new line here and a new row in the
 * table test (policy.spec.ts).
 */
export const POLICY: Readonly<Record<Action, readonly Relation[]>> = {
  /** The record, its direct reports: GET /employees/:id, /employees/:id/reports. */
  'employee.read': ['admin', 'self', 'manager'],
  /** Create and change employee records (HR). */
  'employee.update': ['admin'],
  /** Everything held about a person (subject access request): not their managers. */
  'employee.export': ['admin', 'self'],
  /** Anonymise a person who has left. */
  'employee.anonymise': ['admin'],
  /** Sign-in accounts: create, grant or revoke administration, disable, reset passwords. */
  'account.manage': ['admin'],
  /** Managers assess the people in their line; employees assess themselves. */
  'assessment.record': ['admin', 'self', 'manager'],
  'assessment.read': ['admin', 'self', 'manager'],
  /** Submitted evidence is seen by the person, their managers and admins (a draft only by its author). */
  'evidence.read': ['admin', 'self', 'manager'],
  /** Evidence is submitted by the person it is about, and reviewed by their managers. */
  'evidence.submit': ['admin', 'self'],
  'evidence.review': ['admin', 'manager'],
};

/** Whether the relation allows the action: the table above, nothing else. */
export function permits(relation: Relation, action: Action): boolean {
  return POLICY[action].includes(relation);
}

/**
 * The relation, given the one fact that needs the database: whether the
 * employee is in the actor's reporting line. Admin wins over everything;
 * "manager" needs both the manager role and the employee in the line.
 */
export function relationOf(actor: Pick<Actor, 'roles' | 'employeeId'>, employeeId: string, inReportingLine: boolean): Relation {
  if (actor.roles.includes('admin')) return 'admin';
  if (!actor.employeeId) return 'none';
  if (actor.employeeId === employeeId) return 'self';
  return actor.roles.includes('manager') && inReportingLine ? 'manager' : 'none';
}

/** Whether the relation depends on the reporting line, i.e. whether the service must look it up. */
export function needsReportingLine(actor: Pick<Actor, 'roles' | 'employeeId'>, employeeId: string): boolean {
  return !actor.roles.includes('admin') && actor.roles.includes('manager') && !!actor.employeeId && actor.employeeId !== employeeId;
}

/** The roles of an account: admin from the account, employee from a linked employee, manager from having active direct reports. */
export function rolesOf(account: { isAdmin: boolean; employeeId: string | null; hasReports: boolean }): Role[] {
  const roles: Role[] = account.isAdmin ? ['admin'] : [];
  if (account.employeeId) {
    if (account.hasReports) roles.push('manager');
    roles.push('employee');
  }
  return roles;
}
