import { Module } from '@nestjs/common';
import { AuditModule } from '../audit';
import { RoleProfileQueryService } from './role-profile-query.service';
import { RoleProfileWriteService } from './role-profile-write.service';
import { RoleProfilesController } from './role-profiles.controller';

@Module({
  imports: [AuditModule],
  controllers: [RoleProfilesController],
  providers: [RoleProfileQueryService, RoleProfileWriteService],
})
export class RoleProfilesModule {}
