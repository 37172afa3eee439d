import { inject } from '@angular/core';
import { Route, Router } from '@angular/router';
import { SessionStore } from '@proficio/web/auth/data-access';
import { unsavedChangesGuard } from '@proficio/web/shared/ui';
import { evidenceFormMatcher } from './evidence-form-page/evidence-form-matcher';

/**
 * The evidence area, mounted at `/evidence` behind `signedInGuard`; each page is its own lazy chunk. The API decides
 * whose evidence someone may see or change (their own, their line's, or everyone's for admins).
 */
export const evidenceRoutes: Route[] = [
  {
    // `/evidence` alone (a cut address): one's own evidence, on one's person page; home for an account without one.
    path: '',
    pathMatch: 'full',
    redirectTo: () => {
      const employee = inject(SessionStore).me()?.employee;
      return employee ? inject(Router).createUrlTree(['/people', employee.id], { queryParams: { tab: 'evidence' } }) : '/';
    },
  },
  {
    // `new` and `:id/edit` are one route: a new draft moves to its own address without the page going away.
    matcher: evidenceFormMatcher,
    title: 'Evidence | Proficio',
    canDeactivate: [unsavedChangesGuard],
    loadComponent: () => import('./evidence-form-page/evidence-form-page').then((m) => m.EvidenceFormPage),
  },
  {
    path: ':id',
    title: 'Evidence | Proficio',
    loadComponent: () => import('./evidence-detail-page/evidence-detail-page').then((m) => m.EvidenceDetailPage),
  },
];

/** `/inbox`, mounted behind `signedInGuard` and `roleGuard('manager', 'admin')`. */
export const inboxRoutes: Route[] = [
  {
    path: '',
    title: 'Inbox | Proficio',
    loadComponent: () => import('./inbox-page/inbox-page').then((m) => m.InboxPage),
  },
];
