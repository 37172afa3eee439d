import { Module } from '@nestjs/common';
import { AuditModule } from '../audit';
import { AccessModule } from '../access';
import { EmployeeQueryService } from './employee-query.service';
import { EmployeeWriteService } from './employee-write.service';
import { EmployeesController } from './employees.controller';

@Module({
  imports: [AuditModule, AccessModule],
  controllers: [EmployeesController],
  providers: [EmployeeQueryService, EmployeeWriteService],
})
export class EmployeesModule {}
