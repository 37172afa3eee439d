import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuditEventView, Page } from '@proficio/shared/contracts';
import { IsISO8601, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { DataSource } from 'typeorm';
import { RequireRole } from '../common/auth/roles';
import { PageQuery } from '../common/paging';

class AuditEventsQuery extends PageQuery {
  @ApiPropertyOptional({ example: 'employee' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  entityType?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  entityId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID('all')
  actorUserId?: string;

  @ApiPropertyOptional({ example: '2026-01-01T00:00:00Z' })
  @IsOptional()
  @IsISO8601({}, { message: 'must be a date or date-time' })
  from?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsISO8601({}, { message: 'must be a date or date-time' })
  to?: string;


}

@ApiTags('audit')
@Controller('audit-events')
@RequireRole('admin')
export class AuditEventsController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get()
  @ApiOperation({ summary: 'The audit log, newest first, filtered (admin).' })
  async list(@Query() query: AuditEventsQuery): Promise<Page<AuditEventView>> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 50;
    const params: unknown[] = [];
    const where: string[] = [];
    const add = (value: unknown, clause: (n: number) => string) => {
      params.push(value);
      where.push(clause(params.length));
    };
    if (query.entityType) add(query.entityType, (n) => `a.entity_type = $${n}`);
    if (query.entityId) add(query.entityId, (n) => `a.entity_id = $${n}`);
    if (query.actorUserId) add(query.actorUserId, (n) => `a.actor_user_id = $${n}`);
    if (query.from) add(query.from, (n) => `a.occurred_at >= $${n}::timestamptz`);
    if (query.to) add(query.to, (n) => `a.occurred_at < $${n}::timestamptz`);
    const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ total }] = await this.dataSource.query(`SELECT count(*)::int AS total FROM audit_event a ${filter}`, params);
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT a.id, a.occurred_at, a.actor_user_id, u.email AS actor_email, a.action, a.entity_type, a.entity_id, a.before, a.after
       FROM audit_event a LEFT JOIN app_user u ON u.id = a.actor_user_id ${filter}
       ORDER BY a.occurred_at DESC, a.id DESC LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, pageSize, (page - 1) * pageSize],
    );
    return {
      items: rows.map((row) => ({
        id: Number(row['id']),
        occurredAt: (row['occurred_at'] as Date).toISOString(),
        ...(row['actor_user_id'] ? { actor: { userId: row['actor_user_id'] as string, ...(row['actor_email'] ? { email: row['actor_email'] as string } : {}) } } : {}),
        action: row['action'] as string,
        entityType: row['entity_type'] as string,
        ...(row['entity_id'] ? { entityId: row['entity_id'] as string } : {}),
        ...(row['before'] !== null ? { before: row['before'] } : {}),
        ...(row['after'] !== null ? { after: row['after'] } : {}),
      })),
      total: total as number,
      page,
      pageSize,
    };
  }
}
