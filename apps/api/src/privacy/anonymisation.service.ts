import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AnonymisationResult } from '@proficio/shared/contracts';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { ProblemException } from '../common/filters/problem.exception';
import { Actor } from '../access';

const conflict = (detail: string) => new ProblemException(HttpStatus.CONFLICT, 'The person cannot be anonymised', detail);

/** "Former employee 1a2b3c4d": the only name an anonymised person keeps. */
export const anonymisedName = (employeeId: string) => `Former employee ${employeeId.slice(0, 8)}`;
/** Unique (the id is) and undeliverable (`.invalid` is reserved, RFC 2606). */
export const anonymisedEmail = (id: string) => `anonymised-${id}@invalid`;

/**
 * Erases the identity of a person who has left, in one transaction: name,
 * email, job title and start date are replaced or cleared, their sign-in
 * account is disabled and stripped of its email and password, and its
 * sessions end. Team, role profiles, place in the reporting line and
 * everything linked by id (assessments, evidence) stay, so aggregate
 * statistics still count them without saying who they were. The audit log is
 * append-only: events about the person are withheld when read (see
 * anonymised-audit.ts), and the anonymisation itself is recorded without
 * personal data.
 */
@Injectable()
export class AnonymisationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async anonymise(actor: Actor, employeeId: string): Promise<AnonymisationResult> {
    return this.dataSource.transaction(async (manager) => {
      const [employee] = await manager.query('SELECT id, status, anonymised_at FROM employee WHERE id = $1 FOR UPDATE', [employeeId]);
      if (!employee) throw new ProblemException(HttpStatus.NOT_FOUND, 'Not Found', `Employee ${employeeId} does not exist.`);
      if (employee.anonymised_at) throw conflict('This person has already been anonymised.');
      if (employee.status !== 'left') {
        throw conflict(
          `Only a person who has left can be anonymised; this person's status is "${employee.status}". Set the status to "left" first.`,
        );
      }
      if (actor.employeeId === employeeId) throw conflict('You cannot anonymise yourself.');
      const [{ reports }] = await manager.query(
        `SELECT count(*)::int AS reports FROM employee WHERE manager_id = $1 AND status = 'active'`,
        [employeeId],
      );
      if (reports > 0) {
        throw conflict(
          `This person still has ${reports} active direct report${reports === 1 ? '' : 's'}: give them another manager first.`,
        );
      }

      const anonymisedAt = new Date();
      const name = anonymisedName(employeeId);
      await manager.query(
        `UPDATE employee SET name = $2, email = $3, job_title = NULL, start_date = NULL, anonymised_at = $4, updated_at = now() WHERE id = $1`,
        [employeeId, name, anonymisedEmail(employeeId), anonymisedAt],
      );
      const users: Array<{ id: string }> = await manager.query('SELECT id FROM app_user WHERE employee_id = $1 FOR UPDATE', [employeeId]);
      for (const { id } of users) {
        await manager.query(
          `UPDATE app_user SET email = $2, password_hash = NULL, is_admin = false, disabled_at = coalesce(disabled_at, now()) WHERE id = $1`,
          [id, anonymisedEmail(id)],
        );
        await manager.query('DELETE FROM refresh_token WHERE user_id = $1', [id]);
      }
      await this.audit.record(manager, {
        actorUserId: actor.userId,
        action: 'anonymise',
        entityType: 'employee',
        entityId: employeeId,
        after: { anonymisedAt: anonymisedAt.toISOString(), accountDisabled: users.length > 0 },
      });
      return { employeeId, name, anonymisedAt: anonymisedAt.toISOString(), accountDisabled: users.length > 0 };
    });
  }
}
