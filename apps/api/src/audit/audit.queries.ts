import type { AuditEventListQuery } from '@proficio/shared/contracts';
import { containsPattern, type PagedRows, type Paging, queryPage, sql, type SqlRunner } from '../common/sql';
// events about anonymised people are shown without their contents
import { ANONYMISED_SUBJECT_JOIN, redacted } from './anonymised-audit';
import { DATE_ONLY } from './dto/audit-events.query';

export interface AuditEventRow {
  /** bigint: the driver answers text. */
  id: string;
  occurred_at: Date;
  actor_user_id: string | null;
  actor_email: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  /** The record's name in the event itself (after, else before); null when it has none or it is withheld. */
  entity_name: string | null;
  /** null when absent, or withheld because the event is about an anonymised person. */
  before: unknown;
  after: unknown;
}

/** The name an event recorded for its record: `name` (people, teams, role profiles), `roleProfileName` (versions), `email` (accounts). */
const ENTITY_NAME = sql`CASE WHEN anon.id IS NOT NULL THEN NULL ELSE COALESCE(
  a.after->>'name', a.before->>'name', a.after->>'roleProfileName', a.before->>'roleProfileName', a.after->>'email', a.before->>'email') END`;

/** The audit log, newest first, filtered; `from` inclusive, `to` exclusive, a date alone meaning its start (UTC). */
export function listAuditEvents(runner: SqlRunner, filter: AuditEventListQuery, paging: Paging): Promise<PagedRows<AuditEventRow>> {
  const actor = filter.actor?.trim();
  const from =
    filter.from &&
    (DATE_ONLY.test(filter.from)
      ? sql`a.occurred_at >= ${filter.from}::date::timestamp AT TIME ZONE 'UTC'`
      : sql`a.occurred_at >= ${filter.from}::timestamptz`);
  const to =
    filter.to &&
    (DATE_ONLY.test(filter.to)
      ? sql`a.occurred_at < (${filter.to}::date + 1)::timestamp AT TIME ZONE 'UTC'`
      : sql`a.occurred_at < ${filter.to}::timestamptz`);
  return queryPage<AuditEventRow>(
    runner,
    {
      select: sql`a.id, a.occurred_at, a.actor_user_id, u.email AS actor_email, a.action, a.entity_type, a.entity_id,
                  ${redacted('before')} AS before, ${redacted('after')} AS after,
                  ${ENTITY_NAME} AS entity_name`,
      from: sql`FROM audit_event a LEFT JOIN app_user u ON u.id = a.actor_user_id ${ANONYMISED_SUBJECT_JOIN}
        ${sql.where([
          filter.entityType && sql`a.entity_type = ${filter.entityType}`,
          filter.entityId && sql`a.entity_id = ${filter.entityId}`,
          filter.actorUserId && sql`a.actor_user_id = ${filter.actorUserId}`,
          actor && sql`u.email ILIKE ${containsPattern(actor)}`,
          filter.action && sql`a.action = ${filter.action}`,
          from,
          to,
        ])}`,
      orderBy: sql`a.occurred_at DESC, a.id DESC`,
    },
    paging,
  );
}
