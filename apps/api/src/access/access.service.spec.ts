import type { Role } from '@proficio/shared/contracts';
import { decideAccess } from './access.service';

const actor = (roles: Role[], employeeId: string | null) => ({ roles, employeeId });

describe('decideAccess', () => {
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
    expect(decideAccess(who, employeeId, inLine)).toBe(expected);
  });
});
