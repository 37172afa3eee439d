import { Module } from '@nestjs/common';
import { AuditModule } from '../audit';
import { AccessModule } from '../access';
import { AnonymisationService } from './anonymisation.service';
import { PersonalDataService } from './personal-data.service';
import { PrivacyController } from './privacy.controller';

@Module({
  imports: [AuditModule, AccessModule],
  controllers: [PrivacyController],
  providers: [PersonalDataService, AnonymisationService],
})
export class PrivacyModule {}
