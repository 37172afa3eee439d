import { Injectable } from '@nestjs/common';
import type { AuditAction, AuditEntityType } from '@proficio/shared/contracts';
import { execute, sql, SqlRunner } from '../common/sql';

export interface AuditEntry {
  actorUserId: string | null;
  action: AuditAction;
  entityType: AuditEntityType;
  entityId: string | null;
  before?: unknown;
  after?: unknown;
}

/**
 * Writes the audit log: who changed what, when, with the record before and
 * after. Always inside the caller's transaction, so a change and its audit
 * rows are written together or not at all. Rows are only ever inserted (a
 * trigger refuses UPDATE and DELETE on audit_event). Writes go through
 * AuditedWrites; `record` is for the few events outside a write (sign-ins).
 */
@Injectable()
export class AuditService {
  async record(runner: SqlRunner, entry: AuditEntry): Promise<void> {
    await this.recordMany(runner, [entry]);
  }

  /** Any number of events in one INSERT, in the order given (a people import writes thousands). */
  async recordMany(runner: SqlRunner, entries: readonly AuditEntry[]): Promise<void> {
    if (entries.length === 0) return;
    const rows = entries.map((entry) => ({
      actor_user_id: entry.actorUserId,
      action: entry.action,
      entity_type: entry.entityType,
      entity_id: entry.entityId,
      before: entry.before ?? null,
      after: entry.after ?? null,
    }));
    await execute(
      runner,
      sql`INSERT INTO audit_event (actor_user_id, action, entity_type, entity_id, before, after)
          SELECT actor_user_id, action, entity_type, entity_id, before, after
          FROM ROWS FROM (jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
            AS (actor_user_id uuid, action text, entity_type text, entity_id text, before jsonb, after jsonb))
            WITH ORDINALITY AS t(actor_user_id, action, entity_type, entity_id, before, after, position)
          ORDER BY position`,
    );
  }
}
