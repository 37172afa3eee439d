import { Sql, sql } from '../common/sql';

/**
 * The audit log is append-only (a trigger refuses UPDATE and DELETE), so
 * anonymising a person cannot rewrite the events about them. Instead their
 * contents are withheld when read: every reader of audit events about
 * employees joins this and selects `before`/`after` through `redacted()`.
 * The event itself (when, who, what kind of change) stays visible; the
 * anonymisation event records no personal data and is shown whole.
 */

/** Joins audit row `a` to the anonymised employee it is about, if any, as `anon`. */
export const ANONYMISED_SUBJECT_JOIN: Sql = sql`LEFT JOIN (SELECT id::text AS id FROM employee WHERE anonymised_at IS NOT NULL) anon
  ON a.entity_type = 'employee' AND a.entity_id = anon.id`;

/** `a.before` or `a.after`, or NULL when the event is about an anonymised employee. */
export const redacted = (column: 'before' | 'after'): Sql =>
  sql`CASE WHEN anon.id IS NOT NULL AND a.action <> 'anonymise' THEN NULL ELSE ${sql.raw(`a.${column}`)} END`;
