import { Route } from '@angular/router';

/** One lazy route per page. Titles set the document <title>. */
export const appRoutes: Route[] = [
  {
    path: '',
    pathMatch: 'full',
    title: 'Proficio',
    loadComponent: () => import('./home/home-page').then((m) => m.HomePage),
  },
  {
    path: 'frameworks',
    loadChildren: () => import('@proficio/web/frameworks/feature').then((m) => m.frameworksRoutes),
  },
  // People and Teams pages get their lazy routes here.
  {
    path: '**',
    title: 'Page not found | Proficio',
    loadComponent: () => import('./not-found/not-found-page').then((m) => m.NotFoundPage),
  },
];
