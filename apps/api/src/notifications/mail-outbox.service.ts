import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { createTransport, type Transporter } from 'nodemailer';
import { DataSource } from 'typeorm';
import { execute, sql, type SqlRunner } from '../common/sql';
import { dueMessages, markFailed, markSent } from './notifications.queries';

export interface MailSettings {
  /** No SMTP server: nothing is queued and nothing is sent. */
  smtpUrl?: string;
  from: string;
  /** The address people reach Proficio at, for links. */
  publicUrl: string;
  /** How often the outbox is read for messages due (retries), in milliseconds. */
  pollMs?: number;
}
export const MAIL_SETTINGS = Symbol('MailSettings');

/**
 * Email through an outbox table: a message is queued in the transaction of the change it tells
 * about (so it exists exactly when the change does), and sent after the commit by whichever API
 * instance takes it first (`FOR UPDATE SKIP LOCKED`). A failed send stays queued and is retried
 * with a growing wait (1, 2, 4 … minutes, ten attempts), never lost silently: `last_error` says why.
 */
@Injectable()
export class MailOutbox implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(MailOutbox.name);
  private transporter?: Transporter;
  private timer?: NodeJS.Timeout;
  private draining?: Promise<void>;
  private again = false;

  constructor(
    @Inject(MAIL_SETTINGS) private readonly settings: MailSettings,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  get enabled(): boolean {
    return !!this.settings.smtpUrl;
  }

  onModuleInit(): void {
    if (!this.settings.smtpUrl) return;
    this.transporter = createTransport(this.settings.smtpUrl);
    this.timer = setInterval(() => void this.kick(), this.settings.pollMs ?? 30_000);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.draining;
    this.transporter?.close();
  }

  /** Queues a message in the caller's transaction; it is sent shortly after that commits. */
  async queue(runner: SqlRunner, message: { to: string; subject: string; text: string; link?: string }): Promise<void> {
    if (!this.enabled) return;
    const body = message.link ? `${message.text}\n\nOpen it in Proficio: ${this.settings.publicUrl}${message.link}\n` : `${message.text}\n`;
    await execute(
      runner,
      sql`INSERT INTO mail_outbox (id, to_address, subject, body) VALUES (${randomUUID()}, ${message.to}, ${message.subject}, ${body})`,
    );
    // After the caller's commit (a moment later); what is not committed yet is found by the next round.
    setTimeout(() => void this.kick(), 100).unref();
  }

  /** Sends what is due now; one round at a time per instance. Resolves when the round (and any asked for meanwhile) ends. */
  kick(): Promise<void> {
    if (!this.transporter) return Promise.resolve();
    if (this.draining) {
      this.again = true;
      return this.draining;
    }
    this.draining = this.drain()
      .catch((error: unknown) => this.logger.error(`Mail outbox round failed: ${String(error)}`))
      .finally(() => {
        this.draining = undefined;
        if (this.again) {
          this.again = false;
          void this.kick();
        }
      });
    return this.draining;
  }

  private async drain(): Promise<void> {
    for (;;) {
      const sent = await this.dataSource.transaction(async (manager) => {
        const messages = await dueMessages(manager, 10);
        for (const message of messages) {
          try {
            await this.transporter?.sendMail({
              from: this.settings.from,
              to: message.to_address,
              subject: message.subject,
              text: message.body,
            });
            await markSent(manager, message.id);
          } catch (error) {
            this.logger.warn(`Sending mail ${message.id} failed (attempt ${message.attempts + 1}): ${String(error)}`);
            await markFailed(manager, message.id, String(error));
          }
        }
        return messages.length;
      });
      if (sent < 10) return;
    }
  }
}
