import { Module } from '@nestjs/common';
import { AuditEventsController } from './audit-events.controller';
import { AuditService } from './audit.service';
import { AuditedWrites } from './audited-writes';

@Module({ controllers: [AuditEventsController], providers: [AuditService, AuditedWrites], exports: [AuditService, AuditedWrites] })
export class AuditModule {}
