import { Route } from '@angular/router';
import { roleGuard } from '@proficio/web/auth/data-access';
import { unsavedChangesGuard } from '@proficio/web/shared/ui';

/**
 * `/review-cycles`, mounted behind `signedInGuard` and `roleGuard('manager', 'admin')`: managers see the cycles with
 * reviews in their line and each cycle's overview (counted for their line); creating and editing is for admins.
 * Each page is its own lazy chunk.
 */
export const reviewCyclesRoutes: Route[] = [
  {
    path: '',
    title: 'Review cycles | Proficio',
    loadComponent: () => import('./review-cycle-list-page/review-cycle-list-page').then((m) => m.ReviewCycleListPage),
  },
  {
    path: 'new',
    title: 'New review cycle | Proficio',
    canMatch: [roleGuard('admin')],
    canDeactivate: [unsavedChangesGuard],
    loadComponent: () => import('./review-cycle-form-page/review-cycle-form-page').then((m) => m.ReviewCycleFormPage),
  },
  {
    path: ':id/edit',
    title: 'Edit review cycle | Proficio',
    canMatch: [roleGuard('admin')],
    canDeactivate: [unsavedChangesGuard],
    loadComponent: () => import('./review-cycle-form-page/review-cycle-form-page').then((m) => m.ReviewCycleFormPage),
  },
  {
    path: ':id',
    title: 'Review cycle | Proficio',
    loadComponent: () => import('./review-cycle-page/review-cycle-page').then((m) => m.ReviewCyclePage),
  },
];
