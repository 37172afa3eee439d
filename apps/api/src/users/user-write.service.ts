import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CreateUserRequest, IssuedTemporaryPassword, UpdateUserRequest, UserAccount } from '@proficio/shared/contracts';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, IsNull, QueryFailedError } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { hashPassword } from '../auth/password';
import { generateTemporaryPassword } from '../auth/temporary-password';
import { RefreshTokenEntity, UserEntity } from '../auth/user.entities';
import { ProblemException } from '../common/filters/problem.exception';
import { RequestValidationException } from '../common/validation/validation-exception';
import { Actor } from '../access';
import { accountChangeConflict } from './account-rules';
import { UserQueryService } from './user-query.service';

const problem = (status: HttpStatus, field: string, message: string) =>
  new ProblemException(status, status === HttpStatus.CONFLICT ? 'Conflict' : 'The change cannot be made', `${field} ${message}.`, [
    { field, message },
  ]);

/** What the audit log keeps of an account: never the password hash or a temporary password. */
const audited = (user: UserEntity) => ({
  email: user.email,
  employeeId: user.employeeId,
  isAdmin: user.isAdmin,
  disabled: user.disabledAt !== null,
  passwordMustChange: user.passwordMustChange,
});

interface EmployeeFacts {
  email: string;
  status: 'active' | 'left';
  anonymised_at: Date | null;
}

/**
 * Creates and changes sign-in accounts (admins). Temporary passwords are made here, hashed at once
 * and returned to the administrator one time; each change is audited in its own transaction.
 */
