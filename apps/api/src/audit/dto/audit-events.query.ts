import { ApiPropertyOptional } from '@nestjs/swagger';
import { AUDIT_ACTIONS, type AuditAction, type AuditEventListQuery } from '@proficio/shared/contracts';
import { IsIn, IsISO8601, IsOptional } from 'class-validator';
import { PageQuery } from '../../common/paging';
import { OptionalUuid, OptionalText } from '../../common/validation/fields';

/** A date without a time, e.g. `2026-03-01`. */
export const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** The default page size of the audit log. */
export const AUDIT_EVENTS_PAGE_SIZE = 50;

export class AuditEventsQuery extends PageQuery(AUDIT_EVENTS_PAGE_SIZE) implements AuditEventListQuery {
  @OptionalText(100, { example: 'employee' })
  entityType?: string;

  @OptionalText(200)
  entityId?: string;

  @OptionalUuid()
  actorUserId?: string;

  @OptionalText(320, { description: 'Part of the acting account’s email, any casing.' })
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
