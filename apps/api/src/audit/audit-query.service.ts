import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuditEventListQuery, AuditEventView, Page } from '@proficio/shared/contracts';
import { DataSource } from 'typeorm';
import { ProblemException } from '../common/filters/problem.exception';
import type { Paging } from '../common/sql';
import { type AuditEventRow, listAuditEvents } from './audit.queries';
import { DATE_ONLY } from './dto/audit-events.query';

function toView(row: AuditEventRow): AuditEventView {
  return {
    id: Number(row.id),
    occurredAt: row.occurred_at.toISOString(),
    ...(row.actor_user_id ? { actor: { userId: row.actor_user_id, ...(row.actor_email ? { email: row.actor_email } : {}) } } : {}),
    action: row.action,
    entityType: row.entity_type,
    ...(row.entity_id ? { entityId: row.entity_id } : {}),
    ...(row.entity_name ? { entityName: row.entity_name } : {}),
    ...(row.before !== null ? { before: row.before } : {}),
    ...(row.after !== null ? { after: row.after } : {}),
  };
}

/** Reads the audit log (admins only: the controller requires the role). */
@Injectable()
export class AuditQueryService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** 400 when `to` is not after `from`. */
  async list(query: AuditEventListQuery & Paging): Promise<Page<AuditEventView>> {
    const end = query.to ? Date.parse(query.to) + (DATE_ONLY.test(query.to) ? 86_400_000 : 0) : undefined;
    if (query.from && end !== undefined && Date.parse(query.from) >= end) {
      throw new ProblemException(HttpStatus.BAD_REQUEST, 'Invalid request', 'to must be after from.', [
        { field: 'to', message: 'must be after from' },
      ]);
    }
    const { rows, total } = await listAuditEvents(this.dataSource, query, query);
    return { items: rows.map(toView), total, page: query.page, pageSize: query.pageSize };
  }
}
