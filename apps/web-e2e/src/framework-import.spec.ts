import { Page, expect, test } from '@playwright/test';
import { casePackage, fixturePath } from '@proficio/shared/competency/testing';
import { randomUUID } from 'node:crypto';
import { expectNoSeriousA11yViolations } from './support/accessibility';
import { DEMO, signInAs } from './support/session';
import { uniqueSuffix } from './support/unique';

/** Uploads a CASE package on the wizard's first step and asks for its preview. */
async function uploadCase(page: Page, name: string, file: Buffer): Promise<void> {
  await page.getByRole('radio', { name: /CASE/ }).check();
  await page.getByLabel('Framework file').setInputFiles({ name, mimeType: 'application/json', buffer: file });
  await page.getByRole('button', { name: 'Upload and check' }).click();
}

test.describe('framework import', () => {
  test('imports the OECD Moodle framework through the wizard and finds one of its competencies', async ({ page }) => {
    await signInAs(page, DEMO.admin, '/frameworks');
    await page.getByRole('link', { name: 'Import framework' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Import framework' })).toBeVisible();
    await expectNoSeriousA11yViolations(page);

    await page.getByRole('radio', { name: /Moodle CSV/ }).check();
    await page.getByLabel('Framework file').setInputFiles(fixturePath('ok', 'moodle', 'oecd-core-competencies.csv'));
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

  test('says what a new version would lose of the current one, and publishes it only once that is confirmed', async ({ page }) => {
    const key = `garden-${uniqueSuffix()}`;
    const name = `Garden ${key}`;
    // Version 1: a level description, an indicator and a licence…
    const richer = {
      format: 'proficio-framework',
      formatVersion: 1,
      framework: {
        key,
        code: key,
        name: { en: name },
        licence: 'CC BY 4.0',
        versionLabel: 'unversioned',
        defaultLanguage: 'en',
        languages: ['en'],
      },
      scale: {
        key: `${key}-scale`,
        name: { en: `Competency scale: ${name}` },
        levels: [
          { number: 1, code: '1', label: { en: 'Novice' } },
          { number: 2, code: '2', label: { en: 'Grower' } },
        ],
      },
      categories: [],
      competencies: [
        {
          key: 'dig',
          code: 'dig',
          title: { en: 'Digs' },
          levels: [{ level: 1, description: { en: 'Digs a bed.' }, indicators: [{ en: 'Straight edges' }], questions: [] }],
        },
      ],
    };
    // …that a Moodle CSV of the same framework cannot hold.
    const moodle = [
      'Parent ID number,ID number,Short name,Description,Description format,Scale values,Scale configuration,Rule type (optional),Rule outcome (optional),Rule config (optional),Cross-referenced competency ID numbers,Exported ID (optional),Is framework,Taxonomy',
      `,${key},${name},,2,"Novice,Grower",,,,,,,1,`,
      ',dig,Digs,,2,,,,,,,,,',
    ].join('\r\n');

    await signInAs(page, DEMO.admin, '/frameworks/import');
    await page.getByRole('radio', { name: /Proficio JSON/ }).check();
    await page
      .getByLabel('Framework file')
      .setInputFiles({ name: 'garden.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(richer)) });
    await page.getByRole('button', { name: 'Upload and check' }).click();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByTestId('commit-button').click();
    await expect(page.getByRole('heading', { name: 'Imported' })).toBeVisible();
    await page.getByRole('button', { name: 'Import another' }).click();

    await page.getByRole('radio', { name: /Moodle CSV/ }).check();
    await page.getByLabel('Framework file').setInputFiles({ name: 'garden.csv', mimeType: 'text/csv', buffer: Buffer.from(moodle) });
    await page.getByRole('button', { name: 'Upload and check' }).click();
    const loss = page.getByTestId('import-loss');
    await expect(loss.getByRole('heading', { name: 'What version 2 would lose' })).toBeVisible();
    await expect(loss.getByRole('listitem')).toHaveText(['1 level description', '1 behaviour indicator', 'the licence text']);
    await expectNoSeriousA11yViolations(page);

    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByTestId('commit-button').click();
    const confirmation = page.getByRole('checkbox', { name: /^Publish version 2 without 1 level description/ });
    await expect(page.getByText('Tick the box to publish a version that loses this content')).toBeVisible();
    await expect(confirmation).toBeFocused();
    await expectNoSeriousA11yViolations(page);
    await confirmation.check();
    await page.getByTestId('commit-button').click();
    await expect(page.getByRole('heading', { name: 'Imported' })).toBeVisible();
    await expect(page.getByTestId('import-done')).toContainText(`${name} is published as version 2.`);
  });

  test('asks whether a file that shares only its identifier with a framework is a new version or a new framework', async ({ page }) => {
    const identifier = randomUUID();
    const suffix = uniqueSuffix();
    await signInAs(page, DEMO.admin, '/frameworks/import');
    await uploadCase(
      page,
      'map-skills.json',
      casePackage(identifier, `Map skills ${suffix}`, [
        ['M.1', 'Reads a map.'],
        ['M.2', 'Uses a compass.'],
      ]),
    );
    // The package defines no levels: it is rated on the generic 1–5 scale unless another is chosen.
    const scale = page.getByRole('radiogroup', { name: 'Rate its competencies on' });
    await expect(scale.getByRole('radio', { name: /^A generic 1–5 proficiency scale/ })).toBeChecked();
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.getByTestId('import-scale-consequence')).toHaveText(
      'Its competencies are rated on the generic 1–5 proficiency scale.',
    );
    await page.getByTestId('commit-button').click();
    await expect(page.getByRole('heading', { name: 'Imported' })).toBeVisible();
    await page.getByRole('button', { name: 'Import another' }).click();

    await uploadCase(
      page,
      'item-types.json',
      casePackage(identifier, `Item types test ${suffix}`, [
        ['T.1', 'Multiple choice.'],
        ['T.2', 'Short answer.'],
      ]),
    );
    const question = page.getByRole('radiogroup', { name: `A new version of Map skills ${suffix}, or a new framework?` });
    await expect(question).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.getByText('Choose whether the file is a new version or a new framework.')).toBeVisible();
    await question.getByRole('radio', { name: `A new framework, kept apart from Map skills ${suffix}` }).check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.getByTestId('import-consequence')).toHaveText(
      `This publishes Item types test ${suffix} as version 1 of a new framework; Map skills ${suffix} stays as it is.`,
    );
    await page.getByTestId('commit-button').click();
    await expect(page.getByTestId('import-done')).toContainText(`Item types test ${suffix} is published as version 1.`);

    // Both are in the library, each a framework of its own; the first rated on the generic scale.
    await page.goto(`/frameworks?q=${suffix}`);
    await expect(page.getByRole('link', { name: `Item types test ${suffix}` })).toBeVisible();
    await page.getByRole('link', { name: `Map skills ${suffix}` }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText(`Map skills ${suffix}`);
    await expect(page.getByText('Advanced beginner').first()).toBeAttached();
  });

  test("rates a file without levels on another framework's scale, found by searching the library", async ({ page }) => {
    const suffix = uniqueSuffix();
    await signInAs(page, DEMO.admin, '/frameworks/import');
    await uploadCase(page, 'route-planning.json', casePackage(randomUUID(), `Route planning ${suffix}`, [['R.1', 'Reads a route.']]));

    const scale = page.getByRole('radiogroup', { name: 'Rate its competencies on' });
    await scale.getByRole('radio', { name: 'The scale of another framework' }).check();
    await page.getByRole('button', { name: 'Continue' }).click();
    const search = page.getByRole('combobox', { name: 'Framework whose scale to use' });
    await expect(page.getByText('Choose the framework whose scale to use from the list')).toBeVisible();
    await expect(search).toBeFocused();
    await search.fill('ITMG');
    await page.getByRole('option', { name: /Technology service management/ }).click();
    await expect(search).toHaveValue(/^SFIA-ITMG · /);
    await expectNoSeriousA11yViolations(page);
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.getByTestId('import-scale-consequence')).toHaveText(
      'Its competencies are rated on the scale of SFIA 9: Technology service management (ITMG).',
    );
    await page.getByTestId('commit-button').click();
    await expect(page.getByTestId('import-done')).toContainText(`Route planning ${suffix} is published as version 1.`);

    await page.getByTestId('open-framework').click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText(`Route planning ${suffix}`);
    await expect(page.getByRole('heading', { level: 2, name: 'Scale: SFIA levels of responsibility' })).toBeVisible();
  });

  test('shows the errors of a file in the wrong format, with where they are', async ({ page }) => {
    await signInAs(page, DEMO.admin, '/frameworks/import');
    await page.getByRole('radio', { name: /CASE/ }).check();
    await page.getByLabel('Framework file').setInputFiles(fixturePath('ok', 'moodle', 'oecd-core-competencies.csv'));
    await page.getByRole('button', { name: 'Upload and check' }).click();
    await expect(page.getByTestId('import-errors-summary')).toContainText('The file cannot be imported');
    await expect(page.getByTestId('import-errors')).toBeVisible();
  });
});
