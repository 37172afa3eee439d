import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/accessibility';
import { DEMO, signInAs } from './support/session';

test.describe('sign-in', () => {
  test('sends a signed-out visitor to sign in, then back where they were going', async ({ page }) => {
    await page.goto('/frameworks');
    await expect(page).toHaveURL(/\/sign-in\?returnUrl=%2Fframeworks/);
    await expect(page.getByRole('heading', { name: 'Sign in to Proficio' })).toBeVisible();
    await expectNoSeriousA11yViolations(page);

    await page.getByLabel('Email').fill(DEMO.manager.email);
    await page.getByLabel('Password', { exact: true }).fill('not the password');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(page.getByText('Email or password is incorrect.').first()).toBeVisible();

    await page.getByLabel('Password', { exact: true }).fill(DEMO.manager.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(page).toHaveURL(/\/frameworks$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Frameworks' })).toBeVisible();
  });

  test('lists the demo accounts in demo mode', async ({ page }) => {
    await page.goto('/sign-in');
    for (const account of Object.values(DEMO)) await expect(page.getByText(account.email)).toBeVisible();
  });

  test('keeps the session across a reload and ends it on sign-out', async ({ page }) => {
    await signInAs(page, DEMO.employee, '/frameworks');
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Frameworks' })).toBeVisible();

    await page.getByRole('button', { name: new RegExp(DEMO.employee.name) }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/sign-in/);
    await page.goto('/frameworks');
    await expect(page).toHaveURL(/\/sign-in/);
  });
});
