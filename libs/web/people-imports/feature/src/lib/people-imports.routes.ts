import { Route } from '@angular/router';

/** Mounted at `/people-imports` behind `signedInGuard` and `roleGuard('admin')`. */
export const peopleImportsRoutes: Route[] = [
  {
    path: '',
    pathMatch: 'full',
    title: 'Import people | Proficio',
    loadComponent: () => import('./people-import-page/people-import-page').then((m) => m.PeopleImportPage),
  },
];
