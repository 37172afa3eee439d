import { inject } from '@angular/core';
import { NavigationEnd, Router } from '@angular/router';
import { Observable, filter, interval, merge } from 'rxjs';

/** How often counts that others change (unread notifications, evidence waiting) are asked for again. */
export const REFRESH_INTERVAL_MS = 60_000;

/**
 * Emits after each navigation and every {@link REFRESH_INTERVAL_MS}: when counts that other people change
 * are read again. Call it in an injection context.
 */
export function refreshTicks(): Observable<unknown> {
  const router = inject(Router);
  return merge(interval(REFRESH_INTERVAL_MS), router.events.pipe(filter((event) => event instanceof NavigationEnd)));
}
