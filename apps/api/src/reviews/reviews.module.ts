import { Module } from '@nestjs/common';
import { AccessModule } from '../access';
import { AssessmentsModule } from '../assessments';
import { AuditModule } from '../audit';
import { ReviewCyclesService } from './review-cycles.service';
import { ReviewRemindersService } from './review-reminders.service';
import { ReviewCyclesController, ReviewsController } from './reviews.controller';
import { ReviewsQueryService } from './reviews-query.service';
import { ReviewsWriteService } from './reviews-write.service';

@Module({
  imports: [AuditModule, AccessModule, AssessmentsModule],
  controllers: [ReviewCyclesController, ReviewsController],
  providers: [ReviewCyclesService, ReviewsQueryService, ReviewsWriteService, ReviewRemindersService],
  exports: [ReviewRemindersService, ReviewCyclesService, ReviewsQueryService, ReviewsWriteService],
})
export class ReviewsModule {}
