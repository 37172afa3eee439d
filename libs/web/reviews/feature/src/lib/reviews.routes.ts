import { Route } from '@angular/router';
import { unsavedChangesGuard } from '@proficio/web/shared/ui';

/**
 * The reviews area, mounted at `/reviews` behind `signedInGuard`; each page is its own lazy chunk. The API decides
 * which reviews someone sees (their own, those assigned to them, their line's locked ones, all for admins) and what
 * they may do in each.
 */
export const reviewsRoutes: Route[] = [
  {
    path: '',
    title: 'Reviews | Proficio',
    loadComponent: () => import('./review-list-page/review-list-page').then((m) => m.ReviewListPage),
  },
  {
    path: ':id',
    title: 'Review | Proficio',
    canDeactivate: [unsavedChangesGuard],
    loadComponent: () => import('./review-page/review-page').then((m) => m.ReviewPage),
  },
  {
    path: ':id/guide',
    title: 'Interview guide | Proficio',
    loadComponent: () => import('./review-guide-page/review-guide-page').then((m) => m.ReviewGuidePage),
  },
  {
    path: ':id/snapshots/:number',
    title: 'Review snapshot | Proficio',
    loadComponent: () => import('./review-snapshot-page/review-snapshot-page').then((m) => m.ReviewSnapshotPage),
  },
];
