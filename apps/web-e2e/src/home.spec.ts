import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/accessibility';
import { DEMO, signInAs } from './support/session';

test.describe('home page', () => {
  test('shows a visitor who is not signed in that the API and its database are up', async ({ page }) => {
    await page.goto('/');

    await expect(page).toHaveTitle(/Proficio/);
    const status = page.getByTestId('health-status');
    await expect(status).toContainText('Database: up');
    await expect(status).toContainText('API: up');
  });

  test('serves deep links through the web app', async ({ page }) => {
    const response = await page.goto('/some/deep/link');
    expect(response?.status()).toBe(200);
    await expect(page.getByRole('heading', { name: /not found/i })).toBeVisible();
  });

  test('answers a mistyped or cut address with "not found", and /evidence alone with your own evidence', async ({ page }) => {
    await signInAs(page, DEMO.employee);
    for (const [address, heading] of [
      ['/reviews/not-a-review', 'Review not found'],
      ['/frameworks/not-a-framework', 'Framework not found'],
      ['/role-profiles/not-a-profile', 'Role profile not found'],
      ['/evidence/not-evidence', 'Evidence not found'],
      ['/people/not-a-person', 'Person not found'],
    ]) {
      await page.goto(address);
      await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
      await expect(page.getByRole('button', { name: 'Try again' })).toHaveCount(0);
    }

    await page.goto('/evidence');
    await expect(page).toHaveURL(/\/people\/[0-9a-f-]{36}\?tab=evidence$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Sara Bianchi' })).toBeVisible();
    await expect(page.getByRole('tab', { name: 'Evidence', selected: true })).toBeVisible();
  });

  test('has no serious accessibility violations', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByTestId('health-status')).toContainText('Database: up');
    await expectNoSeriousA11yViolations(page);
  });
});

test.describe('home page by role', () => {
  test('shows an employee their role profile and what they can do next', async ({ page }) => {
    await signInAs(page, DEMO.employee);
    await expect(page.getByRole('heading', { level: 1, name: `Welcome, ${DEMO.employee.name}` })).toBeVisible();

    const role = page.getByRole('region', { name: 'Your role' });
    await expect(role.getByRole('link', { name: 'Service Desk Analyst' })).toHaveAttribute('href', /^\/role-profiles\/[0-9a-f-]+$/);
    const next = page.getByRole('region', { name: 'What you can do next' });
    await expect(next.getByTestId('next-steps')).toBeVisible();
    await expect(next.getByRole('link', { name: 'Go to your competencies' })).toHaveAttribute(
      'href',
      /^\/people\/[0-9a-f-]+\?tab=competencies$/,
    );
    await expect(next.getByRole('link', { name: 'Download your data' })).toHaveAttribute('href', '/account/data');
    // nothing of managers or administrators
    await expect(page.getByRole('region', { name: 'Waiting for you' })).toHaveCount(0);
    await expect(page.getByRole('region', { name: 'Your organisation' })).toHaveCount(0);
    await expect(page.getByTestId('health-status')).toHaveCount(0);
    await expectNoSeriousA11yViolations(page);

    await role.getByRole('link', { name: 'Service Desk Analyst' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Service Desk Analyst' })).toBeVisible();
  });

  test('shows a manager their team and what waits for them in their line', async ({ page }) => {
    await signInAs(page, DEMO.manager);
    // Luca, Sara, Tom and Aisha
    await expect(page.getByTestId('my-team-summary')).toHaveText('4 people report to you, directly or through others.');
    const waiting = page.getByRole('region', { name: 'Waiting for you' });
    await expect(waiting.getByTestId('team-attention-summary').or(waiting.getByTestId('team-attention-done'))).toBeVisible();
    // Aisha has no role profile
    await expect(waiting).toContainText('1 person has no role profile');
    await expect(waiting.getByRole('link', { name: 'Open the team grid' })).toHaveAttribute('href', '/team?scope=line');
    await expectNoSeriousA11yViolations(page);

    await page.getByRole('region', { name: 'Your team' }).getByRole('link', { name: 'Your direct reports' }).click();
    await expect(page).toHaveURL(/\/people\?managerId=/);
  });

  test("shows an administrator the organisation's counts, shortcuts and the system status", async ({ page }) => {
    await signInAs(page, DEMO.admin);
    const counts = page.getByTestId('organisation-counts');
    await expect(counts.getByRole('link', { name: /^\d+ (people|person)$/ })).toHaveAttribute('href', '/people');
    await expect(counts.getByRole('link', { name: /^\d+ teams?$/ })).toHaveAttribute('href', '/teams');
    await expect(counts.getByRole('link', { name: /^\d+ role profiles?$/ })).toHaveAttribute('href', '/role-profiles');
    await expect(counts.getByRole('link', { name: /^\d+ frameworks?$/ })).toHaveAttribute('href', '/frameworks');
    const shortcuts = page.getByRole('region', { name: 'Shortcuts' });
    for (const name of ['Import people', 'Role profiles', 'Import a framework', 'Audit log']) {
      await expect(shortcuts.getByRole('link', { name })).toBeVisible();
    }
    await expect(page.getByTestId('health-status')).toContainText('Database: up');
    await expectNoSeriousA11yViolations(page);
  });
});
