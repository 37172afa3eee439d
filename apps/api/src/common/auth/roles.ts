import { applyDecorators, CanActivate, ExecutionContext, Injectable, SetMetadata, UseGuards } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiBearerAuth, ApiForbiddenResponse } from '@nestjs/swagger';
import type { Role } from '@proficio/shared/contracts';

export type { Role };

/** The part of the signed-in caller this guard reads (the JWT strategy puts the whole Actor on the request). */
export interface AuthenticatedUser {
  roles: Role[];
}

const ROLES_KEY = 'proficio:roles';

/** Lets a request through when the signed-in caller has one of the route's roles; 403 otherwise. */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, [context.getHandler(), context.getClass()]);
    if (!roles?.length) return true;
    const user = context.switchToHttp().getRequest<{ user?: AuthenticatedUser }>().user;
    return !!user && roles.some((role) => user.roles.includes(role));
  }
}

/** One decorator = the guard + the roles it requires, documented in OpenAPI. */
export function RequireRole(...roles: Role[]) {
  return applyDecorators(
    SetMetadata(ROLES_KEY, roles),
    UseGuards(RolesGuard),
    ApiBearerAuth(),
    ApiForbiddenResponse({ description: `Only for: ${roles.join(', ')}.` }),
  );
}
