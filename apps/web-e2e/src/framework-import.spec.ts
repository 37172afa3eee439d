import { expect, test } from '@playwright/test';
import { join } from 'node:path';
import { expectNoSeriousA11yViolations } from './support/accessibility';
import { DEMO, signInAs } from './support/session';

const FIXTURES = join(__dirname, '..', '..', '..', 'libs', 'shared', 'competency', 'test', 'fixtures');

test.describe('framework import', () => {
  test('imports the OECD Moodle framework through the wizard and finds one of its competencies', async ({ page }) => {
    await signInAs(page, DEMO.admin, '/frameworks');
    await page.getByRole('link', { name: 'Import framework' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Import framework' })).toBeVisible();
    await expectNoSeriousA11yViolations(page);

    await page.getByRole('radio', { name: /Moodle CSV/ }).check();
    await page.getByLabel('Framework file').setInputFiles(join(FIXTURES, 'ok', 'moodle', 'oecd-core-competencies.csv'));
    await expect(page.getByTestId('chosen-file')).toContainText('oecd-core-competencies.csv');
    await page.getByRole('button', { name: 'Upload and check' }).click();

    await expect(page.getByRole('heading', { name: /Preview of oecd-core-competencies\.csv/ })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByTestId('commit-button').click();
    await expect(page.getByRole('heading', { name: 'Imported' })).toBeVisible();

    await page.getByTestId('open-framework').click();
    await expect(page).toHaveURL(/\/frameworks\/[0-9a-f-]{36}/);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('OECD');
    // categories open by default: the OECD tree is Competencies > Delivery-related > Teamwork… > behaviours
    await expect(page.getByRole('treeitem', { name: /Teamwork and Team Leadership/ })).toBeVisible();
    await page.getByRole('treeitem', { name: /DR-TW-1 Initiates collaboration with others/ }).click();
    await expect(page).toHaveURL(/[?&]competency=/);
    await expect(page.getByTestId('competency-detail')).toContainText('Initiates collaboration with others');
  });

  test('shows the errors of a file in the wrong format, with where they are', async ({ page }) => {
    await signInAs(page, DEMO.admin, '/frameworks/import');
    await page.getByRole('radio', { name: /CASE/ }).check();
    await page.getByLabel('Framework file').setInputFiles(join(FIXTURES, 'ok', 'moodle', 'oecd-core-competencies.csv'));
    await page.getByRole('button', { name: 'Upload and check' }).click();
    await expect(page.getByTestId('import-errors-summary')).toContainText('The file cannot be imported');
    await expect(page.getByTestId('import-errors')).toBeVisible();
  });
});
