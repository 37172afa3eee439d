import { Route } from '@angular/router';
import { roleGuard } from '@proficio/web/auth/data-access';

/** The frameworks area, mounted at `/frameworks`; each page is its own lazy chunk. */
export const frameworksRoutes: Route[] = [
  {
    path: '',
    title: 'Frameworks | Proficio',
    loadComponent: () => import('./framework-library-page/framework-library-page').then((m) => m.FrameworkLibraryPage),
  },
  {
    // Before ':id', which would read "import" as a framework id. Admins only (the API answers 403 to others too).
    path: 'import',
    canMatch: [roleGuard('admin')],
    title: 'Import framework | Proficio',
    loadComponent: () => import('./framework-import-page/framework-import-page').then((m) => m.FrameworkImportPage),
  },
  {
    path: ':id',
    title: 'Framework | Proficio',
    loadComponent: () => import('./framework-browser-page/framework-browser-page').then((m) => m.FrameworkBrowserPage),
  },
];
