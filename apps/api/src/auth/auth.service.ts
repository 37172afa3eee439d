import { HttpStatus, Injectable, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Me, SessionResponse } from '@proficio/shared/contracts';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { rolesOf } from '../access';
import { AuditService } from '../audit';
import { ProblemException } from '../common/filters/problem.exception';
import { RequestValidationException } from '../common/validation/validation-exception';
import { meEmployee, recentPasswordRefusals } from './auth.queries';
import { decoyHash, hashPassword, passwordProblems, verifyPassword } from './password';
import { endSessions } from './sessions';
import { SigningKeyService } from './signing-key.service';
import { RefreshTokenEntity, UserEntity } from './user.entities';

/** Which password an access token was issued under: when it was last changed (0: never). */
export const passwordVersion = (user: Pick<UserEntity, 'passwordChangedAt'>): number => user.passwordChangedAt?.getTime() ?? 0;

export const ACCESS_TOKEN_SECONDS = 15 * 60;
export const REFRESH_TOKEN_DAYS = 14;
/**
 * A spent refresh token presented again this soon after its use is the same browser racing itself (two tabs
 * restored at once, a reload while the last refresh was still being answered): it gets a new pair of the same
 * session instead of ending it. Later, it is a replay.
 */
export const REFRESH_REUSE_LEEWAY_SECONDS = 15;
export const INVALID_CREDENTIALS = 'Email or password is incorrect.';
/** Wrong current passwords on a password change, per account, before it is refused for a while (ASVS 2.2.1). */
export const PASSWORD_CHANGE_FAILURES = 5;
export const PASSWORD_CHANGE_WINDOW_SECONDS = 15 * 60;

/** Where a sign-in or password change came from, for the audit log. */
export interface RequestOrigin {
  readonly address: string | undefined;
}

export interface IssuedSession extends SessionResponse {
  refreshToken: string;
  refreshExpiresAt: Date;
}

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

