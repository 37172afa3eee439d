import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { settingNumber } from '../assessments';
import { query, sql } from '../common/sql';
import { NotificationService } from '../notifications';

const HOUR = 60 * 60 * 1000;

/** One reminder this round claimed: which review, which step, due soon or overdue, and whom to tell. */
interface ClaimedReminder {
  review_id: string;
  step: 'self_assessment' | 'manager_assessment';
  kind: 'due' | 'overdue';
  due: string;
  cycle_name: string;
  employee_id: string;
  employee_name: string;
  recipient_user_id: string;
  recipient_email: string;
}

/**
 * Reminders of review deadlines: the self-assessment (to the person) and the manager assessment (to
 * the reviewing manager), once when the deadline is `review.remind_days_before` days away (setting,
 * default 3) and once when it has passed. Each round claims its reminders by inserting them into
 * `review_reminder` (primary key: review, step, kind) with ON CONFLICT DO NOTHING, in the same
 * transaction as the notifications: however many API instances run rounds at once, a reminder is
 * claimed, and sent, by one of them; a restart loses nothing (the table is the memory). Runs hourly
 * and a minute after start.
 */
@Injectable()
export class ReviewRemindersService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ReviewRemindersService.name);
  private timers: NodeJS.Timeout[] = [];
  private running?: Promise<number>;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly notifications: NotificationService,
  ) {}

  onApplicationBootstrap(): void {
    const round = () => void this.run().catch((error: unknown) => this.logger.error(`Review reminders failed: ${String(error)}`));
    const first = setTimeout(round, 60_000);
    const hourly = setInterval(round, HOUR);
    first.unref();
    hourly.unref();
    this.timers = [first, hourly];
  }

  async onApplicationShutdown(): Promise<void> {
    this.timers.forEach((timer) => clearTimeout(timer));
    await this.running?.catch(() => undefined);
  }

  /** One round, for `today` (`YYYY-MM-DD`); answers how many reminders this instance sent. */
  run(today: string = new Date().toISOString().slice(0, 10)): Promise<number> {
    const round = this.db.transaction(async (manager) => {
      const daysBefore = await settingNumber(manager, 'review.remind_days_before', 3, (value) => Number.isInteger(value) && value >= 0);
      const claimed = await query<ClaimedReminder>(
        manager,
        sql`WITH waiting AS (
              SELECT r.id, r.employee_id, r.manager_id, c.name AS cycle_name,
                     CASE WHEN r.state IN ('not_started', 'self_assessment') THEN 'self_assessment' ELSE 'manager_assessment' END AS step,
                     CASE WHEN r.state IN ('not_started', 'self_assessment') THEN c.self_due ELSE c.manager_due END AS due
              FROM review r JOIN review_cycle c ON c.id = r.cycle_id
              WHERE c.status = 'open' AND r.state IN ('not_started', 'self_assessment', 'manager_assessment')
            ),
            -- Only a reminder someone can receive is claimed: a review waiting for a manager it has not got (or a person
            -- without an account) is reminded once it has one, e.g. after an administrator reassigns it.
            wanted AS (
              SELECT w.*, CASE WHEN w.due < ${today}::date THEN 'overdue' ELSE 'due' END AS kind,
                     u.id AS recipient_user_id, u.email AS recipient_email
              FROM waiting w
              JOIN app_user u ON u.employee_id = CASE WHEN w.step = 'self_assessment' THEN w.employee_id ELSE w.manager_id END
                             AND u.disabled_at IS NULL
              WHERE w.due - ${daysBefore}::int <= ${today}::date
            ),
            claimed AS (
              INSERT INTO review_reminder (review_id, step, kind)
              SELECT id, step, kind FROM wanted
              ON CONFLICT DO NOTHING
              RETURNING review_id, step, kind
            )
            SELECT cl.review_id, cl.step, cl.kind, to_char(w.due, 'YYYY-MM-DD') AS due, w.cycle_name, w.employee_id, e.name AS employee_name,
                   w.recipient_user_id, w.recipient_email
            FROM claimed cl
            JOIN wanted w ON w.id = cl.review_id
            JOIN employee e ON e.id = w.employee_id`,
      );
      let sent = 0;
      for (const reminder of claimed) {
        const what = reminder.step === 'self_assessment' ? 'Your self-assessment' : `Your assessment of ${reminder.employee_name}`;
        const text =
          reminder.kind === 'overdue'
            ? `${what} in ${reminder.cycle_name} is overdue (it was due on ${reminder.due})`
            : `${what} in ${reminder.cycle_name} is due on ${reminder.due}`;
        await this.notifications.notify(manager, {
          userId: reminder.recipient_user_id,
          email: reminder.recipient_email,
          kind: reminder.kind === 'overdue' ? 'review_overdue' : 'review_due',
          text,
          employeeId: reminder.employee_id,
          reviewId: reminder.review_id,
          link: `/reviews/${reminder.review_id}`,
        });
        sent += 1;
      }
      return sent;
    });
    this.running = round;
    return round;
  }
}
