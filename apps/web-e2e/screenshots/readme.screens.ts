import { expect, Page, test } from '@playwright/test';
import { join } from 'node:path';
import { PHONE } from '../src/support/layout';
import { apiSignedInAs, DEMO, okJson, signInAs } from '../src/support/session';

/*
 * The README's screenshots: `npm run screenshots` (playwright.screenshots.config.mts) retakes every one
 * from the built app in demo mode. Each picture shows the window (1280×800, one at 390 px for phones)
 * once the page has finished loading: no spinner, no progress bar, the fonts in, the pointer out of the way.
 * Keep the README's alt texts true to what these show.
 */

// SCREENSHOTS_DIR: somewhere else to look at them first.
const FOLDER = process.env['SCREENSHOTS_DIR'] ?? join(__dirname, '..', '..', '..', 'docs', 'screenshots');
const PEOPLE_WITH_ERRORS = join(__dirname, '..', '..', 'api', 'test', 'fixtures', 'people', 'bad', 'people-with-errors.csv');

/** Waits until nothing on the page is loading, then saves the window as docs/screenshots/<name>.png. */
async function shoot(page: Page, name: string): Promise<void> {
  await expect(page.locator('mat-progress-spinner, mat-progress-bar[mode="indeterminate"]')).toHaveCount(0);
  await page.evaluate(() => document.fonts.ready);
  await page.mouse.move(0, 0);
  await page.screenshot({ path: join(FOLDER, `${name}.png`), animations: 'disabled', caret: 'hide' });
}

/** The id of a demo person, as the admin (who sees everyone) finds them. */
async function personId(baseURL: string | undefined, name: string): Promise<string> {
  const admin = await apiSignedInAs(baseURL, DEMO.admin);
  try {
    const found = await okJson<{ items: { id: string; name: string }[] }>(await admin.get(`/api/employees?q=${encodeURIComponent(name)}`));
    const person = found.items.find((item) => item.name === name);
    expect(person, `${name} in the demo organisation`).toBeDefined();
    return person?.id ?? '';
  } finally {
    await admin.dispose();
  }
}

