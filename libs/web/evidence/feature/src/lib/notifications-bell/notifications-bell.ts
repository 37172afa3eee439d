import { NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatMenuModule } from '@angular/material/menu';
import { RouterLink } from '@angular/router';
import { NotificationView } from '@proficio/shared/contracts';
import { NotificationsStore } from '@proficio/web/evidence/data-access';
import { LocalDatePipe } from '@proficio/web/shared/ui';
import { keptWhileLoading, problemFromError } from '@proficio/web/shared/util';

/**
 * The toolbar's bell: how many notifications are unread (read again after each navigation and every minute), and a
 * menu of the newest, each leading to its evidence and marked read when opened, with "Mark all read". Loaded with the
 * app's lazy toolbar parts, for signed-in people only.
 */
@Component({
  selector: 'app-notifications-bell',
  imports: [LocalDatePipe, MatButtonModule, MatMenuModule, NgTemplateOutlet, RouterLink],
  templateUrl: './notifications-bell.html',
  styleUrl: './notifications-bell.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NotificationsBell {
  private readonly store = inject(NotificationsStore);

  private readonly recent = this.store.recent();
  /** The last list: kept while it is read again, so the count does not blink. */
  protected readonly list = keptWhileLoading(this.recent.state);
  protected readonly problem = this.recent.problem;
  protected readonly unread = computed(() => this.list()?.unread ?? 0);
  protected readonly badge = computed(() => (this.unread() > 99 ? '99+' : String(this.unread())));
  protected readonly label = computed(() => {
    const unread = this.unread();
    return unread ? `Notifications, ${unread} unread` : 'Notifications';
  });
  protected readonly actionError = signal<string | null>(null);

  protected retry(): void {
    this.recent.reload();
  }

  protected opened(notification: NotificationView): void {
    if (notification.read) return;
    this.store.markRead([notification.id]).subscribe({ error: () => undefined });
  }

  protected markAllRead(): void {
    this.actionError.set(null);
    this.store.markRead().subscribe({
      error: (error: unknown) => this.actionError.set(`Could not mark them read: ${problemFromError(error).title}`),
    });
  }
}
