import { Route } from '@angular/router';

/** Mounted at `/audit-events` behind `signedInGuard` and `roleGuard('admin')`. */
export const auditRoutes: Route[] = [
  {
    path: '',
    title: 'Audit log | Proficio',
    loadComponent: () => import('./audit-log-page/audit-log-page').then((m) => m.AuditLogPage),
  },
];
