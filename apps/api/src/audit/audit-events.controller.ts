import { Controller, Get, HttpStatus, Query } from '@nestjs/common';
import { ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { AUDIT_ACTIONS, type AuditAction, type AuditEventListQuery, type AuditEventView, type Page } from '@proficio/shared/contracts';
import { IsIn, IsISO8601, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { DataSource } from 'typeorm';
import { RequireRole } from '../common/auth/roles';
import { ProblemException } from '../common/filters/problem.exception';
import { PageQuery } from '../common/paging';
import { escapeLike } from '../common/sql';
// events about anonymised people are shown without their contents
import { ANONYMISED_SUBJECT_JOIN, redacted } from '../privacy/anonymised-audit';

/** A date without a time, e.g. `2026-03-01`. */
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

class AuditEventsQuery extends PageQuery implements AuditEventListQuery {
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

  @ApiPropertyOptional({ description: 'Part of the acting account’s email, any casing.' })
  @IsOptional()
  @IsString()
  @MaxLength(320)
  actor?: string;

  @ApiPropertyOptional({ enum: AUDIT_ACTIONS })
  @IsOptional()
  @IsIn(AUDIT_ACTIONS)
  action?: AuditAction;

  @ApiPropertyOptional({ example: '2026-01-01T00:00:00Z', description: 'Inclusive; a date without a time means its start (UTC).' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'must be a date or date-time' })
  from?: string;

  @ApiPropertyOptional({ example: '2026-01-31', description: 'Exclusive; a date without a time includes that whole day (UTC).' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'must be a date or date-time' })
  to?: string;
}

@ApiTags('audit')
@Controller('audit-events')
@RequireRole('admin')
export class AuditEventsController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get()
  @ApiOperation({ summary: 'The audit log, newest first, filtered by entity, actor, action and time (admin).' })
  async list(@Query() query: AuditEventsQuery): Promise<Page<AuditEventView>> {
    const end = query.to ? Date.parse(query.to) + (DATE_ONLY.test(query.to) ? 86_400_000 : 0) : undefined;
    if (query.from && end !== undefined && Date.parse(query.from) >= end) {
      throw new ProblemException(HttpStatus.BAD_REQUEST, 'Invalid request', 'to must be after from.', [
        { field: 'to', message: 'must be after from' },
      ]);
    }
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
    if (query.actor?.trim()) add(`%${escapeLike(query.actor.trim())}%`, (n) => `u.email ILIKE $${n}`);
    if (query.action) add(query.action, (n) => `a.action = $${n}`);
    if (query.from && DATE_ONLY.test(query.from)) add(query.from, (n) => `a.occurred_at >= $${n}::date::timestamp AT TIME ZONE 'UTC'`);
    else if (query.from) add(query.from, (n) => `a.occurred_at >= $${n}::timestamptz`);
    if (query.to && DATE_ONLY.test(query.to)) add(query.to, (n) => `a.occurred_at < ($${n}::date + 1)::timestamp AT TIME ZONE 'UTC'`);
    else if (query.to) add(query.to, (n) => `a.occurred_at < $${n}::timestamptz`);
    const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ total }] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM audit_event a LEFT JOIN app_user u ON u.id = a.actor_user_id ${filter}`,
      params,
    );
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT a.id, a.occurred_at, a.actor_user_id, u.email AS actor_email, a.action, a.entity_type, a.entity_id,
              ${redacted('before')} AS before, ${redacted('after')} AS after
       FROM audit_event a LEFT JOIN app_user u ON u.id = a.actor_user_id ${ANONYMISED_SUBJECT_JOIN} ${filter}
       ORDER BY a.occurred_at DESC, a.id DESC LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, pageSize, (page - 1) * pageSize],
    );
    return {
      items: rows.map((row) => ({
        id: Number(row['id']),
        occurredAt: (row['occurred_at'] as Date).toISOString(),
        ...(row['actor_user_id']
          ? { actor: { userId: row['actor_user_id'] as string, ...(row['actor_email'] ? { email: row['actor_email'] as string } : {}) } }
          : {}),
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
