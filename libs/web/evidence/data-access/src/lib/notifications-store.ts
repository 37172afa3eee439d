import { Injectable, inject } from '@angular/core';
import { NotificationList } from '@proficio/shared/contracts';
import { Loaded, Writes, loaded } from '@proficio/web/shared/util';
import { Observable, merge } from 'rxjs';
import { EvidenceStore } from './evidence-store';
import { NotificationsApi } from './notifications-api';
import { refreshTicks } from './refresh';

/**
 * The signed-in person's notifications, as the bell shows them: the newest page with the unread count, read again
 * after each navigation, every minute, each evidence write and each "mark read". Loads need an injection context.
 */
@Injectable({ providedIn: 'root' })
export class NotificationsStore {
  private readonly api = inject(NotificationsApi);
  private readonly evidenceChanges = inject(EvidenceStore).changes;
  private readonly writes = new Writes();

  readonly saving = this.writes.saving;
  readonly changes = this.writes.changes;

  /** The newest notifications with the unread count. */
  recent(): Loaded<NotificationList> {
    return loaded(() => this.api.list(), { reloadOn: merge(this.changes, this.evidenceChanges, refreshTicks()) });
  }

  /** Marks `ids` read, or every notification when left out. */
  markRead(ids?: readonly string[]): Observable<{ marked: number }> {
    return this.writes.track(this.api.markRead(ids));
  }
}
