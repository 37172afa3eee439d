import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { NotificationList } from '@proficio/shared/contracts';
import { DataSource } from 'typeorm';
import type { Actor } from '../access';
import type { Paging } from '../common/sql';
import { listNotifications, markRead, unreadCount } from './notifications.queries';

/** The bell: a caller's own notifications (nobody reads anyone else's), and marking them read. */
@Injectable()
export class NotificationQueryService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(actor: Actor, paging: Paging): Promise<NotificationList> {
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

  /** Answers how many changed. */
  markRead(actor: Actor, ids?: string[]): Promise<number> {
    return markRead(this.dataSource, actor.userId, ids);
  }
}
