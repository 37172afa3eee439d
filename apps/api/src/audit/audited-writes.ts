import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuditAction, AuditEntityType } from '@proficio/shared/contracts';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../access';
import { AuditEntry, AuditService } from './audit.service';

/** One audit event of a write: the actor is the one the write runs for. */
export interface AuditRecord {
  action: AuditAction;
  entityType: AuditEntityType;
  entityId: string | null;
  /** The record before the change (a snapshot function's result); absent for a create. */
  before?: unknown;
  /** The record after the change; absent for a delete. */
  after?: unknown;
}

/** What a write's work gets: the transaction's EntityManager (also a SqlRunner) and the audit log. */
export interface AuditedTransaction {
  readonly manager: EntityManager;
  /** Records an event; it is written with the change, in the same transaction, or not at all. */
  audit(record: AuditRecord): void;
  /** Records many events (bulk writes); written in one INSERT with the rest. */
  auditMany(records: readonly AuditRecord[]): void;
}

/** Who a write runs for: a signed-in actor, or null for the system itself (seeding, built-in content). */
export type WriteActor = Pick<Actor, 'userId'> | null;

/**
 * The one recipe for a write: the work runs in one transaction, records its
 * audit events on the way, and the events are inserted (one statement)
 * through AuditService in that transaction once the work has succeeded.
 * A database constraint the work breaks is not caught here: the global
 * ProblemDetailsFilter answers it from the constraint registry.
 *
 *   return this.writes.run(actor, async (tx) => {
 *     await tx.manager.insert(TeamEntity, team);
 *     tx.audit({ action: 'create', entityType: 'team', entityId: team.id, after: teamSnapshot(team) });
 *     return toView(team);
 *   });
 */
@Injectable()
export class AuditedWrites {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly auditService: AuditService,
  ) {}

  run<T>(actor: WriteActor, work: (tx: AuditedTransaction) => Promise<T>): Promise<T> {
    return this.dataSource.transaction((manager) => this.within(manager, actor, work));
  }

  /** The same, inside a transaction the caller already holds. */
  async within<T>(manager: EntityManager, actor: WriteActor, work: (tx: AuditedTransaction) => Promise<T>): Promise<T> {
    const entries: AuditEntry[] = [];
    const add = (record: AuditRecord) => entries.push({ actorUserId: actor?.userId ?? null, ...record });
    const result = await work({
      manager,
      audit: add,
      auditMany: (records) => records.forEach(add),
    });
    await this.auditService.recordMany(manager, entries);
    return result;
  }
}
