import { APIRequestContext, expect, Locator, Page, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/accessibility';
import { apiSignedInAs, DEMO, okJson, personId, signInAs } from './support/session';
import { uniqueSuffix } from './support/unique';

const isoDay = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

/** Opens a cycle called `name` of one person (their target role taken in or not) and returns their review in it. */
async function reviewInNewCycle(
  admin: APIRequestContext,
  employeeId: string,
  name: string,
  includeTargetRole: boolean,
): Promise<{ id: string; manager?: { name: string } }> {
  const cycle = await okJson<{ id: string }>(
    await admin.post('/api/review-cycles', {
      data: {
        name,
        periodStart: isoDay(-30),
        periodEnd: isoDay(60),
        selfDue: isoDay(10),
        managerDue: isoDay(20),
        participants: { kind: 'people', employeeIds: [employeeId] },
        includeTargetRole,
      },
    }),
    201,
  );
  await okJson(await admin.post(`/api/review-cycles/${cycle.id}/open`));
  const review = (
    await okJson<{ items: { id: string; manager?: { name: string } }[] }>(
      await admin.get(`/api/reviews?cycleId=${cycle.id}&employeeId=${employeeId}`),
    )
  ).items[0];
  if (!review) throw new Error(`the cycle "${name}" opened without a review of ${employeeId}`);
  return review;
}

/**
 * A cycle of Sara's alone, opened by the admin and assigned to Marco (the demo manager, above her in the line; her own
 * manager Luca has no account). Her review takes in SMP too, the one built-in competency with interview questions: it
 * is her target role's for the moment the cycle opens (a role profile of this journey's own), then her target role is
 * put back, so that nothing another journey reads changes.
 */
async function openReviewOfSara(baseURL: string | undefined, suffix: string): Promise<{ reviewId: string; saraId: string }> {
  const admin = await apiSignedInAs(baseURL, DEMO.admin);
  try {
    const saraId = await personId(admin, DEMO.employee.name);
    const marcoId = await personId(admin, DEMO.manager.name);
    const smp = (await okJson<{ items: { id: string; code: string }[] }>(await admin.get('/api/competencies?q=SMP'))).items.find(
      (item) => item.code === 'SMP',
    );
    if (!smp) throw new Error('no SMP among the built-in competencies');
    const growth = await okJson<{ id: string }>(
      await admin.post('/api/role-profiles', {
        data: { name: `Review growth ${suffix}`, requirements: [{ competencyId: smp.id, targetLevel: 3 }] },
      }),
      201,
    );
    await okJson(await admin.post(`/api/role-profiles/${growth.id}/draft/publish`));
    const before = await okJson<{ targetRoleProfile?: { id: string } }>(await admin.get(`/api/employees/${saraId}`));
    await okJson(await admin.patch(`/api/employees/${saraId}`, { data: { targetRoleProfileId: growth.id } }));
    try {
      const review = await reviewInNewCycle(admin, saraId, `Review journey ${suffix}`, true);
      await okJson(await admin.put(`/api/reviews/${review.id}/manager`, { data: { managerId: marcoId } }));
      return { reviewId: review.id, saraId };
    } finally {
      await okJson(await admin.patch(`/api/employees/${saraId}`, { data: { targetRoleProfileId: before.targetRoleProfile?.id ?? null } }));
    }
  } finally {
    await admin.dispose();
  }
}

/** Takes a step with its button, confirming it in the dialog (with a comment, where one is asked). */
async function takeStep(page: Page, action: string, comment?: string): Promise<void> {
  await page.getByTestId(`review-action-${action}`).click();
  const dialog = page.getByTestId('review-action-dialog');
  await expect(dialog).toBeVisible();
  if (comment) await dialog.getByLabel('Comment (optional)').fill(comment);
  await dialog.getByTestId('review-action-confirm').click();
  await expect(dialog).toBeHidden();
}

/** Chooses an option of a card's level select: by its name, or the first level when none is given. */
async function choose(page: Page, card: Locator, select: string, option?: RegExp): Promise<void> {
  await card.getByTestId(select).click();
  const options = page.getByRole('option');
  await (option ? options.filter({ hasText: option }).first() : options.nth(1)).click();
  await expect(page.getByRole('listbox')).toBeHidden();
}

test.describe('reviews', () => {
  test('Sara rates herself and submits; her manager reads the guide, rates, shares and signs; she signs with a comment and the review locks', async ({
    browser,
    baseURL,
  }) => {
    test.setTimeout(300_000);
    const suffix = uniqueSuffix();
    const { reviewId, saraId } = await openReviewOfSara(baseURL, suffix);

    // Sara starts her self-assessment and rates each competency
    const employeeContext = await browser.newContext();
    const employee = await employeeContext.newPage();
    await signInAs(employee, DEMO.employee, `/reviews/${reviewId}`);
    await expect(employee.getByTestId('review-heading')).toHaveText('Your review');
    await expect(employee.getByTestId('review-state')).toContainText('Not started');
    await takeStep(employee, 'start');
    await expect(employee.getByTestId('review-state')).toContainText('Self-assessment');
    const cards = employee.getByTestId('review-competency');
    await expect(cards).toHaveCount(4);
    await expect(employee.locator('[data-testid="review-competency"][data-code="SMP"]')).toBeVisible();
    for (const code of ['C.1', 'C.4', 'SLMO', 'SMP']) {
      const card = employee.locator(`[data-testid="review-competency"][data-code="${code}"]`);
      await choose(employee, card, 'self-choice', code === 'C.1' ? /^\s*e-2\b/ : code === 'C.4' ? /Not assessed/ : undefined);
    }
    const ownC1 = employee.locator('[data-testid="review-competency"][data-code="C.1"]');
    await ownC1.getByTestId('self-rationale').fill(`Resolves most tickets at first contact (${suffix})`);
    await employee.getByTestId('save-self').click();
    await expect(employee.getByRole('status').filter({ hasText: 'Your self-assessment is saved.' })).toBeAttached();
    await expect(ownC1.getByTestId('self-rating')).toHaveText(/^e-2\b/);
    await takeStep(employee, 'submit-self');
    await expect(employee.getByTestId('review-state')).toContainText('Manager assessment');
    await expect(employee.getByTestId('self-edit')).toHaveCount(0);

    // Marco opens the review: her ratings are there; the guide asks SMP's questions
    const managerContext = await browser.newContext();
    const manager = await managerContext.newPage();
    await signInAs(manager, DEMO.manager, `/reviews/${reviewId}`);
    await expect(manager.getByTestId('review-heading')).toHaveText('Review of Sara Bianchi');
    const c1 = manager.locator('[data-testid="review-competency"][data-code="C.1"]');
    await expect(c1.getByTestId('self-rating')).toHaveText(/^e-2\b/);
    await expect(c1.getByTestId('self-side')).toContainText(`Resolves most tickets at first contact (${suffix})`);
    await manager.getByTestId('review-guide-link').click();
    await expect(manager).toHaveURL(new RegExp(`/reviews/${reviewId}/guide$`));
    await expect(manager.getByTestId('guide-heading')).toHaveText('Sara Bianchi');
    const smpGuide = manager.locator('[data-testid="guide-competency"][data-code="SMP"]');
    await expect(smpGuide.getByTestId('guide-question').first()).not.toBeEmpty();
    await expect(smpGuide).toContainText('Growth target');
    await expect(manager.getByTestId('guide-print')).toBeVisible();
    await expectNoSeriousA11yViolations(manager);
    await manager.getByRole('link', { name: 'Back to the review' }).click();

    // he rates each competency with a rationale, C.1 at e-3, then shares and signs
    for (const code of ['C.1', 'C.4', 'SLMO', 'SMP']) {
      const card = manager.locator(`[data-testid="review-competency"][data-code="${code}"]`);
      await choose(manager, card, 'manager-choice', code === 'C.1' ? /^\s*e-3\b/ : undefined);
      await card.getByTestId('manager-rationale').fill(`Seen in the ${code} work this year (${suffix})`);
    }
    await manager.getByTestId('save-manager').click();
    await expect(manager.getByRole('status').filter({ hasText: 'Your ratings are saved.' })).toBeAttached();
    await expect(c1.getByTestId('manager-rating')).toHaveText(/^e-3\b/);
    await takeStep(manager, 'share');
    await expect(manager.getByTestId('review-state')).toContainText('Discussion');
    await expectNoSeriousA11yViolations(manager);
    await takeStep(manager, 'sign');
    await expect(manager.getByTestId('review-state')).toContainText('Signed by the manager');
    await expect(manager.getByTestId('manager-edit')).toHaveCount(0);

    // Sara reads his ratings beside hers and signs with a comment: the review locks and keeps a snapshot
    await employee.reload();
    await expect(ownC1.getByTestId('manager-rating')).toHaveText(/^e-3\b/);
    await expect(ownC1.getByTestId('self-rating')).toHaveText(/^e-2\b/);
    const comment = `Signed, disagreeing with C.4 (${suffix})`;
    await takeStep(employee, 'sign', comment);
    await expect(employee.getByTestId('review-state')).toContainText('Locked');
    await expect(employee.getByTestId('review-signatures')).toContainText(comment);
    const snapshotLink = employee.getByTestId('review-snapshots').getByRole('link', { name: 'Snapshot 1' });
    await expect(snapshotLink).toBeVisible();
    await expectNoSeriousA11yViolations(employee);

    // at phone width the review still reads and passes axe
    await employee.setViewportSize({ width: 390, height: 844 });
    await expect(employee.getByTestId('review-heading')).toBeVisible();
    await expectNoSeriousA11yViolations(employee);
    await employee.setViewportSize({ width: 1280, height: 800 });

    await snapshotLink.click();
    await expect(employee.getByTestId('snapshot-heading')).toHaveText('Snapshot 1: Sara Bianchi');
    await expect(employee.locator('[data-testid="review-competency"][data-code="C.1"]').getByTestId('manager-rating')).toHaveText(/^e-3\b/);

    // her Competencies tab has the manager level the review signed
    await employee.goto(`/people/${saraId}?tab=competencies`);
    const row = employee.getByTestId('competency-row').and(employee.locator('[data-code="C.1"]'));
    await expect(row.getByTestId('manager-level')).toContainText('e-3');
    // and its progression chart ends with that level
    await row.getByTestId('progression-show').click();
    const progression = employee.getByTestId('progression-detail');
    await expect(progression.locator('canvas')).toBeVisible();
    await progression.getByText('Show the numbers').click();
    await expect(progression.getByTestId('progression-row').last()).toContainText('e-3');
    // and her Reviews tab lists the locked review with a link to it as signed
    await employee.getByRole('tab', { name: 'Reviews' }).click();
    const listed = employee.getByTestId('employee-review').filter({ hasText: `Review journey ${suffix}` });
    await expect(listed).toContainText('Locked on');
    await expect(listed.getByTestId('employee-review-snapshot')).toHaveAttribute('href', `/reviews/${reviewId}/snapshots/latest`);

    await managerContext.close();
    await employeeContext.close();
  });

  test('the interview guide prints on A4 and on Letter: no navigation, every competency on the page', async ({ page, baseURL }) => {
    // Luca's review with Marco, at the discussion in the demo's open cycle
    const manager = await apiSignedInAs(baseURL, DEMO.manager);
    const reviews = await okJson<{ items: { id: string; employee: { name: string } }[] }>(
      await manager.get('/api/reviews?state=discussion'),
    );
    await manager.dispose();
    const luca = reviews.items.find((item) => item.employee.name === 'Luca Esposito');
    expect(luca).toBeDefined();
    await signInAs(page, DEMO.manager, `/reviews/${luca?.id}/guide`);
    const competencies = page.getByTestId('guide-competency');
    await expect(competencies.first()).toBeVisible();
    const count = await competencies.count();

    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
    await expect(page.getByTestId('guide-print')).toBeHidden();
    await expect(competencies).toHaveCount(count);
    // the formats' widths in PDF points
    for (const [format, width] of [
      ['A4', '595'],
      ['Letter', '612'],
    ] as const) {
      const pdf = await page.pdf({ format, printBackground: false });
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      // one page at least per competency (each starts on a new page), none cut sideways: the pages are the format's width
      const pages = Array.from(pdf.toString('latin1').matchAll(/\/Type\s*\/Page[^s]/g));
      expect(pages.length, `${format} pages`).toBeGreaterThanOrEqual(count);
      expect(pdf.toString('latin1')).toMatch(new RegExp(`/MediaBox \\[0 0 ${width}`));
    }
    await page.emulateMedia({ media: 'screen' });
  });

  test('an admin hands a review to another manager in the browser: searched by name, confirmed, and the new manager sees it', async ({
    page,
    baseURL,
  }) => {
    const suffix = uniqueSuffix();
    const admin = await apiSignedInAs(baseURL, DEMO.admin);
    let reviewId: string;
    try {
      const saraId = await personId(admin, DEMO.employee.name);
      const review = await reviewInNewCycle(admin, saraId, `Reassign journey ${suffix}`, false);
      // assigned to her own manager when it opened, not to the demo manager
      expect(review.manager?.name).not.toBe(DEMO.manager.name);
      reviewId = review.id;
    } finally {
      await admin.dispose();
    }

    await signInAs(page, DEMO.admin, `/reviews/${reviewId}`);
    await expect(page.getByTestId('review-heading')).toHaveText('Review of Sara Bianchi');
    await page.getByRole('button', { name: 'Change manager' }).click();
    const dialog = page.getByRole('dialog', { name: 'Change the manager of Sara Bianchi’s review' });
    await dialog.getByRole('combobox', { name: 'New manager' }).fill('Marco');
    await page.getByRole('option', { name: DEMO.manager.name }).click();
    await expect(dialog.getByTestId('reassign-consequences')).toContainText(
      `${DEMO.manager.name} sees the review and takes the manager’s steps`,
    );
    await expectNoSeriousA11yViolations(page);
    await dialog.getByRole('button', { name: `Assign to ${DEMO.manager.name}` }).click();

    await expect(dialog).toHaveCount(0);
    await expect(page.getByText(`reviewed by ${DEMO.manager.name}`)).toBeVisible();
    await expect(page.getByTestId('review-history')).toContainText(`Reassigned by ${DEMO.admin.name}`);

    // the new manager sees it as the reviewing manager
    const manager = await apiSignedInAs(baseURL, DEMO.manager);
    try {
      const seen = await okJson<{ viewer: string; manager?: { name: string } }>(await manager.get(`/api/reviews/${reviewId}`));
      expect(seen).toMatchObject({ viewer: 'manager', manager: { name: DEMO.manager.name } });
    } finally {
      await manager.dispose();
    }
  });

  test("a manager narrows the reviews list to last year's cycle and sees only its reviews", async ({ page }) => {
    const lastYear = `${new Date().getUTCFullYear() - 1} annual review`;
    await signInAs(page, DEMO.manager, '/reviews');
    await expect(page.getByTestId('review-item').first()).toBeVisible();
    await page.getByTestId('review-cycle-filter').click();
    await page.getByRole('option', { name: lastYear, exact: true }).click();
    await expect(page).toHaveURL(/[?&]cycleId=/);
    const titles = page.getByTestId('review-item').locator('.review-title');
    await expect(titles.first()).toContainText(lastYear);
    for (const title of await titles.allTextContents()) expect(title).toContain(lastYear);
    await expectNoSeriousA11yViolations(page);
  });

  test("a manager lists one person's reviews, as the employee page links to them, then removes the filter", async ({ page, baseURL }) => {
    const admin = await apiSignedInAs(baseURL, DEMO.admin);
    const saraId = await personId(admin, 'Sara Bianchi').finally(() => admin.dispose());
    await signInAs(page, DEMO.manager, `/reviews?employeeId=${saraId}`);
    const chip = page.getByTestId('review-employee-filter');
    await expect(chip).toContainText('Employee: Sara Bianchi');
    // each review's first line of detail starts with the person's name
    const firstLines = page.getByTestId('review-item').locator('p.meta:first-of-type');
    await expect(firstLines.first()).toContainText('Sara Bianchi ·');
    for (const line of await firstLines.allTextContents()) expect(line.trim()).toMatch(/^Sara Bianchi ·/);
    await expectNoSeriousA11yViolations(page);

    await chip.getByRole('button', { name: 'Remove the filter Employee: Sara Bianchi' }).click();
    await expect(page).not.toHaveURL(/employeeId=/);
    await expect(chip).toHaveCount(0);
    await expect(firstLines.filter({ hasNotText: /^\s*Sara Bianchi ·/ }).first()).toBeVisible();
  });
});
