import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { AccessService } from './access.service';
import { EmployeeQueryService } from './employee-query.service';
import { EmployeeWriteService } from './employee-write.service';
import { EmployeesController } from './employees.controller';

@Module({
  imports: [AuditModule],
  controllers: [EmployeesController],
  providers: [AccessService, EmployeeQueryService, EmployeeWriteService],
  exports: [AccessService],
})
export class EmployeesModule {}
