import { expect, Page } from '@playwright/test';

/** The demo organisation's accounts (the e2e server runs in demo mode). */
export const DEMO = {
  admin: { email: 'hr.admin@demo.proficio.local', password: 'demo-admin-password', name: 'Hana Ito' },
  manager: { email: 'marco.rossi@demo.proficio.local', password: 'demo-manager-password', name: 'Marco Rossi' },
  employee: { email: 'sara.bianchi@demo.proficio.local', password: 'demo-employee-password', name: 'Sara Bianchi' },
} as const;

/** Signs in through the sign-in page, the way a person does. */
export async function signIn(page: Page, account: (typeof DEMO)[keyof typeof DEMO], returnUrl = '/'): Promise<void> {
  await page.goto(`/sign-in?returnUrl=${encodeURIComponent(returnUrl)}`);
  await page.getByLabel('Email').fill(account.email);
  await page.getByLabel('Password', { exact: true }).fill(account.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page).not.toHaveURL(/\/sign-in/);
}
