import { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthenticatedUser, Role, RolesGuard } from './roles';

function contextFor(roles: Role[] | undefined, user: AuthenticatedUser | undefined): ExecutionContext {
  const reflector = { getAllAndOverride: () => roles } as unknown as Reflector;
  const context = {
    getHandler: () => undefined,
    getClass: () => undefined,
    switchToHttp: () => ({ getRequest: () => ({ user }) }),
  } as unknown as ExecutionContext;
  return Object.assign(context, { reflector });
}

describe('RolesGuard', () => {
  it.each([
    ['a route without roles', undefined, { roles: ['employee'] as Role[] }, true],
    ['an admin on an admin route', ['admin'] as Role[], { roles: ['admin'] as Role[] }, true],
    ['an employee on an admin route', ['admin'] as Role[], { roles: ['employee'] as Role[] }, false],
    ['a manager on a manager-or-admin route', ['admin', 'manager'] as Role[], { roles: ['manager', 'employee'] as Role[] }, true],
    ['no signed-in user', ['admin'] as Role[], undefined, false],
  ])('%s -> %s', (_name, roles, user, allowed) => {
    const context = contextFor(roles, user);
    const guard = new RolesGuard((context as unknown as { reflector: Reflector }).reflector);
    expect(guard.canActivate(context)).toBe(allowed);
  });
});
