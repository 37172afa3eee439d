import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/accessibility';
import { DEMO, signIn } from './support/session';

test.describe.serial('role profiles', () => {
  test('an admin builds "Service Desk Team Lead" from e-CF and SFIA competencies, seeing each level’s description, and publishes it', async ({
    page,
  }) => {
    await signIn(page, DEMO.admin);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Role profiles' }).click();
    await expect(page).toHaveURL(/\/role-profiles$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Role profiles' })).toBeVisible();
    await expectNoSeriousA11yViolations(page);

    await page.getByRole('button', { name: 'New role profile' }).click();
    const nameDialog = page.getByRole('dialog', { name: 'New role profile' });
    await nameDialog.getByLabel('Name').fill('Service Desk Team Lead');
    await nameDialog.getByLabel('Description (optional)').fill('First line of support for the service desk.');
    await nameDialog.getByRole('button', { name: 'Create' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Service Desk Team Lead' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Editing the draft of version 1' })).toBeVisible();

    // e-CF C.1 User Support at e-2, chosen with the level descriptions in view
    await page.getByRole('button', { name: 'Add a competency' }).click();
    const picker = page.getByRole('dialog', { name: 'Add a competency' });
    await picker.getByRole('searchbox', { name: 'Search competencies' }).fill('C.1');
    await picker.getByRole('button', { name: /C\.1 User Support/ }).click();
    await expect(picker.getByRole('radio', { name: /e-2.*Systematically interprets user problems/ })).toBeVisible();
    await expect(picker.getByRole('radio', { name: /e-3.*Manages the support process/ })).toBeVisible();
    await picker.getByRole('radio', { name: /^e-2/ }).check();
    await expectNoSeriousA11yViolations(page);
    await picker.getByRole('button', { name: 'Add to the draft' }).click();
    await expect(picker).toHaveCount(0);

    // SFIA ITMG at level 5 "Ensure, advise", nice to have
    await page.getByRole('button', { name: 'Add a competency' }).click();
    await picker.getByRole('searchbox', { name: 'Search competencies' }).fill('ITMG');
    await picker.getByRole('button', { name: /ITMG Technology service management/ }).click();
    await expect(picker.getByRole('radio', { name: /5 · Ensure, advise.*Takes responsibility/ })).toBeVisible();
    await picker.getByRole('radio', { name: /^5 · Ensure, advise/ }).check();
    await picker.getByRole('radio', { name: 'Nice to have' }).click();
    await picker.getByRole('button', { name: 'Add to the draft' }).click();

    const userSupport = page.locator('[data-competency-code="C.1"]');
    await expect(userSupport.locator('.target-level')).toHaveText('Target: e-2');
    await expect(userSupport.locator('.target-description')).toContainText('Systematically interprets user problems');
    await expect(page.locator('[data-competency-code="ITMG"] .target-level')).toHaveText('Target: 5 · Ensure, advise');
    await expect(page.getByRole('heading', { level: 2, name: /SFIA/ })).toBeVisible();
    await expectNoSeriousA11yViolations(page);

    await page.getByRole('button', { name: 'Save the draft' }).click();
    await expect(page.getByTestId('role-profile-message')).toHaveText('The draft is saved.');
    await page.getByRole('button', { name: 'Publish' }).click();
    const confirm = page.getByRole('dialog', { name: 'Publish version 1?' });
    await confirm.getByRole('button', { name: 'Publish' }).click();
    await expect(page.getByTestId('role-profile-message')).toHaveText('Version 1 is published.');
    await expect(page.getByRole('button', { name: 'Start a new version' })).toBeVisible();

    await page.getByRole('link', { name: 'Role profiles' }).first().click();
    await page.getByRole('searchbox', { name: 'Search role profiles' }).fill('desk team lead');
    await expect(page).toHaveURL(/[?&]q=desk/);
    const row = page.getByRole('row', { name: /Service Desk Team Lead/ });
    await expect(row).toContainText('Version 1');
    await expect(row).toContainText('1 required, 1 nice to have');
  });

  test('an employee reads the published profile without any edit controls', async ({ page }) => {
    await signIn(page, DEMO.employee);
    await page.goto('/role-profiles');
    await expect(page.getByRole('button', { name: 'New role profile' })).toHaveCount(0);
    await page.getByRole('link', { name: 'Service Desk Team Lead' }).click();

    await expect(page.getByRole('heading', { level: 1, name: 'Service Desk Team Lead' })).toBeVisible();
    const userSupport = page.locator('[data-competency-code="C.1"]');
    await expect(userSupport).toContainText('Required');
    await expect(userSupport.locator('.target-description')).toContainText('Systematically interprets user problems');
    await expect(page.locator('[data-competency-code="ITMG"]')).toContainText('Nice to have');
    for (const name of ['Rename', 'Copy', 'Archive', 'Add a competency', 'Save the draft', 'Publish', 'Start a new version']) {
      await expect(page.getByRole('button', { name, exact: true })).toHaveCount(0);
    }
    await expectNoSeriousA11yViolations(page);
  });
});
