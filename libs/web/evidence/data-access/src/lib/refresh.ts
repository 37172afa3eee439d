import { inject } from '@angular/core';
import { NavigationEnd, Router } from '@angular/router';
import { Observable, defer, filter, interval, merge } from 'rxjs';

/** How often counts that others change (unread notifications, evidence waiting) are asked for again. */
export const REFRESH_INTERVAL_MS = 60_000;

/**
 * Emits after each navigation and every {@link REFRESH_INTERVAL_MS}: when counts that other people change
 * are read again. The navigation under way when it is subscribed to (the one that created the page asking)
 * does not count: what was just read is not read twice. Call it in an injection context.
 */
export function refreshTicks(): Observable<unknown> {
  const router = inject(Router);
  return defer(() => {
    const underWay = router.currentNavigation()?.id;
    return merge(
      interval(REFRESH_INTERVAL_MS),
      router.events.pipe(filter((event) => event instanceof NavigationEnd && event.id !== underWay)),
    );
  });
}
