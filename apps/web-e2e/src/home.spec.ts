import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/accessibility';

test.describe('home page', () => {
  test('shows that the API and its database are up', async ({ page }) => {
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

  test('has no serious accessibility violations', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByTestId('health-status')).toContainText('Database: up');
    await expectNoSeriousA11yViolations(page);
  });
});