test.describe('README screenshots', () => {
  test('sign-in page in demo mode', async ({ page }) => {
    await page.goto('/sign-in');
    await expect(page.getByText(DEMO.manager.email)).toBeVisible();
    await shoot(page, 'sign-in');
  });

  test('home page of a manager: his team and what waits for him', async ({ page }) => {
    await signInAs(page, DEMO.manager);
    await expect(page.getByTestId('my-team-summary')).toBeVisible();
    const waiting = page.getByRole('region', { name: 'Waiting for you' });
    await expect(waiting.getByTestId('team-attention-summary').or(waiting.getByTestId('team-attention-done'))).toBeVisible();
    await shoot(page, 'home');
  });

  test('framework library', async ({ page }) => {
    await signInAs(page, DEMO.admin, '/frameworks');
    await expect(page.getByRole('link', { name: 'Service Management Processes' })).toBeVisible();
    await shoot(page, 'framework-library');
  });

  test('framework browser: a competency at level 1 with its behaviour indicators', async ({ page }) => {
    await signInAs(page, DEMO.admin, '/frameworks');
    await page.getByRole('link', { name: 'Service Management Processes' }).click();
    const detail = page.getByTestId('competency-detail');
    await expect(detail.getByRole('heading', { level: 2, name: /Service Management Processes/ })).toBeVisible();
    await expect(detail.getByRole('tab', { name: /^Level 1/, selected: true })).toBeVisible();
    await expect(detail.getByText('Behaviour indicators')).toBeVisible();
    await shoot(page, 'framework-browser');
  });

  test('export dialog: what a Moodle CSV of SFIA ITMG leaves out', async ({ page }) => {
    await signInAs(page, DEMO.admin, '/frameworks?q=ITMG');
    await page.getByRole('link', { name: /Technology service management/ }).click();
    await page.getByTestId('export-button').click();
    const dialog = page.getByRole('dialog', { name: /^Export/ });
    await dialog.getByRole('radio', { name: /^Moodle CSV/ }).check();
    await expect(dialog.getByTestId('export-notes-left-out')).toBeVisible();
    await shoot(page, 'framework-export');
  });

  test('level grid of e-CF area C', async ({ page }) => {
    await signInAs(page, DEMO.admin, '/frameworks');
    await page.getByRole('link', { name: 'e-CF competence area C. RUN' }).click();
    await page.getByRole('radio', { name: 'Level grid' }).click();
    await expect(page.locator('app-level-grid tr[data-competency-id]').first()).toBeVisible();
    // from the grid's heading down: the whole grid and the scale's levels
    await page.getByRole('heading', { level: 2, name: 'Level grid' }).evaluate((element) => element.scrollIntoView({ block: 'start' }));
    await shoot(page, 'level-grid');
  });

  test('role profile editor: a new draft of Service Delivery Manager', async ({ page }) => {
    await signInAs(page, DEMO.admin, '/role-profiles');
    await page.getByRole('link', { name: 'Service Delivery Manager' }).click();
    await page.getByRole('button', { name: 'Start a new version' }).click();
    const editing = page.getByRole('heading', { name: /^Editing the draft/ });
    await expect(editing).toBeVisible();
    await expect(page.getByRole('combobox', { name: 'Target level' }).first()).toBeVisible();
    // from the draft's editing card down to its requirements, each with its target level's description
    await editing.evaluate((element) => element.scrollIntoView({ block: 'start' }));
    await shoot(page, 'role-profile-editor');
  });

  test('employee page of a team lead, as the admin sees it', async ({ page, baseURL }) => {
    const luca = await personId(baseURL, 'Luca Esposito');
    await signInAs(page, DEMO.admin, `/people/${luca}`);
    await expect(page.getByRole('heading', { level: 1, name: 'Luca Esposito' })).toBeVisible();
    await expect(page.getByTestId('employee-overview')).toBeVisible();
    await shoot(page, 'employee-page');
  });

  test("an employee's Competencies tab, as her manager sees it", async ({ page, baseURL }) => {
    const sara = await personId(baseURL, DEMO.employee.name);
    await signInAs(page, DEMO.manager, `/people/${sara}?tab=competencies`);
    await expect(page.getByTestId('competency-row').first()).toBeVisible();
    await shoot(page, 'employee-competencies');
  });

  test('the progression of one competency over time', async ({ page, baseURL }) => {
    const sara = await personId(baseURL, DEMO.employee.name);
    await signInAs(page, DEMO.manager, `/people/${sara}?tab=competencies`);
    const c1 = page.getByTestId('competency-row').and(page.locator('[data-code="C.1"]'));
    await c1.getByTestId('progression-show').click();
    const progression = page.getByTestId('progression-detail');
    await expect(progression.getByRole('heading', { name: 'C.1 User Support' })).toBeFocused();
    await expect(progression.locator('canvas').first()).toBeVisible();
    // from the section's heading and legend down to the chart
    await page.getByTestId('employee-progression').evaluate((element) => element.scrollIntoView({ block: 'start' }));
    await shoot(page, 'progression');
  });

  test("a manager's team grid", async ({ page }) => {
    await signInAs(page, DEMO.manager, '/team');
    await expect(page.getByRole('heading', { level: 1, name: 'My team' })).toBeVisible();
    await page.getByTestId('team-grid-scope').getByText('Whole line').click();
    await expect(page.getByTestId('team-grid')).toBeVisible();
    await shoot(page, 'team-grid');
  });

  test("a manager's people directory: his reporting line", async ({ page }) => {
    await signInAs(page, DEMO.manager, '/people');
    await expect(page.getByRole('link', { name: DEMO.employee.name })).toBeVisible();
    await shoot(page, 'people-directory');
  });

  test('people import preview of a file with errors', async ({ page }) => {
    await signInAs(page, DEMO.admin, '/people-imports');
    await page.getByLabel('File of people').setInputFiles(PEOPLE_WITH_ERRORS);
    await page.getByRole('button', { name: 'Upload and check' }).click();
    await expect(page.getByRole('heading', { name: 'Preview of people-with-errors.csv' })).toBeVisible();
    await expect(page.getByTestId('preview-has-errors')).toBeVisible();
    // from the preview's counts down to the first rows with errors
    await page
      .getByRole('heading', { name: 'Preview of people-with-errors.csv' })
      .evaluate((element) => element.scrollIntoView({ block: 'start' }));
    await shoot(page, 'people-import-preview');
  });

  test("a review at the discussion: Luca's, as Marco (his manager) sees it", async ({ page, baseURL }) => {
    const luca = await personId(baseURL, 'Luca Esposito');
    const manager = await apiSignedInAs(baseURL, DEMO.manager);
    const reviews = await okJson<{ items: { id: string; state: string }[] }>(
      await manager.get(`/api/reviews?employeeId=${luca}&state=discussion`),
    );
    await manager.dispose();
    const review = reviews.items[0];
    expect(review, "Luca's review at the discussion in the demo's open cycle").toBeDefined();
    await signInAs(page, DEMO.manager, `/reviews/${review?.id}`);
    await expect(page.getByTestId('review-heading')).toBeVisible();
    await expect(page.locator('app-review-competency-card').first()).toBeVisible();
    await shoot(page, 'review');
    await page.getByTestId('review-guide-link').click();
    await expect(page.getByTestId('guide-competency').first()).toBeVisible();
    await shoot(page, 'review-guide');
  });

  test('a review cycle under way, as the admin sees it', async ({ page, baseURL }) => {
    const admin = await apiSignedInAs(baseURL, DEMO.admin);
    const cycles = await okJson<{ items: { id: string; status: string }[] }>(await admin.get('/api/review-cycles?status=open'));
    await admin.dispose();
    await signInAs(page, DEMO.admin, `/review-cycles/${cycles.items[0]?.id}`);
    await expect(page.getByTestId('cycle-state-counts')).toBeVisible();
    await shoot(page, 'review-cycle');
  });

  test('audit log', async ({ page }) => {
    await signInAs(page, DEMO.admin, '/audit-events');
    await expect(page.getByRole('table').getByRole('row').nth(1)).toBeVisible();
    await shoot(page, 'audit-log');
  });

  test.describe('on a phone', () => {
    test.use({ viewport: PHONE });

    test("an employee's own Competencies tab, each competency a card", async ({ page, baseURL }) => {
      const sara = await personId(baseURL, DEMO.employee.name);
      await signInAs(page, DEMO.employee, `/people/${sara}?tab=competencies`);
      await expect(page.getByTestId('competency-row').first()).toBeVisible();
      // past her header, to the competencies
      await page.getByTestId('competencies-table').evaluate((element) => element.scrollIntoView({ block: 'start' }));
      await shoot(page, 'phone-competencies');
    });
  });
});
