import { expect, Page, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/accessibility';
import { apiSignedInAs, DEMO, okJson, personId, signInAs } from './support/session';
import { uniqueSuffix } from './support/unique';

/** The id of a demo person, as the admin (who sees everyone) finds them. */
async function demoPersonId(baseURL: string | undefined, name: string): Promise<string> {
  const admin = await apiSignedInAs(baseURL, DEMO.admin);
  try {
    return await personId(admin, name);
  } finally {
    await admin.dispose();
  }
}

/** Opens the rating panel of one competency's row, reads a level's meaning and chooses it. */
async function rateInPanel(page: Page, code: string, level: string, rationale?: string): Promise<void> {
  const row = page.getByTestId('competency-row').and(page.locator(`[data-code="${code}"]`));
  await row.getByTestId('rate-competency').click();
  const dialog = page.getByTestId('rate-dialog');
  await expect(dialog).toBeVisible();
  // the levels are chosen by reading what they mean: each with its description
  await expect(dialog.locator(`[data-level] .level-meaning`).first()).not.toBeEmpty();
  await dialog.getByRole('radio', { name: new RegExp(`^${level}\\b`) }).check();
  if (rationale) await dialog.getByLabel('Rationale').fill(rationale);
  await dialog.getByTestId('rate-save').click();
  await expect(dialog).toBeHidden();
}

test.describe('assessments', () => {
  test('a manager rates a report on her Competencies tab, she sees it and rates herself higher, and the history keeps both', async ({
    browser,
    baseURL,
  }) => {
    const saraId = await demoPersonId(baseURL, DEMO.employee.name);
    const rationale = `Resolves most tickets at first contact (${uniqueSuffix()})`;

    // Marco, Sara's manager's manager, reads the levels of C.1 and rates her at e-2
    const managerContext = await browser.newContext();
    const manager = await managerContext.newPage();
    await signInAs(manager, DEMO.manager, `/people/${saraId}?tab=competencies`);
    await expect(manager.getByRole('tab', { name: 'Competencies', selected: true })).toBeVisible();
    const c1 = manager.getByTestId('competency-row').and(manager.locator('[data-code="C.1"]'));
    await expect(c1).toBeVisible();
    await rateInPanel(manager, 'C.1', 'e-2', rationale);
    await expect(c1.getByTestId('manager-level')).toContainText('e-2');
    await c1.getByTestId('history-toggle').click();
    const history = manager.getByTestId('assessment-history');
    await expect(history.getByTestId('assessment-record').first()).toContainText(rationale);
    await expect(history.getByTestId('assessment-record').first()).toContainText(DEMO.manager.name);
    // C.1's progression chart is drawn, and its numbers end with the new manager level (dated today, the latest)
    await c1.getByTestId('progression-show').click();
    const progression = manager.getByTestId('progression-detail');
    await expect(progression.getByRole('heading', { name: 'C.1 User Support' })).toBeFocused();
    await expect(progression.locator('canvas')).toBeVisible();
    await progression.getByText('Show the numbers').click();
    await expect(progression.getByTestId('progression-row').last().locator('td').first()).toHaveText('e-2');
    await expectNoSeriousA11yViolations(manager);

    // Sara signs in, finds her manager's assessment and records her own one level higher
    const employeeContext = await browser.newContext();
    const employee = await employeeContext.newPage();
    await signInAs(employee, DEMO.employee, `/people/${saraId}?tab=competencies`);
    const own = employee.getByTestId('competency-row').and(employee.locator('[data-code="C.1"]'));
    await expect(own.getByTestId('manager-level')).toContainText('e-2');
    await rateInPanel(employee, 'C.1', 'e-3');
    await expect(own.getByTestId('self-level')).toContainText('e-3');
    await expectNoSeriousA11yViolations(employee);

    // the manager reloads: both are there, the self-assessment beside his
    await manager.reload();
    const reloaded = manager.getByTestId('competency-row').and(manager.locator('[data-code="C.1"]'));
    await expect(reloaded.getByTestId('manager-level')).toContainText('e-2');
    await expect(reloaded.getByTestId('self-level')).toContainText('e-3');

    await managerContext.close();
    await employeeContext.close();
  });

  test('a manager corrects a rating with a reason and sees it as a correction in the history, then withdraws it and the level goes back', async ({
    page,
    baseURL,
  }) => {
    const saraId = await demoPersonId(baseURL, DEMO.employee.name);
    const suffix = uniqueSuffix();
    await signInAs(page, DEMO.manager, `/people/${saraId}?tab=competencies`);
    const c4 = page.getByTestId('competency-row').and(page.locator('[data-code="C.4"]'));
    const managerLevel = c4.getByTestId('manager-level');
    await expect(managerLevel).toBeVisible();
    const before = (await managerLevel.innerText()).replace(/\s+/g, ' ').trim();

    // Marco rates C.4 at e-2, then finds in the history that he meant e-4
    await rateInPanel(page, 'C.4', 'e-2', `Quarterly review (${suffix})`);
    await expect(managerLevel).toContainText('e-2');
    await c4.getByTestId('history-toggle').click();
    const history = page.getByTestId('assessment-history');
    const records = history.getByTestId('assessment-record');
    await expect(records.first()).toContainText(`Quarterly review (${suffix})`);
    await records.first().getByTestId('record-correct').click();
    const panel = page.getByTestId('rate-dialog');
    await expect(panel.getByRole('heading', { name: 'Correct the manager assessment of C.4 Problem Management' })).toBeVisible();
    // the panel starts from the record: its level and rationale
    await expect(panel.getByRole('radio', { name: /^e-2\b/ })).toBeChecked();
    await expect(panel.getByLabel('Rationale')).toHaveValue(`Quarterly review (${suffix})`);
    // the reason is required
    await panel.getByRole('radio', { name: /^e-4\b/ }).check();
    await panel.getByTestId('rate-save').click();
    await expect(panel.getByText('Say why the record is corrected')).toBeVisible();
    await panel.getByLabel('Reason for the correction').fill(`Meant e-4: leads the problem reviews (${suffix})`);
    await panel.getByTestId('rate-save').click();
    await expect(panel).toBeHidden();

    // the correction is in force, and the history shows it as a correction of the record it replaced
    await expect(managerLevel).toContainText('e-4');
    await expect(records.first()).toContainText(`Corrected: Meant e-4: leads the problem reviews (${suffix})`);
    await expect(records.first().locator('.level')).toHaveText(/^e-4\b/);
    await expect(records.nth(1)).toContainText('Corrected later: replaced by the correction above');
    await expect(records.nth(1).getByTestId('record-correct')).toHaveCount(0);

    // then he withdraws it after all: asked to confirm, with a reason
    await records.first().getByTestId('record-withdraw').click();
    const confirm = page.getByTestId('withdraw-dialog');
    await expect(confirm.getByRole('heading', { name: 'Withdraw this manager assessment?' })).toBeVisible();
    await confirm.getByTestId('withdraw-save').click();
    await expect(confirm.getByText('Say why the record is withdrawn')).toBeVisible();
    await confirm.getByLabel('Reason for withdrawing').fill(`No review this quarter after all (${suffix})`);
    await expectNoSeriousA11yViolations(page);
    await confirm.getByTestId('withdraw-save').click();
    await expect(confirm).toBeHidden();

    // the manager level goes back to the one in force before his rating; the history keeps all three
    await expect(records.first()).toContainText(`Withdrawn: No review this quarter after all (${suffix})`);
    await expect(records.nth(1)).toContainText('Withdrawn later: no longer in force');
    await expect(managerLevel).toHaveText(before, { useInnerText: true });
    await page.reload();
    await expect(page.getByTestId('competency-row').and(page.locator('[data-code="C.4"]')).getByTestId('manager-level')).toHaveText(
      before,
      {
        useInnerText: true,
      },
    );
  });

  test("a manager rates relying on the person's accepted evidence, opens it from the panel in a new tab, and the history links it", async ({
    page,
    baseURL,
  }) => {
    const saraId = await demoPersonId(baseURL, DEMO.employee.name);
    const rationale = `Ran the triage rota through the peak (${uniqueSuffix()})`;
    const title = 'Ran the triage rota during the March service-desk peak';

    // Sara's accepted demo evidence claims SMP at level 2. SMP is not in her role profile: once she has
    // rated herself on it, her Competencies tab shows it among the other assessed competencies.
    const sara = await apiSignedInAs(baseURL, DEMO.employee);
    try {
      const accepted = await okJson<{ items: { id: string; title: string; claims: { competency: { id: string; code: string } }[] }[] }>(
        await sara.get(`/api/evidence?employeeId=${saraId}&status=accepted&pageSize=100`),
      );
      const smpClaims = accepted.items
        .filter((item) => item.title === title)
        .flatMap((item) => item.claims)
        .filter((claim) => claim.competency.code === 'SMP');
      expect(smpClaims, `accepted SMP evidence "${title}" in the demo organisation`).toHaveLength(1);
      const [smp] = smpClaims;
      await okJson(
        await sara.post('/api/assessments', {
          data: { employeeId: saraId, competencyId: smp?.competency.id, role: 'self', outcome: 'rated', level: 2 },
        }),
        201,
      );
    } finally {
      await sara.dispose();
    }

    // Marco, above her in the line, rates SMP: the panel lists the accepted evidence with the level it claimed
    await signInAs(page, DEMO.manager, `/people/${saraId}?tab=competencies`);
    const smpRow = page.getByTestId('competency-row').and(page.locator('[data-code="SMP"]'));
    await smpRow.getByTestId('rate-competency').click();
    const panel = page.getByTestId('rate-dialog');
    const evidence = panel.getByTestId('rate-evidence');
    const item = evidence.getByTestId('rate-evidence-item').filter({ hasText: title });
    await expect(item).toContainText('Claims Level 2');
    await expectNoSeriousA11yViolations(page);

    // the link opens the evidence in a new tab, leaving the panel as it is
    const [opened] = await Promise.all([page.context().waitForEvent('page'), item.getByTestId('rate-evidence-open').click()]);
    await expect(opened.getByTestId('evidence-title')).toHaveText(title);
    const evidenceUrl = opened.url();
    expect(evidenceUrl).toMatch(/\/evidence\/[0-9a-f-]+$/);
    await opened.close();
    await expect(panel).toBeVisible();

    // he ticks it, rates level 2 and saves
    await item.getByRole('checkbox', { name: title }).check();
    await panel.getByRole('radio', { name: /^2\b/ }).check();
    await panel.getByLabel('Rationale').fill(rationale);
    await panel.getByTestId('rate-save').click();
    await expect(panel).toBeHidden();
    await expect(smpRow.getByTestId('manager-level')).toContainText('Level 2');

    // the history says what the rating relied on (the demo item was accepted after an amendment), and links to it
    await smpRow.getByTestId('history-toggle').click();
    const record = page.getByTestId('assessment-history').getByTestId('assessment-record').first();
    await expect(record).toContainText(rationale);
    await expect(record.getByTestId('record-evidence')).toHaveText(`Relied on: ${title} (revision 2)`);
    await record.getByRole('link', { name: title }).click();
    await expect(page).toHaveURL(evidenceUrl);
    await expect(page.getByTestId('evidence-title')).toHaveText(title);
  });

  test('a manager rates three people at once in the team grid, and finds them saved after a reload', async ({ page }) => {
    await signInAs(page, DEMO.manager, '/team');
    await expect(page.getByRole('heading', { level: 1, name: 'My team' })).toBeVisible();
    await page.getByTestId('team-grid-scope').getByText('Whole line').click();
    const grid = page.getByRole('grid');
    await expect(grid).toBeVisible();

    const cell = (person: string, code: string) =>
      grid.getByRole('button', { name: new RegExp(`^${person}, ${code.replace('.', '\\.')} `) });
    const choose = async (person: string, code: string, level: string) => {
      await cell(person, code).click();
      const picker = page.getByTestId('team-grid-picker');
      await expect(picker).toBeVisible();
      await picker.getByRole('option', { name: new RegExp(`^${level} `) }).click();
      await expect(picker).toBeHidden();
    };
    await choose('Sara Bianchi', 'C.4', 'e-4');
    await choose('Tom Becker', 'C.1', 'e-3');
    await choose('Aisha Khan', 'C.1', 'e-1');
    await expect(page.getByTestId('team-grid-save-bar')).toContainText('3 unsaved changes');
    await expectNoSeriousA11yViolations(page);

    // the rationale is required: saving without one says so and keeps the changes
    await page.getByTestId('team-grid-save').click();
    await expect(page.getByTestId('team-grid-save-bar')).toContainText('a rationale is required');
    await page.getByTestId('team-grid-rationale').fill('Quarterly review');
    const saved = page.waitForResponse((response) => response.url().endsWith('/api/assessments/batch'));
    await page.getByTestId('team-grid-save').click();
    expect((await saved).status()).toBe(201);
    await expect(page.getByTestId('team-grid-save-bar')).toBeHidden();

    await page.reload();
    await page.getByTestId('team-grid-scope').getByText('Whole line').click();
    await expect(cell('Sara Bianchi', 'C.4')).toHaveAccessibleName(/: level e-4\b/);
    await expect(cell('Tom Becker', 'C.1')).toHaveAccessibleName(/: level e-3\b/);
    await expect(cell('Aisha Khan', 'C.1')).toHaveAccessibleName(/: level e-1\b/);

    // a saved grid change shows on the person's Competencies tab, opened from the grid without a reload
    await choose('Sara Bianchi', 'C.4', 'e-3');
    await page.getByTestId('team-grid-rationale').fill('Mid-year check');
    await page.getByTestId('team-grid-save').click();
    await expect(page.getByTestId('team-grid-save-bar')).toBeHidden();
    await grid.getByRole('link', { name: 'Sara Bianchi' }).click();
    await page.getByRole('tab', { name: 'Competencies' }).click();
    const c4 = page.getByTestId('competency-row').and(page.locator('[data-code="C.4"]'));
    await expect(c4.getByTestId('manager-level')).toContainText('e-3');
  });
});
