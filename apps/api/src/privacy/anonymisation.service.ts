import { Injectable } from '@nestjs/common';
import type { AnonymisationResult } from '@proficio/shared/contracts';
import { AuditedWrites } from '../audit';
import { conflict, notFound } from '../common/problems';
import { execute, query, queryOne, sql } from '../common/sql';
import { Actor } from '../access';

const refused = (detail: string) => conflict(detail, 'The person cannot be anonymised');

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
  constructor(private readonly writes: AuditedWrites) {}

  async anonymise(actor: Actor, employeeId: string): Promise<AnonymisationResult> {
    return this.writes.run(actor, async ({ manager, audit }) => {
      const employee = await queryOne<{ status: string; anonymised_at: Date | null }>(
        manager,
        sql`SELECT status, anonymised_at FROM employee WHERE id = ${employeeId} FOR UPDATE`,
      );
      if (!employee) throw notFound('Employee', employeeId);
      if (employee.anonymised_at) throw refused('This person has already been anonymised.');
      if (employee.status !== 'left') {
        throw refused(
          `Only a person who has left can be anonymised; this person's status is "${employee.status}". Set the status to "left" first.`,
        );
      }
      if (actor.employeeId === employeeId) throw refused('You cannot anonymise yourself.');
      const [{ reports }] = await query<{ reports: number }>(
        manager,
        sql`SELECT count(*)::int AS reports FROM employee WHERE manager_id = ${employeeId} AND status = 'active'`,
      );
      if (reports > 0) {
        throw refused(`This person still has ${reports} active direct report${reports === 1 ? '' : 's'}: give them another manager first.`);
      }

      const anonymisedAt = new Date();
      const name = anonymisedName(employeeId);
      await execute(
        manager,
        sql`UPDATE employee SET name = ${name}, email = ${anonymisedEmail(employeeId)}, job_title = NULL, start_date = NULL,
              anonymised_at = ${anonymisedAt}, updated_at = now()
            WHERE id = ${employeeId}`,
      );
      const users = await query<{ id: string }>(manager, sql`SELECT id FROM app_user WHERE employee_id = ${employeeId} FOR UPDATE`);
      for (const { id } of users) {
        await execute(
          manager,
          sql`UPDATE app_user SET email = ${anonymisedEmail(id)}, password_hash = NULL, is_admin = false, disabled_at = coalesce(disabled_at, now())
              WHERE id = ${id}`,
        );
        await execute(manager, sql`DELETE FROM refresh_token WHERE user_id = ${id}`);
      }
      audit({
        action: 'anonymise',
        entityType: 'employee',
        entityId: employeeId,
        after: { anonymisedAt: anonymisedAt.toISOString(), accountDisabled: users.length > 0 },
      });
      return { employeeId, name, anonymisedAt: anonymisedAt.toISOString(), accountDisabled: users.length > 0 };
    });
  }
}
