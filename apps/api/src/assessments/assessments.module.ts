import { Module } from '@nestjs/common';
import { AccessModule } from '../access';
import { AuditModule } from '../audit';
import { AssessmentQueryService } from './assessment-query.service';
import { AssessmentWriteService } from './assessment-write.service';
import { AssessmentsController } from './assessments.controller';

@Module({
  imports: [AuditModule, AccessModule],
  controllers: [AssessmentsController],
  providers: [AssessmentQueryService, AssessmentWriteService],
  exports: [AssessmentWriteService],
})
export class AssessmentsModule {}
