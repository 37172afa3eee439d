import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuditEventView, Page } from '@proficio/shared/contracts';
import { RequireRole } from '../common/auth/roles';
import { AuditQueryService } from './audit-query.service';
import { AuditEventsQuery } from './dto/audit-events.query';

@ApiTags('audit')
@Controller('audit-events')
@RequireRole('admin')
export class AuditEventsController {
  constructor(private readonly events: AuditQueryService) {}

  @Get()
  @ApiOperation({ summary: 'The audit log, newest first, filtered by entity, actor, action and time (admin).' })
  list(@Query() query: AuditEventsQuery): Promise<Page<AuditEventView>> {
    return this.events.list({ ...query, ...query.paging() });
  }
}
