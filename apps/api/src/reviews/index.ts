export { ReviewsModule } from './reviews.module';
export { ReviewRemindersService } from './review-reminders.service';
