/** One field an audit event changed: its value before and after (undefined when absent on that side). */
export interface AuditChange {
  readonly field: string;
  readonly before: unknown;
  readonly after: unknown;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Fields that change on every write and say nothing to a reader. */
const NOISE = new Set(['updatedAt', 'updated_at']);

/**
 * The fields that differ between an event's `before` and `after`, in the order they first appear.
 * A create lists every field of `after`, a delete every field of `before`. Values that are not
 * objects on both sides are compared whole (as one "value" field).
 */
export function auditChanges(before: unknown, after: unknown): AuditChange[] {
  if (before === undefined && after === undefined) return [];
  if (!isRecord(before ?? {}) || !isRecord(after ?? {})) {
    return JSON.stringify(before) === JSON.stringify(after) ? [] : [{ field: 'value', before, after }];
  }
  const b = (before ?? {}) as Record<string, unknown>;
  const a = (after ?? {}) as Record<string, unknown>;
  const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((field) => !NOISE.has(field));
  return fields
    .filter((field) => JSON.stringify(b[field]) !== JSON.stringify(a[field]))
    .map((field) => ({ field, before: b[field], after: a[field] }));
}

/** A value as a reader sees it in a diff: "—" for nothing, text as is, anything else as JSON. */
export function auditValue(value: unknown): string {
  if (value === undefined || value === null || value === '') return '—';
  return typeof value === 'string' ? value : JSON.stringify(value);
}
