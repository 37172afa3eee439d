import { Route } from '@angular/router';

/** The frameworks area, mounted at `/frameworks`; each page is its own lazy chunk. */
export const frameworksRoutes: Route[] = [
  {
    path: '',
    title: 'Frameworks | Proficio',
    loadComponent: () => import('./framework-library-page/framework-library-page').then((m) => m.FrameworkLibraryPage),
  },
  // The admin import wizard (upload → preview → confirm) gets its route here, before ':id'.
  {
    path: ':id',
    title: 'Framework | Proficio',
    loadComponent: () => import('./framework-browser-page/framework-browser-page').then((m) => m.FrameworkBrowserPage),
  },
];
