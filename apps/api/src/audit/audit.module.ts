import { Module } from '@nestjs/common';
import { AuditEventsController } from './audit-events.controller';
import { AuditQueryService } from './audit-query.service';
import { AuditService } from './audit.service';
import { AuditedWrites } from './audited-writes';

@Module({
  controllers: [AuditEventsController],
  providers: [AuditService, AuditQueryService, AuditedWrites],
  exports: [AuditService, AuditedWrites],
})
export class AuditModule {}
