import { Route } from '@angular/router';
import { unsavedChangesGuard } from '@proficio/web/shared/ui';

/** `/review-cycles`, mounted behind `signedInGuard` and `roleGuard('admin')`; each page is its own lazy chunk. */
export const reviewCyclesRoutes: Route[] = [
  {
    path: '',
    title: 'Review cycles | Proficio',
    loadComponent: () => import('./review-cycle-list-page/review-cycle-list-page').then((m) => m.ReviewCycleListPage),
  },
  {
    path: 'new',
    title: 'New review cycle | Proficio',
    canDeactivate: [unsavedChangesGuard],
    loadComponent: () => import('./review-cycle-form-page/review-cycle-form-page').then((m) => m.ReviewCycleFormPage),
  },
  {
    path: ':id/edit',
    title: 'Edit review cycle | Proficio',
    canDeactivate: [unsavedChangesGuard],
    loadComponent: () => import('./review-cycle-form-page/review-cycle-form-page').then((m) => m.ReviewCycleFormPage),
  },
  {
    path: ':id',
    title: 'Review cycle | Proficio',
    loadComponent: () => import('./review-cycle-page/review-cycle-page').then((m) => m.ReviewCyclePage),
  },
];