@Injectable()
export class UserWriteService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly query: UserQueryService,
  ) {}

  async create(actor: Actor, request: CreateUserRequest): Promise<IssuedTemporaryPassword> {
    if (request.employeeId && request.email)
      throw new RequestValidationException([{ field: 'email', message: 'must not be given with employeeId' }]);
    if (!request.employeeId && !request.email) {
      throw new RequestValidationException([
        { field: 'employeeId', message: 'is required (or email, for an administrator without an employee record)' },
      ]);
    }
    if (request.email && request.isAdmin !== true) {
      throw problem(HttpStatus.UNPROCESSABLE_ENTITY, 'isAdmin', 'must be true for an account without an employee record');
    }
    const temporaryPassword = generateTemporaryPassword();
    const passwordHash = await hashPassword(temporaryPassword);
    const id = randomUUID();
    await this.write(
      async (manager) => {
        const email = request.employeeId ? await this.employeeEmail(manager, request.employeeId) : (request.email ?? '');
        if (!request.employeeId) {
          const [employee] = await manager.query('SELECT 1 FROM employee WHERE lower(email) = lower($1)', [email]);
          if (employee)
            throw problem(HttpStatus.CONFLICT, 'email', 'belongs to an employee: create the account from their employee record');
        }
        const [taken] = await manager.query('SELECT 1 FROM app_user WHERE lower(email) = lower($1)', [email]);
        if (taken) {
          throw request.employeeId
            ? problem(HttpStatus.CONFLICT, 'employeeId', 'has an email address another account already uses')
            : problem(HttpStatus.CONFLICT, 'email', 'is already used by another account');
        }
        await manager.insert(UserEntity, {
          id,
          email,
          passwordHash,
          isAdmin: request.isAdmin ?? false,
          employeeId: request.employeeId ?? null,
          passwordMustChange: true,
        });
        const after = await manager.findOneByOrFail(UserEntity, { id });
        await this.audit.record(manager, {
          actorUserId: actor.userId,
          action: 'create',
          entityType: 'user',
          entityId: id,
          after: audited(after),
        });
      },
      request.employeeId ? 'employeeId' : 'email',
    );
    return { account: await this.query.one(id), temporaryPassword };
  }

  async update(actor: Actor, id: string, request: UpdateUserRequest): Promise<UserAccount> {
    await this.write(async (manager) => {
      // Lock the enabled administrators first, always in the same order: two admins demoting each
      // other at the same time must not both succeed, nor deadlock.
      const admins: Array<{ id: string }> =
        request.isAdmin === false || request.disabled === true
          ? await manager.query('SELECT id FROM app_user WHERE is_admin AND disabled_at IS NULL ORDER BY id FOR UPDATE')
          : [];
      const before = await this.lockUser(manager, id);
      const change = {
        ...(request.isAdmin !== undefined && request.isAdmin !== before.isAdmin ? { isAdmin: request.isAdmin } : {}),
        ...(request.disabled !== undefined && request.disabled !== (before.disabledAt !== null) ? { disabled: request.disabled } : {}),
      };
      if (Object.keys(change).length === 0) return;
      const conflict = accountChangeConflict({
        actorUserId: actor.userId,
        target: { id, isAdmin: before.isAdmin, disabled: before.disabledAt !== null },
        change,
        otherEnabledAdmins: admins.filter((admin) => admin.id !== id).length,
      });
      if (conflict) throw problem(HttpStatus.CONFLICT, conflict.field, conflict.message);
      if (change.disabled === false) {
        const gone = await this.goneEmployee(manager, before.employeeId);
        if (gone) throw problem(HttpStatus.UNPROCESSABLE_ENTITY, 'disabled', `cannot be turned off: the employee ${gone}`);
      }
      await manager.update(
        UserEntity,
        { id },
        {
          ...(change.isAdmin !== undefined ? { isAdmin: change.isAdmin } : {}),
          ...(change.disabled !== undefined ? { disabledAt: change.disabled ? new Date() : null } : {}),
        },
      );
      // Access tokens of a disabled account are refused at once (the JWT strategy reads the account); end its sessions too.
      if (change.disabled) await manager.update(RefreshTokenEntity, { userId: id, revokedAt: IsNull() }, { revokedAt: new Date() });
      const after = await manager.findOneByOrFail(UserEntity, { id });
      await this.audit.record(manager, {
        actorUserId: actor.userId,
        action: 'update',
        entityType: 'user',
        entityId: id,
        before: audited(before),
        after: audited(after),
      });
    });
    return this.query.one(id);
  }

  /** A new temporary password: the old one stops working, every session of the account ends, and the person must choose a new one. */
  async resetPassword(actor: Actor, id: string): Promise<IssuedTemporaryPassword> {
    const temporaryPassword = generateTemporaryPassword();
    const passwordHash = await hashPassword(temporaryPassword);
    await this.write(async (manager) => {
      const before = await this.lockUser(manager, id);
      const gone = await this.goneEmployee(manager, before.employeeId);
      if (gone === 'has been anonymised')
        throw new ProblemException(HttpStatus.CONFLICT, 'Conflict', 'The account belongs to an anonymised employee.');
      // password_changed_at makes the JWT strategy refuse access tokens issued before now.
      await manager.update(UserEntity, { id }, { passwordHash, passwordMustChange: true, passwordChangedAt: new Date() });
      await manager.update(RefreshTokenEntity, { userId: id, revokedAt: IsNull() }, { revokedAt: new Date() });
      const after = await manager.findOneByOrFail(UserEntity, { id });
      await this.audit.record(manager, {
        actorUserId: actor.userId,
        action: 'update',
        entityType: 'user',
        entityId: id,
        before: audited(before),
        after: { ...audited(after), passwordReset: true },
      });
    });
    return { account: await this.query.one(id), temporaryPassword };
  }

  private async lockUser(manager: EntityManager, id: string): Promise<UserEntity> {
    const user = await manager.findOne(UserEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!user) throw new ProblemException(HttpStatus.NOT_FOUND, 'Not Found', `Account ${id} does not exist.`);
    return user;
  }

  /** The email of an employee who may get an account, or a 422/409 naming employeeId. */
  private async employeeEmail(manager: EntityManager, employeeId: string): Promise<string> {
    const [employee]: EmployeeFacts[] = await manager.query('SELECT email, status, anonymised_at FROM employee WHERE id = $1 FOR UPDATE', [
      employeeId,
    ]);
    if (!employee) throw problem(HttpStatus.UNPROCESSABLE_ENTITY, 'employeeId', 'is not an existing employee');
    if (employee.anonymised_at) throw problem(HttpStatus.UNPROCESSABLE_ENTITY, 'employeeId', 'is an anonymised employee');
    if (employee.status === 'left') throw problem(HttpStatus.UNPROCESSABLE_ENTITY, 'employeeId', 'is an employee who has left');
    const [account] = await manager.query('SELECT 1 FROM app_user WHERE employee_id = $1', [employeeId]);
    if (account) throw problem(HttpStatus.CONFLICT, 'employeeId', 'already has an account');
    return employee.email;
  }

  /** Why the account's employee can no longer sign in (left or anonymised), or null. */
  private async goneEmployee(manager: EntityManager, employeeId: string | null): Promise<string | null> {
    if (!employeeId) return null;
    const [employee]: EmployeeFacts[] = await manager.query('SELECT email, status, anonymised_at FROM employee WHERE id = $1', [
      employeeId,
    ]);
    if (employee?.anonymised_at) return 'has been anonymised';
    if (employee?.status === 'left') return 'has left';
    return null;
  }

  /** Runs a write in one transaction; a race on the unique email or employee becomes a 409, not a 500. */
  private async write(work: (manager: EntityManager) => Promise<void>, uniqueField = 'email'): Promise<void> {
    try {
      await this.dataSource.transaction(work);
    } catch (error) {
      const driver = error instanceof QueryFailedError ? (error.driverError as { constraint?: string }) : undefined;
      if (driver?.constraint === 'uq_app_user_email') throw problem(HttpStatus.CONFLICT, uniqueField, 'is already used by another account');
      if (driver?.constraint === 'uq_app_user_employee') throw problem(HttpStatus.CONFLICT, 'employeeId', 'already has an account');
      throw error;
    }
  }
}
