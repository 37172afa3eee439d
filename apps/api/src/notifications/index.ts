export { NotificationsModule } from './notifications.module';
export { NotificationService } from './notification.service';
export type { NotificationRequest } from './notification.service';
export { MailOutbox } from './mail-outbox.service';
export { accountOfEmployee } from './notifications.queries';
