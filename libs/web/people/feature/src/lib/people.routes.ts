import { Route } from '@angular/router';
import { roleGuard } from '@proficio/web/auth/data-access';
import { unsavedChangesGuard } from '@proficio/web/shared/ui';

/**
 * The people area, mounted at `/people` behind `signedInGuard`; each page is its own lazy chunk.
 * The directory is for managers and admins; anyone signed in may open an employee page, and the API
 * decides whom they see there (themselves, their reporting line, or everyone for admins). Admins add
 * people (`new`) and change them (`:id/edit`).
 */
export const peopleRoutes: Route[] = [
  {
    path: '',
    pathMatch: 'full',
    title: 'People | Proficio',
    canMatch: [roleGuard('manager', 'admin')],
    loadComponent: () => import('./people-directory-page/people-directory-page').then((m) => m.PeopleDirectoryPage),
  },
  {
    path: 'new',
    title: 'Add a person | Proficio',
    canMatch: [roleGuard('admin')],
    canDeactivate: [unsavedChangesGuard],
    loadComponent: () => import('./employee-form-page/employee-form-page').then((m) => m.EmployeeFormPage),
  },
  {
    path: ':id/edit',
    title: 'Edit a person | Proficio',
    canMatch: [roleGuard('admin')],
    canDeactivate: [unsavedChangesGuard],
    loadComponent: () => import('./employee-form-page/employee-form-page').then((m) => m.EmployeeFormPage),
  },
  {
    path: ':id',
    title: 'Person | Proficio',
    loadComponent: () => import('./employee-page/employee-page').then((m) => m.EmployeePage),
  },
];

/** Mounted at `/teams` behind `signedInGuard` and `roleGuard('manager', 'admin')`. */
export const teamsRoutes: Route[] = [
  {
    path: '',
    title: 'Teams | Proficio',
    loadComponent: () => import('./team-tree-page/team-tree-page').then((m) => m.TeamTreePage),
  },
];

/**
 * `/team` ("My team"), mounted behind `signedInGuard` and `roleGuard('manager')`: the manager's reports
 * × their role profiles' competencies. Leaving with changes not saved asks first.
 */
export const teamGridRoutes: Route[] = [
  {
    path: '',
    title: 'My team | Proficio',
    canDeactivate: [unsavedChangesGuard],
    loadComponent: () => import('./team-grid-page/team-grid-page').then((m) => m.TeamGridPage),
  },
];
