import { Injectable, UnauthorizedException } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { InjectDataSource } from '@nestjs/typeorm';
import { ExtractJwt, Strategy as JwtStrategyBase } from 'passport-jwt';
import { Strategy as LocalStrategyBase } from 'passport-local';
import type { Request } from 'express';
import { DataSource } from 'typeorm';
import { accountAccess, Actor, rolesOf } from '../access';
import { AuthService, INVALID_CREDENTIALS, passwordVersion } from './auth.service';
import { SigningKeyService } from './signing-key.service';
import type { UserEntity } from './user.entities';

/** Email + password: `POST /api/auth/sign-in`. */
@Injectable()
export class LocalStrategy extends PassportStrategy(LocalStrategyBase, 'local') {
  constructor(private readonly auth: AuthService) {
    super({ usernameField: 'email', passwordField: 'password', passReqToCallback: true });
  }

  /** A refused sign-in is audited (the email typed, the account if there is one, the address) before the 401. */
  async validate(request: Request, email: string, password: string): Promise<UserEntity> {
    const user = await this.auth.validateCredentials(email, password);
    if (!user) {
      await this.auth.recordRefusedSignIn(email, { address: request.ip });
      throw new UnauthorizedException(INVALID_CREDENTIALS);
    }
    return user;
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Bearer access tokens: HS256 only (so `alg: none` and other algorithms are
 * refused), signature and expiry checked, and the account must still exist
 * and be enabled, with a password unchanged since the token was issued and
 * the session (`sid`) the token belongs to still open.
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(JwtStrategyBase, 'jwt') {
  constructor(
    keys: SigningKeyService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      algorithms: ['HS256'],
      ignoreExpiration: false,
      secretOrKeyProvider: (_request: unknown, _token: unknown, done: (error: Error | null, secret?: string) => void) =>
        done(null, keys.secret),
    });
  }

  /** One query per request: the account and whether its employee has reports (which makes them a manager). */
  async validate(payload: { sub?: string; iat?: number; pwd?: number; sid?: string }): Promise<Actor> {
    const valid = typeof payload.sub === 'string' && UUID.test(payload.sub) && typeof payload.sid === 'string' && UUID.test(payload.sid);
    const user = valid ? await accountAccess(this.dataSource, payload.sub as string, payload.sid as string) : undefined;
    if (!user || user.disabled_at) throw new UnauthorizedException('Sign in again.');
    // The token's session must still be open: sign-out, refresh-token reuse and disabling the account end it.
    if (!user.session_open) throw new UnauthorizedException('The session was ended: sign in again.');
    // A token carries the password version it was issued under (`pwd`, see AuthService): a changed
    // or reset password ends every earlier token at once, even one issued the same second.
    if ((payload.pwd ?? 0) !== passwordVersion({ passwordChangedAt: user.password_changed_at })) {
      throw new UnauthorizedException('The password was changed: sign in again.');
    }
    return {
      userId: user.id,
      employeeId: user.employee_id,
      roles: rolesOf({ isAdmin: user.is_admin, employeeId: user.employee_id, hasReports: user.has_reports }),
      ...(user.password_must_change ? { passwordMustChange: true } : {}),
    };
  }
}
