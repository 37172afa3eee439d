import { Module } from '@nestjs/common';
import { AuditEventsController } from './audit-events.controller';
import { AuditQueryService } from './audit-query.service';
import { AuditService } from './audit.service';

@Module({ controllers: [AuditEventsController], providers: [AuditService, AuditQueryService], exports: [AuditService] })
export class AuditModule {}
