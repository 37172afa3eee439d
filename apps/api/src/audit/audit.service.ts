import { Injectable } from '@nestjs/common';
import type { AuditAction, AuditEntityType } from '@proficio/shared/contracts';
import { EntityManager } from 'typeorm';

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
 * row are written together or not at all. Rows are only ever inserted (a
 * trigger refuses UPDATE and DELETE on audit_event).
 */
@Injectable()
export class AuditService {
  async record(manager: EntityManager, entry: AuditEntry): Promise<void> {
    await manager.query(
      `INSERT INTO audit_event (actor_user_id, action, entity_type, entity_id, before, after) VALUES ($1, $2, $3, $4, $5, $6)`,
      [
        entry.actorUserId,
        entry.action,
        entry.entityType,
        entry.entityId,
        entry.before === undefined ? null : JSON.stringify(entry.before),
        entry.after === undefined ? null : JSON.stringify(entry.after),
      ],
    );
  }
}
