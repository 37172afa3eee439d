/** What an audit event records was done. */
export const AUDIT_ACTIONS = [
  'create',
  'update',
  'delete',
  'import',
  'anonymise',
  'refuse',
  'publish',
  'submit',
  'review',
  'open',
  'close',
  'transition',
  'sign',
  'reopen',
  'reassign',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** The kinds of records the API writes audit events about (`entityType`). */
export const AUDIT_ENTITY_TYPES = [
  'employee',
  'team',
  'role_profile',
  'role_profile_version',
  'people_import',
  'framework_import',
  'framework',
  'user',
  'session',
  'assessment',
  'evidence',
  'review_cycle',
  'review',
] as const;
export type AuditEntityType = (typeof AUDIT_ENTITY_TYPES)[number];

/**
 * `GET /api/audit-events` (admin): filters of the audit log, newest first.
 * `from` is inclusive and `to` exclusive; a date without a time (`2026-03-01`) as `to` includes that whole day (UTC).
 */
export interface AuditEventListQuery {
  entityType?: string;
  entityId?: string;
  /** The acting account's id. */
  actorUserId?: string;
  /** Part of the acting account's email, any casing. */
  actor?: string;
  action?: AuditAction;
  from?: string;
  to?: string;
  page?: number;
  pageSize?: number;
}