/** Sign-in, token issue and rotation, sign-out, password change. */
@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jwt: JwtService,
    private readonly keys: SigningKeyService,
    private readonly audit: AuditService,
  ) {}

  /** The user for these credentials, or null; takes as long for unknown emails as for wrong passwords. */
  async validateCredentials(email: string, password: string): Promise<UserEntity | null> {
    const user = await this.dataSource
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .where('lower(u.email) = lower(:email)', { email: email.trim() })
      .getOne();
    if (!user || user.disabledAt || !user.passwordHash) {
      await verifyPassword(await decoyHash(), password);
      return null;
    }
    return (await verifyPassword(user.passwordHash, password)) ? user : null;
  }

  async meById(userId: string): Promise<Me> {
    const user = await this.dataSource.manager.findOneBy(UserEntity, { id: userId });
    if (!user || user.disabledAt) throw new UnauthorizedException('Sign in again.');
    return this.me(user);
  }

  /** The signed-in person as the web app needs them, in one query: roles, their employee record and the size of their line. */
  async me(user: UserEntity): Promise<Me> {
    const employee = user.employeeId ? await meEmployee(this.dataSource, user.employeeId) : undefined;
    const roles = rolesOf({ isAdmin: user.isAdmin, employeeId: user.employeeId, hasReports: !!employee?.has_reports });
    return {
      id: user.id,
      email: user.email,
      roles,
      ...(employee
        ? {
            employee: {
              id: employee.id,
              name: employee.name,
              ...(employee.job_title ? { jobTitle: employee.job_title } : {}),
              ...(employee.team_id ? { teamId: employee.team_id } : {}),
            },
          }
        : {}),
      reportCount: employee && roles.includes('manager') ? employee.report_count : 0,
      passwordMustChange: user.passwordMustChange,
    };
  }

  /** A password sign-in: starts a session and records it (who, from where) in the audit log, together. */
  async signIn(user: UserEntity, origin: RequestOrigin): Promise<IssuedSession> {
    return this.dataSource.transaction(async (manager) => {
      const issued = await this.startSession(user, manager);
      await this.audit.record(manager, {
        actorUserId: user.id,
        action: 'create',
        entityType: 'session',
        entityId: issued.familyId,
        after: { userId: user.id, method: 'password', address: origin.address ?? null },
      });
      return issued;
    });
  }

  /** Records a refused sign-in: the email as typed (lower case), the account when there is one, and where it came from. */
  async recordRefusedSignIn(email: string, origin: RequestOrigin): Promise<void> {
    const account = await this.findEnabledUserByEmail(email);
    await this.audit.record(this.dataSource.manager, {
      actorUserId: null,
      action: 'refuse',
      entityType: 'session',
      entityId: null,
      after: {
        email: email.trim().toLowerCase().slice(0, 320),
        userId: account?.id ?? null,
        method: 'password',
        address: origin.address ?? null,
      },
    });
  }

  /** Starts a session: an access token and the first refresh token of a new family. */
  async startSession(user: UserEntity, manager: EntityManager = this.dataSource.manager): Promise<IssuedSession & { familyId: string }> {
    const familyId = randomUUID();
    return { ...(await this.issue(user, familyId, manager)), familyId };
  }

  /** The enabled account with this email (any casing), or null. */
  async findEnabledUserByEmail(email: string): Promise<UserEntity | null> {
    const user = await this.dataSource
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .where('lower(u.email) = lower(:email)', { email: email.trim() })
      .getOne();
    return user && !user.disabledAt ? user : null;
  }

  /**
   * Exchanges a refresh token for a new pair. A token is good once (and again within
   * REFRESH_REUSE_LEEWAY_SECONDS of that use): presenting a revoked one, or a spent one
   * later, means it was stolen or replayed, and the whole family (every token of that
   * sign-in) is revoked.
   */
  async refresh(refreshToken: string | undefined): Promise<IssuedSession> {
    if (!refreshToken) throw new UnauthorizedException('No session to refresh: sign in.');
    const outcome = await this.dataSource.transaction(async (manager) => {
      const token = await manager.findOne(RefreshTokenEntity, {
        where: { tokenHash: sha256(refreshToken) },
        lock: { mode: 'pessimistic_write' },
      });
      if (!token) return 'unknown' as const;
      const replayed = token.usedAt !== null && Date.now() - token.usedAt.getTime() > REFRESH_REUSE_LEEWAY_SECONDS * 1000;
      if (token.revokedAt || replayed) {
        // committed before answering 401: the revocation must outlive this request
        await manager.update(RefreshTokenEntity, { familyId: token.familyId, revokedAt: IsNull() }, { revokedAt: new Date() });
        return 'reused' as const;
      }
      if (token.expiresAt.getTime() <= Date.now()) return 'expired' as const;
      const user = await manager.findOneBy(UserEntity, { id: token.userId });
      if (!user || user.disabledAt) return 'unknown' as const;
      if (!token.usedAt) await manager.update(RefreshTokenEntity, { id: token.id }, { usedAt: new Date() });
      return this.issue(user, token.familyId, manager);
    });
    if (outcome === 'reused') throw new UnauthorizedException('The session was ended: sign in again.');
    if (outcome === 'expired') throw new UnauthorizedException('The session has expired: sign in again.');
    if (outcome === 'unknown') throw new UnauthorizedException('The session is not valid: sign in again.');
    return outcome;
  }

  /** Ends the session the refresh token belongs to. Unknown tokens are ignored. */
  async signOut(refreshToken: string | undefined): Promise<void> {
    if (!refreshToken) return;
    const token = await this.dataSource.manager.findOneBy(RefreshTokenEntity, { tokenHash: sha256(refreshToken) });
    if (token) {
      await this.dataSource.manager.update(
        RefreshTokenEntity,
        { familyId: token.familyId, revokedAt: IsNull() },
        { revokedAt: new Date() },
      );
    }
  }

  /**
   * Changes the password after checking the current one (a temporary one too: that clears
   * passwordMustChange), ends every session of the account and starts a new one for the caller, so
   * that the device that changed the password stays signed in. Wrong current passwords are audited,
   * and after PASSWORD_CHANGE_FAILURES of them in PASSWORD_CHANGE_WINDOW_SECONDS the account's
   * changes are refused (429) until the oldest leaves the window, even with the right password.
   */
  async changePassword(userId: string, currentPassword: string, newPassword: string, origin: RequestOrigin): Promise<IssuedSession> {
    const user = await this.dataSource.manager.findOneByOrFail(UserEntity, { id: userId });
    const refusals = await recentPasswordRefusals(this.dataSource, userId, PASSWORD_CHANGE_WINDOW_SECONDS);
    if (refusals.count >= PASSWORD_CHANGE_FAILURES) {
      const seconds = Math.max(1, refusals.retryAfterSeconds);
      throw new ProblemException(
        HttpStatus.TOO_MANY_REQUESTS,
        'Too Many Requests',
        `Too many wrong current passwords for this account. Try again in ${seconds} second${seconds === 1 ? '' : 's'}.`,
        [],
        { headers: { 'Retry-After': String(seconds) } },
      );
    }
    if (!(await verifyPassword(user.passwordHash, currentPassword))) {
      await this.audit.record(this.dataSource.manager, {
        actorUserId: userId,
        action: 'refuse',
        entityType: 'user',
        entityId: userId,
        after: { change: 'password', reason: 'wrong current password', address: origin.address ?? null },
      });
      throw new RequestValidationException([{ field: 'currentPassword', message: 'is not the password you use now' }]);
    }
    const problems = passwordProblems(newPassword, user.email);
    if (!problems.length && (await verifyPassword(user.passwordHash, newPassword))) {
      problems.push(
        user.passwordMustChange ? 'must not be the temporary password you were given' : 'must differ from your current password',
      );
    }
    if (problems.length) throw new RequestValidationException(problems.map((message) => ({ field: 'newPassword', message })));
    const passwordHash = await hashPassword(newPassword);
    return this.dataSource.transaction(async (manager) => {
      // Access tokens issued before this instant stop working (the JWT strategy compares the password version).
      await manager.update(UserEntity, { id: userId }, { passwordHash, passwordChangedAt: new Date(), passwordMustChange: false });
      await endSessions(manager, userId);
      await this.audit.record(manager, {
        actorUserId: userId,
        action: 'update',
        entityType: 'user',
        entityId: userId,
        before: { password: user.passwordMustChange ? 'temporary' : 'set' },
        after: { password: 'changed by its owner', address: origin.address ?? null },
      });
      return this.startSession(await manager.findOneByOrFail(UserEntity, { id: userId }), manager);
    });
  }

  private async issue(user: UserEntity, familyId: string, manager = this.dataSource.manager): Promise<IssuedSession> {
    const refreshToken = randomBytes(32).toString('base64url');
    const refreshExpiresAt = new Date(Date.now() + REFRESH_TOKEN_DAYS * 24 * 3600 * 1000);
    await manager.insert(RefreshTokenEntity, {
      id: randomUUID(),
      userId: user.id,
      familyId,
      tokenHash: sha256(refreshToken),
      expiresAt: refreshExpiresAt,
    });
    const accessToken = await this.jwt.signAsync(
      // `sid`: the session (refresh-token family); sign-out, reuse detection and disabling end it, and the token with it.
      { sub: user.id, pwd: passwordVersion(user), sid: familyId },
      { secret: this.keys.secret, algorithm: 'HS256', expiresIn: ACCESS_TOKEN_SECONDS },
    );
    return { accessToken, expiresIn: ACCESS_TOKEN_SECONDS, user: await this.me(user), refreshToken, refreshExpiresAt };
  }
}
