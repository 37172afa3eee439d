import { HttpStatus, Injectable } from '@nestjs/common';
import type { CreateUserRequest, IssuedTemporaryPassword, UpdateUserRequest, UserAccount } from '@proficio/shared/contracts';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { AuditedTransaction, AuditedWrites } from '../audit';
import { endSessions, hashPassword, generateTemporaryPassword, UserEntity } from '../auth';
import { lockedOrNotFound } from '../common/locked-row';
import { conflict, fieldProblem } from '../common/problems';
import { query, queryOne, sql } from '../common/sql';
import { RequestValidationException } from '../common/validation/validation-exception';
import { Actor } from '../access';
import { accountChangeConflict } from './account-rules';
import { UserQueryService } from './user-query.service';
import { userSnapshot } from './user.snapshot';

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
    private readonly writes: AuditedWrites,
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
      throw fieldProblem('isAdmin', 'must be true for an account without an employee record');
    }
    const temporaryPassword = generateTemporaryPassword();
    const passwordHash = await hashPassword(temporaryPassword);
    const id = randomUUID();
    await this.writes.run(actor, async ({ manager, audit }) => {
      const email = request.employeeId ? await this.employeeEmail(manager, request.employeeId) : (request.email ?? '');
      if (!request.employeeId) {
        const employee = await queryOne<{ found: 1 }>(manager, sql`SELECT 1 AS found FROM employee WHERE lower(email) = lower(${email})`);
        if (employee)
          throw fieldProblem('email', 'belongs to an employee: create the account from their employee record', HttpStatus.CONFLICT);
      }
      const taken = await queryOne<{ found: 1 }>(manager, sql`SELECT 1 AS found FROM app_user WHERE lower(email) = lower(${email})`);
      if (taken) {
        throw request.employeeId
          ? fieldProblem('employeeId', 'has an email address another account already uses', HttpStatus.CONFLICT)
          : fieldProblem('email', 'is already used by another account', HttpStatus.CONFLICT);
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
      audit({
        action: 'create',
        entityType: 'user',
        entityId: id,
        after: userSnapshot(after),
      });
    });
    return { account: await this.query.one(id), temporaryPassword };
  }

  async update(actor: Actor, id: string, request: UpdateUserRequest): Promise<UserAccount> {
    await this.writes.run(actor, async ({ manager, audit }) => {
      // Lock the enabled administrators first, always in the same order: two admins demoting each
      // other at the same time must not both succeed, nor deadlock.
      const admins =
        request.isAdmin === false || request.disabled === true
          ? await query<{ id: string }>(manager, sql`SELECT id FROM app_user WHERE is_admin AND disabled_at IS NULL ORDER BY id FOR UPDATE`)
          : [];
      const before = await lockedOrNotFound(manager, UserEntity, id, 'Account');
      const change = {
        ...(request.isAdmin !== undefined && request.isAdmin !== before.isAdmin ? { isAdmin: request.isAdmin } : {}),
        ...(request.disabled !== undefined && request.disabled !== (before.disabledAt !== null) ? { disabled: request.disabled } : {}),
      };
      if (Object.keys(change).length === 0) return;
      const refusal = accountChangeConflict({
        actorUserId: actor.userId,
        target: { id, isAdmin: before.isAdmin, disabled: before.disabledAt !== null },
        change,
        otherEnabledAdmins: admins.filter((admin) => admin.id !== id).length,
      });
      if (refusal) throw fieldProblem(refusal.field, refusal.message, HttpStatus.CONFLICT);
      if (change.disabled === false) {
        const gone = await this.goneEmployee(manager, before.employeeId);
        if (gone) throw fieldProblem('disabled', `cannot be turned off: the employee ${gone}`);
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
      if (change.disabled) await endSessions(manager, id);
      await this.auditUpdate({ manager, audit }, before);
    });
    return this.query.one(id);
  }

  /** A new temporary password: the old one stops working, every session of the account ends, and the person must choose a new one. */
  async resetPassword(actor: Actor, id: string): Promise<IssuedTemporaryPassword> {
    const temporaryPassword = generateTemporaryPassword();
    const passwordHash = await hashPassword(temporaryPassword);
    await this.writes.run(actor, async ({ manager, audit }) => {
      const before = await lockedOrNotFound(manager, UserEntity, id, 'Account');
      const gone = await this.goneEmployee(manager, before.employeeId);
      if (gone === 'has been anonymised') throw conflict('The account belongs to an anonymised employee.');
      // password_changed_at makes the JWT strategy refuse access tokens issued before now.
      await manager.update(UserEntity, { id }, { passwordHash, passwordMustChange: true, passwordChangedAt: new Date() });
      await endSessions(manager, id);
      await this.auditUpdate({ manager, audit }, before, { passwordReset: true });
    });
    return { account: await this.query.one(id), temporaryPassword };
  }

  /** Audits the update of an account from `before` to how it is now, with `noted` added to the after snapshot. */
  private async auditUpdate(
    { manager, audit }: Pick<AuditedTransaction, 'manager' | 'audit'>,
    before: UserEntity,
    noted: Record<string, unknown> = {},
  ): Promise<void> {
    const after = await manager.findOneByOrFail(UserEntity, { id: before.id });
    audit({
      action: 'update',
      entityType: 'user',
      entityId: before.id,
      before: userSnapshot(before),
      after: { ...userSnapshot(after), ...noted },
    });
  }

  /** The email of an employee who may get an account, or a 422/409 naming employeeId. */
  private async employeeEmail(manager: EntityManager, employeeId: string): Promise<string> {
    const employee = await queryOne<EmployeeFacts>(
      manager,
      sql`SELECT email, status, anonymised_at FROM employee WHERE id = ${employeeId} FOR UPDATE`,
    );
    if (!employee) throw fieldProblem('employeeId', 'is not an existing employee');
    if (employee.anonymised_at) throw fieldProblem('employeeId', 'is an anonymised employee');
    if (employee.status === 'left') throw fieldProblem('employeeId', 'is an employee who has left');
    const account = await queryOne<{ found: 1 }>(manager, sql`SELECT 1 AS found FROM app_user WHERE employee_id = ${employeeId}`);
    if (account) throw fieldProblem('employeeId', 'already has an account', HttpStatus.CONFLICT);
    return employee.email;
  }

  /** Why the account's employee can no longer sign in (left or anonymised), or null. */
  private async goneEmployee(manager: EntityManager, employeeId: string | null): Promise<string | null> {
    if (!employeeId) return null;
    const employee = await queryOne<EmployeeFacts>(
      manager,
      sql`SELECT email, status, anonymised_at FROM employee WHERE id = ${employeeId}`,
    );
    if (employee?.anonymised_at) return 'has been anonymised';
    if (employee?.status === 'left') return 'has left';
    return null;
  }
}
