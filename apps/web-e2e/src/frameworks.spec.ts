import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/accessibility';
import { DEMO, signIn } from './support/session';

test.describe('framework library and browser', () => {
  test.beforeEach(async ({ page }) => {
    await signIn(page, DEMO.employee);
  });

  test('lists the built-in frameworks and finds one by search', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Frameworks' }).click();

    await expect(page.getByRole('heading', { level: 1, name: 'Frameworks' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Service Management Processes' })).toBeVisible();
    await page.getByRole('searchbox', { name: /search frameworks/i }).fill('SFIA');
    await expect(page).toHaveURL(/[?&]q=SFIA/);
    await expect(page.getByRole('link', { name: /Technology service management/ })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Service Management Processes' })).toHaveCount(0);
    await expectNoSeriousA11yViolations(page);
  });

  test('browses SFIA ITMG at level 6 with the level essence', async ({ page }) => {
    await page.goto('/frameworks?q=ITMG');
    await page.getByRole('link', { name: /Technology service management/ }).click();

    const detail = page.getByTestId('competency-detail');
    await expect(detail.getByRole('heading', { name: /Technology service management/ })).toBeVisible();
    await detail.getByRole('tab', { name: /Level 6/ }).click();
    await expect(page).toHaveURL(/[?&]level=6/);

    const panel = detail.locator('.level-panel[data-level="6"]');
    await expect(panel.getByRole('heading', { name: /Initiate, influence/ })).toBeVisible();
    await expect(panel).toContainText('Has significant organisational influence');
    await expect(panel).toContainText(/Identifies and manages resources needed for budgeting/);
    await expectNoSeriousA11yViolations(page);

    // the deep link opens the same view
    await page.reload();
    await expect(detail.locator('.level-panel[data-level="6"]')).toContainText('Has significant organisational influence');
  });

  test('reads SLMO in Italian, marking texts shown in a fallback language', async ({ page }) => {
    await page.goto('/frameworks?q=SLMO');
    await page.getByRole('link', { name: /Gestione del livello di servizio/ }).click();
    await expect(page.getByTestId('competency-detail')).toContainText('Gestione del livello di servizio');

    await page.getByRole('radio', { name: 'English' }).click();
    await expect(page).toHaveURL(/[?&]lang=en/);
    await expect(page.getByTestId('fallback-marker').first()).toContainText('shown in Italian');

    await page.getByRole('radio', { name: 'Italian' }).click();
    await expect(page).toHaveURL(/[?&]lang=it/);
    await expect(page.getByTestId('competency-detail')).toContainText('Gestione del livello di servizio');
    await expect(page.getByTestId('fallback-marker')).toHaveCount(0);
  });

  test('shows where a competency is defined in the level grid', async ({ page }) => {
    await page.goto('/frameworks?q=e-CF');
    await page.getByRole('link', { name: /e-CF competence area C/ }).click();
    await page.getByRole('radio', { name: 'Level grid' }).click();
    await expect(page).toHaveURL(/[?&]view=grid/);
    await expect(page.getByRole('heading', { name: 'Level grid' })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
  });
});
