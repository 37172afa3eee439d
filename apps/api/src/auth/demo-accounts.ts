import type { AuthConfig } from '@proficio/shared/contracts';

/**
 * The demo organisation's accounts. They exist only in demo mode (the
 * embedded-database setup, or DEMO_MODE=true); nowhere else does Proficio
 * have a default password.
 */
export const DEMO_ACCOUNTS: AuthConfig['demoAccounts'] = [
  { email: 'hr.admin@demo.proficio.local', password: 'demo-admin-password', description: 'HR administrator: the whole organisation' },
  {
    email: 'marco.rossi@demo.proficio.local',
    password: 'demo-manager-password',
    description: 'Service Delivery Manager: his reporting line',
  },
  { email: 'sara.bianchi@demo.proficio.local', password: 'demo-employee-password', description: 'Service Desk Analyst: her own record' },
];
