import { Route } from '@angular/router';

/** Mounted at `/sign-in` (public). */
export const signInRoutes: Route[] = [
  {
    path: '',
    title: 'Sign in | Proficio',
    loadComponent: () => import('./sign-in-page/sign-in-page').then((m) => m.SignInPage),
  },
];

/** Mounted at `/account`, behind `signedInGuard`. */
export const accountRoutes: Route[] = [
  {
    path: 'password',
    title: 'Change password | Proficio',
    loadComponent: () => import('./change-password-page/change-password-page').then((m) => m.ChangePasswordPage),
  },
  {
    path: 'data',
    title: 'Your data | Proficio',
    loadComponent: () => import('./account-data-page/account-data-page').then((m) => m.AccountDataPage),
  },
  { path: '', pathMatch: 'full', redirectTo: 'password' },
];

/** Mounted at `/access-denied`, where `roleGuard` sends a signed-in user without the role. */
export const accessDeniedRoutes: Route[] = [
  {
    path: '',
    title: 'No access | Proficio',
    loadComponent: () => import('./access-denied-page/access-denied-page').then((m) => m.AccessDeniedPage),
  },
];
