import { Route } from '@angular/router';
import { unsavedChangesGuard } from '@proficio/web/shared/ui';

/**
 * The role-profile area, mounted at `/role-profiles` behind `signedInGuard`; each page is its own
 * lazy chunk. Anyone signed in reads published profiles; the write controls show for admins only
 * (and the API refuses writes from anyone else).
 */
export const roleProfilesRoutes: Route[] = [
  {
    path: '',
    pathMatch: 'full',
    title: 'Role profiles | Proficio',
    loadComponent: () => import('./role-profile-list-page/role-profile-list-page').then((m) => m.RoleProfileListPage),
  },
  {
    path: ':id',
    title: 'Role profile | Proficio',
    canDeactivate: [unsavedChangesGuard],
    loadComponent: () => import('./role-profile-page/role-profile-page').then((m) => m.RoleProfilePage),
  },
];
