import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { EmployeesModule } from '../employees/employees.module';
import { AnonymisationService } from './anonymisation.service';
import { PersonalDataService } from './personal-data.service';
import { PrivacyController } from './privacy.controller';

@Module({
  imports: [AuditModule, EmployeesModule],
  controllers: [PrivacyController],
  providers: [PersonalDataService, AnonymisationService],
})
export class PrivacyModule {}
