import type { Role } from '@proficio/shared/contracts';
import { type Action, ACTIONS, needsReportingLine, permits, type Relation, relationOf, rolesOf } from './policy';

/** The whole policy, written out again by hand: a change to policy.ts must change this table too. */
const EXPECTED: Record<Action, Record<Relation, boolean>> = {
  'employee.read': { admin: true, self: true, manager: true, none: false },
  'employee.update': { admin: true, self: false, manager: false, none: false },
  'employee.export': { admin: true, self: true, manager: false, none: false },
  'employee.anonymise': { admin: true, self: false, manager: false, none: false },
  'account.manage': { admin: true, self: false, manager: false, none: false },
  'assessment.record': { admin: true, self: true, manager: true, none: false },
  'assessment.read': { admin: true, self: true, manager: true, none: false },
  'evidence.read': { admin: true, self: true, manager: true, none: false },
  'evidence.submit': { admin: true, self: true, manager: false, none: false },
  'evidence.review': { admin: true, self: false, manager: true, none: false },
};

const RELATIONS: Relation[] = ['admin', 'self', 'manager', 'none'];

describe('permits', () => {
  it('has a row in this table for every action', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...ACTIONS].sort());
  });

  it.each(ACTIONS.flatMap((action) => RELATIONS.map((relation) => [action, relation, EXPECTED[action][relation]] as const)))(
    '%s by %s: %s',
    (action, relation, allowed) => {
      expect(permits(relation, action)).toBe(allowed);
    },
  );
});

const actor = (roles: Role[], employeeId: string | null) => ({ roles, employeeId });

describe('relationOf', () => {
  it.each([
    ['admin on anyone', actor(['admin'], null), 'bob', false, 'admin'],
    ['admin who is also an employee, on someone outside their line', actor(['admin', 'employee'], 'ann'), 'bob', false, 'admin'],
    ['employee on self', actor(['employee'], 'ann'), 'ann', false, 'self'],
    ['employee on another', actor(['employee'], 'ann'), 'bob', false, 'none'],
    ['manager on self', actor(['manager', 'employee'], 'ann'), 'ann', false, 'self'],
    ['manager on a direct or indirect report', actor(['manager', 'employee'], 'ann'), 'bob', true, 'manager'],
    ['manager on someone outside their line', actor(['manager', 'employee'], 'ann'), 'bob', false, 'none'],
    ['a user without an employee record', actor([], null), 'bob', false, 'none'],
    ['an employee who is in a line but not a manager (stale role)', actor(['employee'], 'ann'), 'bob', true, 'none'],
  ] as const)('%s', (_name, who, employeeId, inLine, expected) => {
    expect(relationOf(who, employeeId, inLine)).toBe(expected);
  });
});

describe('needsReportingLine', () => {
  it.each([
    ['admin', actor(['admin', 'manager', 'employee'], 'ann'), 'bob', false],
    ['manager on another', actor(['manager', 'employee'], 'ann'), 'bob', true],
    ['manager on self', actor(['manager', 'employee'], 'ann'), 'ann', false],
    ['employee on another', actor(['employee'], 'ann'), 'bob', false],
    ['user without an employee record', actor([], null), 'bob', false],
  ] as const)('%s: %s', (_name, who, employeeId, expected) => {
    expect(needsReportingLine(who, employeeId)).toBe(expected);
  });
});

describe('rolesOf', () => {
  it.each([
    ['an admin without an employee record', { isAdmin: true, employeeId: null, hasReports: false }, ['admin']],
    ['an employee', { isAdmin: false, employeeId: 'ann', hasReports: false }, ['employee']],
    ['a manager', { isAdmin: false, employeeId: 'ann', hasReports: true }, ['manager', 'employee']],
    ['an admin who manages', { isAdmin: true, employeeId: 'ann', hasReports: true }, ['admin', 'manager', 'employee']],
    ['an account with neither', { isAdmin: false, employeeId: null, hasReports: false }, []],
  ] as const)('%s', (_name, account, expected) => {
    expect(rolesOf(account)).toEqual(expected);
  });
});
