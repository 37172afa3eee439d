import { HomeCard } from '@proficio/web/shared/util';

/**
 * The home page's own cards. A feature adds its cards with `provideHomeCards(...)` in the app's
 * providers (see `HomeCard.order` for where they go); each card's code is fetched when it is first shown.
 */
export const APP_HOME_CARDS: readonly HomeCard[] = [
  {
    id: 'team-attention',
    title: 'Waiting for you',
    for: ['manager'],
    order: 10,
    load: () => import('./cards/team-attention/team-attention-card').then((m) => m.TeamAttentionCard),
  },
  {
    // The evidence area's card: what waits for a reviewer's verdict (its code is a lazy chunk of that area).
    id: 'inbox',
    title: 'Your inbox',
    for: ['manager', 'admin'],
    order: 15,
    load: () => import('@proficio/web/evidence/feature').then((m) => m.InboxCard),
  },
  {
    id: 'organisation',
    title: 'Your organisation',
    for: ['admin'],
    order: 20,
    load: () => import('./cards/organisation/organisation-card').then((m) => m.OrganisationCard),
  },
  {
    id: 'admin-shortcuts',
    title: 'Shortcuts',
    for: ['admin'],
    order: 30,
    load: () => import('./cards/admin-shortcuts/admin-shortcuts-card').then((m) => m.AdminShortcutsCard),
  },
  {
    id: 'my-team',
    title: 'Your team',
    for: ['manager'],
    order: 40,
    load: () => import('./cards/my-team/my-team-card').then((m) => m.MyTeamCard),
  },
  {
    id: 'my-role',
    title: 'Your role',
    for: ['employee'],
    order: 50,
    load: () => import('./cards/my-role/my-role-card').then((m) => m.MyRoleCard),
  },
  {
    id: 'next-steps',
    title: 'What you can do next',
    for: ['employee'],
    order: 60,
    load: () => import('./cards/next-steps/next-steps-card').then((m) => m.NextStepsCard),
  },
  {
    id: 'system-status',
    title: 'System status',
    // Visitors too: when sign-in fails, it tells whether the API is down.
    for: ['admin', 'signed-out'],
    order: 100,
    load: () => import('./cards/system-status/system-status-card').then((m) => m.SystemStatusCard),
  },
];
