import { applyDecorators, CanActivate, ExecutionContext, Injectable, SetMetadata, UseGuards } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiForbiddenResponse } from '@nestjs/swagger';

export type Role = 'admin' | 'manager' | 'employee';

/** The signed-in caller, as the authentication layer puts it on the request. */
export interface AuthenticatedUser {
  id: string;
  roles: Role[];
}

const ROLES_KEY = 'proficio:roles';

/**
 * Guards a route by role. Sign-in (issue #4) will put `request.user` there;
 * until then there are no accounts and every caller of a self-hosted
 * instance acts as its administrator, so the check lets requests without a
 * user through. Once authentication is wired in front of it, a request with
 * a user lacking every listed role gets 403.
 */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, [context.getHandler(), context.getClass()]);
    if (!roles?.length) return true;
    const user = context.switchToHttp().getRequest<{ user?: AuthenticatedUser }>().user;
    if (!user) return true;
    return roles.some((role) => user.roles.includes(role));
  }
}

/** One decorator = the guard + the roles it requires, documented in OpenAPI. */
export function RequireRole(...roles: Role[]) {
  return applyDecorators(
    SetMetadata(ROLES_KEY, roles),
    UseGuards(RolesGuard),
    ApiForbiddenResponse({ description: `Only for: ${roles.join(', ')}.` }),
  );
}
