import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { ApiRoutes, NotificationList } from '@proficio/shared/contracts';
import { Observable } from 'rxjs';

/** The signed-in person's in-app notifications (`/api/notifications`), newest first, with the unread count. */
@Injectable({ providedIn: 'root' })
export class NotificationsApi {
  private readonly http = inject(HttpClient);

  list(page?: number): Observable<NotificationList> {
    const params = page === undefined ? new HttpParams() : new HttpParams().set('page', page);
    return this.http.get<NotificationList>(ApiRoutes.notifications, { params });
  }

  /** Marks the notifications `ids` read, or all of them when `ids` is left out; answers how many changed. */
  markRead(ids?: readonly string[]): Observable<{ marked: number }> {
    return this.http.post<{ marked: number }>(ApiRoutes.notificationsRead, ids ? { ids } : {});
  }
}
