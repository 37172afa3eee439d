import { Body, Controller, Get, HttpCode, HttpStatus, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { NotificationList } from '@proficio/shared/contracts';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Actor, CurrentActor } from '../access';
import { MarkNotificationsReadDto, NotificationsQuery } from './dto/notifications.dto';
import { listNotifications, markRead, unreadCount } from './notifications.queries';

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get()
  @ApiOperation({ summary: 'The caller’s notifications, newest first, with the unread count (the bell).' })
  async list(@Query() query: NotificationsQuery, @CurrentActor() actor: Actor): Promise<NotificationList> {
    const paging = query.paging();
    const [page, unread] = await Promise.all([
      listNotifications(this.dataSource, actor.userId, paging),
      unreadCount(this.dataSource, actor.userId),
    ]);
    return {
      unread,
      total: page.total,
      ...paging,
      items: page.rows.map((row) => ({
        id: row.id,
        kind: row.kind,
        text: row.text,
        ...(row.evidence_id ? { evidenceId: row.evidence_id } : {}),
        ...(row.review_id ? { reviewId: row.review_id } : {}),
        ...(row.employee_id ? { employeeId: row.employee_id } : {}),
        createdAt: new Date(row.created_at).toISOString(),
        read: row.read_at !== null,
      })),
    };
  }

  @Post('read')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Marks the caller’s notifications read: those named in `ids`, or all of them. Answers how many changed.' })
  async markRead(@Body() body: MarkNotificationsReadDto, @CurrentActor() actor: Actor): Promise<{ marked: number }> {
    return { marked: await markRead(this.dataSource, actor.userId, body.ids) };
  }
}
