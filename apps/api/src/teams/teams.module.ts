import { Module } from '@nestjs/common';
import { AuditModule } from '../audit';
import { TeamQueryService } from './team-query.service';
import { TeamWriteService } from './team-write.service';
import { TeamsController } from './teams.controller';

@Module({ imports: [AuditModule], controllers: [TeamsController], providers: [TeamQueryService, TeamWriteService] })
export class TeamsModule {}
