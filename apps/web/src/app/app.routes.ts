import { Route } from '@angular/router';
import { passwordChosenGuard, roleGuard, signedInGuard } from '@proficio/web/auth/data-access';

/**
 * One lazy route per page. Titles set the document <title>.
 * Every page except home, sign-in and "not found" needs a signed-in user (`signedInGuard`);
 * pages for some roles only add `roleGuard(...)` (it shows the "no access" page otherwise).
 */
export const appRoutes: Route[] = [
  {
    path: '',
    pathMatch: 'full',
    // someone signed in with a temporary password goes to choose their own first (as signedInGuard does)
    canMatch: [passwordChosenGuard],
    title: 'Proficio',
    loadComponent: () => import('./home/home-page').then((m) => m.HomePage),
  },
  {
    path: 'sign-in',
    loadChildren: () => import('@proficio/web/auth/feature').then((m) => m.signInRoutes),
  },
  {
    path: 'account',
    canMatch: [signedInGuard],
    loadChildren: () => import('@proficio/web/auth/feature').then((m) => m.accountRoutes),
  },
  // admin only: the framework import wizard ('import' in frameworksRoutes) needs
  // canMatch: [roleGuard('admin')] from @proficio/web/auth/data-access.
  {
    path: 'frameworks',
    canMatch: [signedInGuard],
    loadChildren: () => import('@proficio/web/frameworks/feature').then((m) => m.frameworksRoutes),
  },
  // The directory ('' in peopleRoutes) adds canMatch: [roleGuard('manager', 'admin')]; an employee page
  // is open to anyone signed in, and the API answers 403 for a person outside their reach.
  {
    path: 'people',
    canMatch: [signedInGuard],
    loadChildren: () => import('@proficio/web/people/feature').then((m) => m.peopleRoutes),
  },
  {
    path: 'teams',
    canMatch: [signedInGuard, roleGuard('manager', 'admin')],
    loadChildren: () => import('@proficio/web/people/feature').then((m) => m.teamsRoutes),
  },
  // A manager's team grid ("My team"): their reports' levels, rated together.
  {
    path: 'team',
    canMatch: [signedInGuard, roleGuard('manager')],
    loadChildren: () => import('@proficio/web/people/feature').then((m) => m.teamGridRoutes),
  },
  // Anyone signed in reads role profiles; only admins see the controls that change them.
  {
    path: 'role-profiles',
    canMatch: [signedInGuard],
    loadChildren: () => import('@proficio/web/role-profiles/feature').then((m) => m.roleProfilesRoutes),
  },
  // Evidence: anyone signed in; the API decides whose evidence someone may see, change or review.
  {
    path: 'evidence',
    canMatch: [signedInGuard],
    loadChildren: () => import('@proficio/web/evidence/feature').then((m) => m.evidenceRoutes),
  },
  // Performance reviews: anyone signed in; the API decides which reviews someone sees and what they may do in each.
  {
    path: 'reviews',
    canMatch: [signedInGuard],
    loadChildren: () => import('@proficio/web/reviews/feature').then((m) => m.reviewsRoutes),
  },
  // The reviewer's inbox: evidence waiting for a verdict and self-assessments far from theirs.
  {
    path: 'inbox',
    canMatch: [signedInGuard, roleGuard('manager', 'admin')],
    loadChildren: () => import('@proficio/web/evidence/feature').then((m) => m.inboxRoutes),
  },
  // admin only: the people import and the audit log take canMatch: [roleGuard('admin')].
  {
    path: 'audit-events',
    canMatch: [signedInGuard, roleGuard('admin')],
    loadChildren: () => import('@proficio/web/audit/feature').then((m) => m.auditRoutes),
  },
  {
    path: 'people-imports',
    canMatch: [signedInGuard, roleGuard('admin')],
    loadChildren: () => import('@proficio/web/people-imports/feature').then((m) => m.peopleImportsRoutes),
  },
  // Review cycles: admins create, open and close them; managers follow their line's reviews in them (the API counts
  // what is in the caller's reach). The manager and employee review pages are under /reviews.
  {
    path: 'review-cycles',
    canMatch: [signedInGuard, roleGuard('manager', 'admin')],
    loadChildren: () => import('@proficio/web/review-cycles/feature').then((m) => m.reviewCyclesRoutes),
  },
  {
    path: 'access-denied',
    canMatch: [signedInGuard],
    loadChildren: () => import('@proficio/web/auth/feature').then((m) => m.accessDeniedRoutes),
  },
  {
    path: '**',
    title: 'Page not found | Proficio',
    loadComponent: () => import('./not-found/not-found-page').then((m) => m.NotFoundPage),
  },
];
