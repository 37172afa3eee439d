import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { TeamWriteService } from './team-write.service';
import { TeamsController } from './teams.controller';

@Module({ imports: [AuditModule], controllers: [TeamsController], providers: [TeamWriteService] })
export class TeamsModule {}
