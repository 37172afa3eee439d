import { Injectable } from '@nestjs/common';
import type { NotificationKind } from '@proficio/shared/contracts';
import { randomUUID } from 'node:crypto';
import { execute, sql, type SqlRunner } from '../common/sql';
import { MailOutbox } from './mail-outbox.service';

/** One notification to one account, written in the caller's transaction (so it exists exactly when the change does). */
export interface NotificationRequest {
  userId: string;
  /** The account's email: a message is queued for it when mail is configured. */
  email: string;
  kind: NotificationKind;
  text: string;
  evidenceId?: string;
  employeeId?: string;
  reviewId?: string;
  /** Where the email's link points, relative to the app's address (e.g. `/evidence/…`). */
  link?: string;
}

@Injectable()
export class NotificationService {
  constructor(private readonly outbox: MailOutbox) {}

  /** Writes the in-app notification and, when SMTP is configured, queues its email; both commit or roll back with the change. */
  async notify(runner: SqlRunner, request: NotificationRequest): Promise<void> {
    await execute(
      runner,
      sql`INSERT INTO notification (id, user_id, kind, text, evidence_id, employee_id, review_id)
          VALUES (${randomUUID()}, ${request.userId}, ${request.kind}, ${request.text}, ${request.evidenceId ?? null}, ${request.employeeId ?? null},
                  ${request.reviewId ?? null})`,
    );
    await this.outbox.queue(runner, {
      to: request.email,
      subject: `Proficio: ${request.text}`.slice(0, 200),
      text: request.text,
      link: request.link,
    });
  }
}
