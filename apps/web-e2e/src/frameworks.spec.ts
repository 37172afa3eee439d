import { APIRequestContext, expect, test } from '@playwright/test';
import { publisherCasePackage } from '@proficio/shared/competency/testing';
import { randomUUID } from 'node:crypto';
import { expectNoSeriousA11yViolations } from './support/accessibility';
import { downloadBy } from './support/download';
import { PHONE, expectNoSidewaysScroll } from './support/layout';
import { DEMO, apiSignedInAs, okJson, signInAs } from './support/session';
import { uniqueSuffix } from './support/unique';

/** Imports a CASE package through the API (preview, then commit as it is) and returns the version written. */
async function importCase(admin: APIRequestContext, pkg: unknown): Promise<string> {
  const preview = await okJson<{ id: string }>(
    await admin.post('/api/frameworks/imports', {
      multipart: { format: 'case', file: { name: 'package.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(pkg)) } },
    }),
    201,
  );
  const committed = await okJson<{ frameworkVersionId: string }>(
    await admin.post(`/api/frameworks/imports/${preview.id}/commit`, { data: {} }),
  );
  return committed.frameworkVersionId;
}

test.describe('framework library and browser', () => {
  test.beforeEach(async ({ page }) => {
    await signInAs(page, DEMO.employee);
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

  test('lists e-CF area C in its outline and shows the levels of the competency chosen there, by mouse and by keyboard', async ({
    page,
  }) => {
    await page.goto('/frameworks?q=e-CF');
    await page.getByRole('link', { name: /e-CF competence area C/ }).click();

    const outline = page.getByRole('tree', { name: 'Categories and competencies' });
    await expect(outline.getByRole('treeitem')).toHaveCount(6);
    const detail = page.getByTestId('competency-detail');
    await expect(detail.getByRole('heading', { name: 'C.1 User Support' })).toBeVisible();

    await outline.getByRole('treeitem', { name: /C\.4 Problem Management/ }).click();
    await expect(page).toHaveURL(/[?&]competency=/);
    await expect(detail.getByRole('heading', { name: 'C.4 Problem Management' })).toBeVisible();
    await expect(detail.getByRole('tab')).toHaveText(['e-2', 'e-3', 'e-4']);
    await expect(detail).toContainText('Defined at 3 of 5 levels: e-2, e-3, e-4.');
    await detail.getByRole('tab', { name: 'e-4' }).click();
    await expect(detail.locator('.level-panel[data-level="4"]')).toBeVisible();

    // The keyboard: the tree keeps the focus and moves its active row; Enter opens it.
    await outline.focus();
    await page.keyboard.press('ArrowUp');
    await expect(outline).toHaveAttribute(
      'aria-activedescendant',
      (await outline.getByRole('treeitem', { name: /C\.3 Service Delivery/ }).getAttribute('id')) ?? '',
    );
    await page.keyboard.press('Enter');
    await expect(detail.getByRole('heading', { name: 'C.3 Service Delivery' })).toBeVisible();
    await expect(detail.getByRole('tab')).toHaveText(['e-2', 'e-3']);
    await expectNoSeriousA11yViolations(page);
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

  test('downloads the framework from the Export menu in each format, and each file holds the framework', async ({ page }) => {
    await page.goto('/frameworks?q=ITMG');
    await page.getByRole('link', { name: /Technology service management/ }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'SFIA 9: Technology service management (ITMG)' })).toBeVisible();
    await page.getByTestId('export-button').click();
    const dialog = page.getByRole('dialog', { name: /^Export/ });
    const status = dialog.getByTestId('export-status');
    const chooseExport = (label: string) => async () => {
      await dialog.getByRole('radio', { name: new RegExp(`^${label}`) }).check();
      await expect(dialog.getByTestId('export-file')).toBeVisible();
      await dialog.getByRole('button', { name: `Download ${label}` }).click();
    };

    // Proficio JSON: the whole document, levels and their texts included
    const json = await downloadBy(page, chooseExport('Proficio JSON'));
    expect(json.filename).toBe('sfia-itmg-v1.json');
    await expect(status).toHaveText(`Downloaded ${json.filename}.`);
    const document = JSON.parse(json.text) as {
      format: string;
      framework: { name: Record<string, string> };
      competencies: { code: string; title: Record<string, string>; levels: { level: number; description: Record<string, string> }[] }[];
    };
    expect(document.format).toBe('proficio-framework');
    expect(document.framework.name['en']).toBe('SFIA 9: Technology service management (ITMG)');
    const itmg = document.competencies.find((competency) => competency.code === 'ITMG');
    expect(itmg?.title['en']).toBe('Technology service management');
    expect(itmg?.levels.map((level) => level.level)).toEqual([5, 6, 7]);
    expect(itmg?.levels.find((level) => level.level === 6)?.description['en']).toMatch(
      /^Identifies and manages resources needed for budgeting, estimating, planning/,
    );

    // Moodle CSV: Moodle's header, the framework row, and the competency under its category; the dialog said what it leaves out
    const csv = await downloadBy(page, chooseExport('Moodle CSV'));
    await expect(dialog.getByTestId('export-notes-left-out')).toContainText('The levels of "ITMG" (5, 6, 7) with their descriptions');
    expect(csv.filename).toBe('sfia-itmg-v1.csv');
    await expect(status).toHaveText(`Downloaded ${csv.filename}.`);
    const lines = csv.text.split(/\r?\n/);
    expect(lines[0]).toBe(
      'Parent ID number,ID number,Short name,Description,Description format,Scale values,Scale configuration,Rule type (optional),' +
        'Rule outcome (optional),Rule config (optional),Cross-referenced competency ID numbers,Exported ID (optional),Is framework,Taxonomy',
    );
    expect(lines[1]).toMatch(/^,sfia-itmg,SFIA 9: Technology service management \(ITMG\),/);
    expect(lines).toContain(
      'sfia-skills,ITMG,Technology service management,Managing the provision of technology-based services to meet defined organisational needs.,2,,,,0,null,,,,',
    );

    // CASE 1.1: the document, the competency and its levels as items
    const casePackage = await downloadBy(page, chooseExport('CASE 1.1 JSON'));
    expect(casePackage.filename).toBe('sfia-itmg-v1.case.json');
    await expect(status).toHaveText(`Downloaded ${casePackage.filename}.`);
    const cfPackage = JSON.parse(casePackage.text) as {
      CFDocument: { title: string; caseVersion: string };
      CFItems: { humanCodingScheme?: string; fullStatement: string; CFItemType?: string }[];
    };
    expect(cfPackage.CFDocument).toMatchObject({ title: 'SFIA 9: Technology service management (ITMG)', caseVersion: '1.1' });
    expect(cfPackage.CFItems).toContainEqual(
      expect.objectContaining({
        humanCodingScheme: 'ITMG',
        CFItemType: 'Competency',
        fullStatement: 'Managing the provision of technology-based services to meet defined organisational needs.',
      }),
    );
    expect(cfPackage.CFItems.find((item) => item.humanCodingScheme === 'ITMG L6')?.fullStatement).toMatch(
      /^Identifies and manages resources needed for budgeting/,
    );

    await expect(dialog.getByTestId('export-error')).toHaveCount(0);
    await expectNoSeriousA11yViolations(page);
  });
});

test.describe('framework export and scale, as an administrator', () => {
  test('reads what a CASE export regenerates before downloading it, and the file is as the notes say', async ({ page, baseURL }) => {
    const suffix = uniqueSuffix();
    const documentId = randomUUID();
    const kept = randomUUID();
    const admin = await apiSignedInAs(baseURL, DEMO.admin);
    const versionId = await importCase(
      admin,
      publisherCasePackage(
        {
          document: documentId,
          items: [`reading-${suffix}`, `reads-${suffix}`, kept],
          associations: [`placed-1-${suffix}`, randomUUID(), `placed-3-${suffix}`],
        },
        { title: `Map skills ${suffix}`, dates: 'all-but-the-document' },
      ),
    );
    await admin.dispose();

    await signInAs(page, DEMO.admin, `/frameworks/${versionId}`);
    await expect(page.getByRole('heading', { level: 1, name: `Map skills ${suffix}` })).toBeVisible();
    await page.getByTestId('export-button').click();
    const dialog = page.getByRole('dialog', { name: /^Export/ });
    // Proficio JSON keeps everything
    await expect(dialog.getByTestId('export-nothing-regenerated')).toHaveText(
      "Nothing regenerated or left out: the file keeps the source's identifiers and everything this version holds.",
    );
    await dialog.getByRole('radio', { name: /^CASE 1\.1 JSON/ }).check();
    const regenerated = dialog.getByTestId('export-notes-regenerated').getByRole('listitem');
    await expect(regenerated).toHaveText([
      /^2 item identifiers of the source \(categories and competencies\) were not UUIDs and were regenerated/,
      /^2 associations placing or relating items had no UUID identifier in the source: they were regenerated/,
      /^The source gave the document no lastChangeDateTime: the version's publication time \(.+\) was used\.$/,
    ]);
    await expectNoSeriousA11yViolations(page);
    const fileName = (await dialog.getByTestId('export-file').locator('strong').textContent())?.trim();

    const file = await downloadBy(page, () => dialog.getByRole('button', { name: 'Download CASE 1.1 JSON' }).click());
    expect(file.filename).toBe(fileName);
    await expect(dialog.getByTestId('export-status')).toHaveText(`Downloaded ${file.filename}.`);
    const pkg = JSON.parse(file.text) as {
      CFDocument: { identifier: string; lastChangeDateTime: string };
      CFItems: { identifier: string; fullStatement: string }[];
      CFAssociations: { identifier: string }[];
    };
    expect(pkg.CFDocument.identifier).toBe(documentId);
    const published = /publication time \((.+)\)/.exec((await regenerated.nth(2).textContent()) ?? '')?.[1];
    expect(pkg.CFDocument.lastChangeDateTime).toBe(published);
    const ids = pkg.CFItems.map((item) => item.identifier);
    expect(ids).toContain(kept);
    expect(ids).not.toContain(`reading-${suffix}`);
    expect(ids).not.toContain(`reads-${suffix}`);
    expect(pkg.CFAssociations.map((a) => a.identifier).filter((id) => id.includes(suffix))).toEqual([]);
  });

  test.describe('on a phone', () => {
    test.use({ viewport: PHONE });

    test("puts a CASE framework without levels on another framework's scale, then shows that scale's levels", async ({ page, baseURL }) => {
      const suffix = uniqueSuffix();
      const admin = await apiSignedInAs(baseURL, DEMO.admin);
      const documentId = randomUUID();
      const versionId = await importCase(
        admin,
        publisherCasePackage(
          {
            document: documentId,
            items: [randomUUID(), randomUUID(), randomUUID()],
            associations: [randomUUID(), randomUUID(), randomUUID()],
          },
          { title: `Route planning ${suffix}`, dates: 'all-but-the-document' },
        ),
      );
      const sfia = await okJson<{ items: { id: string; key: string }[] }>(await admin.get('/api/frameworks?q=ITMG'));
      const itmg = sfia.items.find((item) => item.key === 'sfia-itmg');
      const sfiaScale = (
        await okJson<{ scale: { name: { text: string }; levels: { label: { text: string } }[] } }>(
          await admin.get(`/api/frameworks/${itmg?.id}`),
        )
      ).scale;
      await admin.dispose();

      await signInAs(page, DEMO.admin, `/frameworks/${versionId}`);
      await expect(page.getByRole('heading', { level: 1, name: `Route planning ${suffix}` })).toBeVisible();
      await expect(page.getByRole('heading', { level: 2, name: /^Scale: .*levels$/ })).toBeVisible();
      await page.getByRole('button', { name: 'Change scale' }).click();

      const dialog = page.getByRole('dialog', { name: /^Change the scale of/ });
      await expect(dialog.getByTestId('scale-now')).toContainText('a one-level placeholder nobody can be rated on');
      await dialog.getByRole('radio', { name: 'The scale of another framework' }).check();
      await dialog.getByRole('combobox', { name: 'Framework' }).fill('ITMG');
      await page.getByRole('option', { name: /Technology service management/ }).click();
      await expect(dialog.getByTestId('scale-consequences')).toContainText(
        'Publishes version 2 of', // …on the scale of SFIA-ITMG; version 1 and those before stay as they are
      );
      await expect(dialog.getByTestId('scale-consequences')).toContainText('on the scale of SFIA-ITMG');
      await expectNoSidewaysScroll(page);
      await expectNoSeriousA11yViolations(page);
      await dialog.getByRole('button', { name: 'Change scale' }).click();

      await expect(dialog).toHaveCount(0);
      await expect(page).not.toHaveURL(new RegExp(versionId));
      await expect(page.getByTestId('scale-status')).toHaveText(/^Version 2 of .+ is published on the new scale\.$/);
      await expect(page.getByRole('heading', { level: 2, name: `Scale: ${sfiaScale.name.text}` })).toBeVisible();
      const levels = page.getByRole('list', { name: sfiaScale.name.text }).getByRole('listitem');
      await expect(levels).toHaveCount(sfiaScale.levels.length);
      await expect(levels.first()).toContainText(sfiaScale.levels[0]?.label.text ?? '');
      await expect(levels.last()).toContainText(sfiaScale.levels.at(-1)?.label.text ?? '');
      await expectNoSidewaysScroll(page);
    });
  });
});
