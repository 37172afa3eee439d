import type { NotificationKind } from '@proficio/shared/contracts';
import { type PagedRows, type Paging, execute, query, queryOne, queryPage, sql, type SqlRunner } from '../common/sql';

export interface NotificationRow {
  id: string;
  kind: NotificationKind;
  text: string;
  evidence_id: string | null;
  review_id: string | null;
  employee_id: string | null;
  created_at: Date;
  read_at: Date | null;
}

export function listNotifications(runner: SqlRunner, userId: string, paging: Paging): Promise<PagedRows<NotificationRow>> {
  return queryPage<NotificationRow>(
    runner,
    {
      select: sql`n.id, n.kind, n.text, n.evidence_id, n.review_id, n.employee_id, n.created_at, n.read_at`,
      from: sql`FROM notification n WHERE n.user_id = ${userId}`,
      orderBy: sql`n.created_at DESC, n.id`,
    },
    paging,
  );
}

export async function unreadCount(runner: SqlRunner, userId: string): Promise<number> {
  const row = await queryOne<{ unread: number }>(
    runner,
    sql`SELECT count(*)::int AS unread FROM notification WHERE user_id = ${userId} AND read_at IS NULL`,
  );
  return row?.unread ?? 0;
}

/** Marks the caller's notifications read: the ones named, or all. Others' ids are ignored (never touched). */
export async function markRead(runner: SqlRunner, userId: string, ids?: readonly string[]): Promise<number> {
  const rows = await query<{ id: string }>(
    runner,
    sql`UPDATE notification SET read_at = now()
        WHERE user_id = ${userId} AND read_at IS NULL ${ids ? sql`AND id = ANY(${ids}::uuid[])` : sql.empty}
        RETURNING id`,
  );
  return rows.length;
}

export interface OutboxRow {
  id: string;
  to_address: string;
  subject: string;
  body: string;
  attempts: number;
}

/** Takes up to `limit` due messages, locked so that a second API instance takes others (`SKIP LOCKED`). */
export function dueMessages(runner: SqlRunner, limit: number): Promise<OutboxRow[]> {
  return query<OutboxRow>(
    runner,
    sql`SELECT id, to_address, subject, body, attempts FROM mail_outbox
        WHERE sent_at IS NULL AND next_attempt_at <= now() AND attempts < ${MAX_MAIL_ATTEMPTS}
        ORDER BY next_attempt_at, id LIMIT ${limit} FOR UPDATE SKIP LOCKED`,
  );
}

export const MAX_MAIL_ATTEMPTS = 10;

export async function markSent(runner: SqlRunner, id: string): Promise<void> {
  await execute(runner, sql`UPDATE mail_outbox SET sent_at = now(), attempts = attempts + 1, last_error = NULL WHERE id = ${id}`);
}

/** A failed send waits longer each time: 1, 2, 4 … minutes, at most an hour. */
export async function markFailed(runner: SqlRunner, id: string, error: string): Promise<void> {
  await execute(
    runner,
    sql`UPDATE mail_outbox SET attempts = attempts + 1, last_error = ${error.slice(0, 1000)},
          next_attempt_at = now() + least(interval '1 hour', interval '1 minute' * power(2, attempts))
        WHERE id = ${id}`,
  );
}

/** Whom a notification about an employee goes to: their account (none for people without one, or disabled). */
export async function accountOfEmployee(runner: SqlRunner, employeeId: string | null): Promise<{ id: string; email: string } | undefined> {
  if (!employeeId) return undefined;
  return queryOne<{ id: string; email: string }>(
    runner,
    sql`SELECT id, email FROM app_user WHERE employee_id = ${employeeId} AND disabled_at IS NULL`,
  );
}
