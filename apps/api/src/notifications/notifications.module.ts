import { DynamicModule, Module } from '@nestjs/common';
import { MAIL_SETTINGS, MailOutbox, type MailSettings } from './mail-outbox.service';
import { NotificationQueryService } from './notification-query.service';
import { NotificationService } from './notification.service';
import { NotificationsController } from './notifications.controller';

/** In-app notifications (the bell) and their email, through the outbox. Other modules call `NotificationService.notify` inside their write. */
@Module({})
export class NotificationsModule {
  static forRoot(settings: MailSettings): DynamicModule {
    return {
      module: NotificationsModule,
      global: true,
      controllers: [NotificationsController],
      providers: [{ provide: MAIL_SETTINGS, useValue: settings }, MailOutbox, NotificationService, NotificationQueryService],
      exports: [NotificationService, MailOutbox],
    };
  }
}
