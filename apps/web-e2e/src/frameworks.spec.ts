import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/accessibility';
import { downloadBy } from './support/download';
import { DEMO, signInAs } from './support/session';

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
    const exportButton = page.getByTestId('export-button');
    const status = page.getByTestId('export-status');
    const chooseExport = (label: string) => async () => {
      await exportButton.click();
      await page.getByRole('menuitem', { name: label }).click();
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

    // Moodle CSV: Moodle's header, the framework row, and the competency under its category
    const csv = await downloadBy(page, chooseExport('Moodle CSV'));
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

    await expect(page.getByTestId('export-error')).toHaveCount(0);
    await expectNoSeriousA11yViolations(page);
  });
});
