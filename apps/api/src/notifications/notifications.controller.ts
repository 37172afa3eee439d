import { Body, Controller, Get, HttpCode, HttpStatus, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { NotificationList } from '@proficio/shared/contracts';
import { Actor, CurrentActor } from '../access';
import { MarkNotificationsReadDto, NotificationsQuery } from './dto/notifications.dto';
import { NotificationQueryService } from './notification-query.service';

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationQueryService) {}

  @Get()
  @ApiOperation({ summary: 'The caller’s notifications, newest first, with the unread count (the bell).' })
  list(@Query() query: NotificationsQuery, @CurrentActor() actor: Actor): Promise<NotificationList> {
    return this.notifications.list(actor, query.paging());
  }

  @Post('read')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Marks the caller’s notifications read: those named in `ids`, or all of them. Answers how many changed.' })
  async markRead(@Body() body: MarkNotificationsReadDto, @CurrentActor() actor: Actor): Promise<{ marked: number }> {
    return { marked: await this.notifications.markRead(actor, body.ids) };
  }
}
