import { Module } from '@nestjs/common';
import { AuditModule } from '../audit';
import { UserQueryService } from './user-query.service';
import { UserWriteService } from './user-write.service';
import { UsersController } from './users.controller';

@Module({
  imports: [AuditModule],
  controllers: [UsersController],
  providers: [UserQueryService, UserWriteService],
})
export class UsersModule {}
