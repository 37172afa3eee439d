import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/accessibility';
import { expectRefused } from './support/access';
import { DEMO, signInAs } from './support/session';
import { uniqueSuffix } from './support/unique';

/**
 * The imported people (emails and names of this run's own) get a top-level team of their own and
 * report to each other, so that the demo organisation's reporting lines, which other journeys check,
 * stay as they are, and a second run against the same database imports them as new again.
 */
const RUN = uniqueSuffix();
const TEAM = `E2E Imports ${RUN}`;
const QUINN_EMAIL = `quinn.import.${RUN}@e2e.test`;
const HEADER = 'email,name,job title,team path,manager email';
const QUINN = `${QUINN_EMAIL},Quinn Import ${RUN},Head of Imports,${TEAM},`;
const ROWAN_NAME = `Rowan Import ${RUN}`;
const rowan = (managerEmail: string) => `rowan.import.${RUN}@e2e.test,${ROWAN_NAME},Importer,${TEAM} / Intake,${managerEmail}`;
const csv = (...rows: string[]) => ({
  name: 'new-starters.csv',
  mimeType: 'text/csv',
  buffer: Buffer.from(`${[HEADER, ...rows].join('\n')}\n`, 'utf8'),
});

test.describe('people import', () => {
  test('an admin fixes a row error, imports the file and finds the person with their manager', async ({ page }) => {
    await signInAs(page, DEMO.admin);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Import people' }).click();
    await expect(page).toHaveURL(/\/people-imports$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Import people' })).toBeVisible();
    await expect(page.getByTestId('no-accounts-note')).toContainText('does not create sign-in accounts');
    await expectNoSeriousA11yViolations(page);

    // A file whose second person names a manager nobody knows.
    await page.getByLabel('File of people').setInputFiles(csv(QUINN, rowan(`nobody.${RUN}@e2e.test`)));
    await page.getByRole('button', { name: 'Upload and check' }).click();
    await expect(page.getByRole('heading', { name: 'Preview of new-starters.csv' })).toBeVisible();
    await expect(page.getByTestId('count-error')).toHaveText('1');
    await expect(page.getByTestId('preview-has-errors')).toContainText('1 row has errors');
    await expect(page.locator('tr[data-row="3"]').getByTestId('row-errors')).toHaveText(
      `manager email: nobody.${RUN}@e2e.test is neither in Proficio nor in this file`,
    );
    await expect(page.getByTestId('teams-to-create').getByRole('listitem')).toHaveText([TEAM, `${TEAM} / Intake`]);
    await expect(page.getByTestId('continue')).toHaveCount(0);
    await expectNoSeriousA11yViolations(page);

    // The corrected file, uploaded again by keyboard.
    await page.getByRole('button', { name: 'Upload a corrected file' }).click();
    await expect(page.getByRole('heading', { name: 'Upload a file of people' })).toBeFocused();
    await page.getByLabel('File of people').setInputFiles(csv(QUINN, rowan(QUINN_EMAIL)));
    await page.getByRole('button', { name: 'Upload and check' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('count-create')).toHaveText('2');
    await expect(page.getByTestId('count-error')).toHaveText('0');
    await expect(page.getByRole('table').locator('tr[data-row]')).toHaveCount(2);

    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.getByTestId('import-consequence')).toContainText('2 new people, 0 updates, 0 unchanged, 2 new teams');
    await expectNoSeriousA11yViolations(page);
    await page.getByTestId('commit-button').click();
    await expect(page.getByRole('heading', { name: 'Imported' })).toBeVisible();
    await expect(page.getByTestId('import-done')).toHaveText('2 people added, 0 updated, 0 unchanged; 2 teams created.');

    await page.getByTestId('open-directory').click();
    await expect(page).toHaveURL(/\/people$/);
    await page.getByRole('searchbox', { name: /search people/i }).fill(ROWAN_NAME);
    await expect(page.getByRole('table').getByRole('link')).toHaveText([ROWAN_NAME]);
    await page.getByRole('table').getByRole('link', { name: ROWAN_NAME }).click();
    await expect(page.getByRole('heading', { level: 1, name: ROWAN_NAME })).toBeVisible();
    await expect(page.getByTestId('employee-manager').getByRole('link', { name: `Quinn Import ${RUN}` })).toBeVisible();
    await expect(page.getByTestId('employee-team')).toHaveText('Intake');
  });

  test('is not offered to a manager, and its page is refused', async ({ page }) => {
    await signInAs(page, DEMO.manager);
    const nav = page.getByRole('navigation', { name: 'Main' });
    // the menu has rendered (with his People) before the missing entry is checked
    await expect(nav.getByRole('link', { name: 'People', exact: true })).toBeVisible();
    await expect(nav.getByRole('link', { name: 'Import people' })).toHaveCount(0);
    await expectRefused(page, '/people-imports');
    await expect(page.getByRole('heading', { level: 1, name: 'Import people' })).toHaveCount(0);
  });
});
