export { ReviewsModule } from './reviews.module';
export { ReviewRemindersService } from './review-reminders.service';
export { ReviewCyclesService } from './review-cycles.service';
export { ReviewsQueryService } from './reviews-query.service';
export { ReviewsWriteService } from './reviews-write.service';
