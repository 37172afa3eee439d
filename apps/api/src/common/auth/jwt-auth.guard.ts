import { ExecutionContext, HttpStatus, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { ProblemException } from '../filters/problem.exception';

const PUBLIC_KEY = 'proficio:public';
const BEFORE_PASSWORD_CHANGE_KEY = 'proficio:before-password-change';

/** Marks a route that answers without sign-in (health, sign-in itself, API docs). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/**
 * Marks a route that someone signed in with a temporary password may call before choosing their
 * own (who they are, and changing the password); every other route answers them 403.
 */
export const AllowedBeforePasswordChange = () => SetMetadata(BEFORE_PASSWORD_CHANGE_KEY, true);

/**
 * Global guard: every route needs a valid Bearer access token unless marked @Public(); an account
 * that must change its password may only reach the routes marked @AllowedBeforePasswordChange().
 */
@Injectable()
export class JwtAuthGuard extends AuthGuard('jwt') {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean | undefined>(PUBLIC_KEY, targets)) return true;
    if (!(await super.canActivate(context))) return false;
    const user = context.switchToHttp().getRequest<{ user?: { passwordMustChange?: boolean } }>().user;
    if (user?.passwordMustChange && !this.reflector.getAllAndOverride<boolean | undefined>(BEFORE_PASSWORD_CHANGE_KEY, targets)) {
      throw new ProblemException(
        HttpStatus.FORBIDDEN,
        'Choose a new password first',
        'This account was given a temporary password: change it (POST /api/auth/password) before doing anything else.',
        [],
        { type: 'urn:proficio:problem:password-must-change' },
      );
    }
    return true;
  }
}
