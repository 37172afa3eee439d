import { expect, test } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { expectNoSeriousA11yViolations } from './support/accessibility';
import { DEMO, signInAs } from './support/session';

test.describe('your data', () => {
  test('an employee downloads everything Proficio holds about them as JSON', async ({ page }) => {
    await signInAs(page, DEMO.employee);
    await page.getByTestId('me-menu-trigger').click();
    await page.getByRole('menuitem', { name: 'Your data' }).click();

    await expect(page).toHaveURL(/\/account\/data$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Your data' })).toBeVisible();
    await expectNoSeriousA11yViolations(page);

    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download my data' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^proficio-sara-bianchi-\d{4}-\d{2}-\d{2}\.json$/);

    const data = JSON.parse(await readFile((await download.path()) ?? '', 'utf8')) as {
      schemaVersion: number;
      sections: { account: { email: string }; employee: { name: string; email: string; manager?: { name: string } } };
    };
    expect(data.schemaVersion).toBe(1);
    expect(data.sections.account.email).toBe(DEMO.employee.email);
    expect(data.sections.employee).toMatchObject({ name: 'Sara Bianchi', email: DEMO.employee.email, manager: { name: 'Luca Esposito' } });
    expect(JSON.stringify(data)).not.toMatch(/argon2|password_?hash|token_?hash/i);

    await expect(page.getByTestId('data-downloaded')).toContainText(download.suggestedFilename());
    await expectNoSeriousA11yViolations(page);
  });
});
