import { APIRequestContext, expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/accessibility';
import { PHONE, expectNoSidewaysScroll } from './support/layout';
import { DEMO, apiSignedInAs, okJson, signInAs } from './support/session';
import { uniqueSuffix } from './support/unique';

interface TeamNode {
  id: string;
  name: string;
  children: TeamNode[];
}

/** The demo organisation's Service Desk team (no journey adds anyone to it). */
async function serviceDesk(api: APIRequestContext): Promise<TeamNode> {
  const find = (teams: TeamNode[]): TeamNode | undefined =>
    teams.map((team) => (team.name === 'Service Desk' ? team : find(team.children))).find(Boolean);
  const team = find(await okJson<TeamNode[]>(await api.get('/api/teams')));
  expect(team, 'the demo team Service Desk').toBeDefined();
  return team as TeamNode;
}

/** A draft cycle for Service Desk, made through the API. */
async function draftCycle(api: APIRequestContext, name: string): Promise<{ id: string }> {
  const team = await serviceDesk(api);
  return okJson<{ id: string }>(
    await api.post('/api/review-cycles', {
      data: {
        name,
        periodStart: '2027-01-01',
        periodEnd: '2027-12-31',
        selfDue: '2028-01-15',
        managerDue: '2028-01-31',
        participants: { kind: 'team', teamId: team.id },
        includeTargetRole: false,
      },
    }),
    201,
  );
}

test.describe('review cycles', () => {
  test('an admin creates a cycle for Service Desk, sees who it includes, opens it and finds its reviews not started', async ({
    page,
    baseURL,
  }) => {
    const name = `Annual review ${uniqueSuffix()}`;
    const admin = await apiSignedInAs(baseURL, DEMO.admin);
    const desk = await serviceDesk(admin);
    const members = await okJson<{ total: number }>(await admin.get(`/api/employees?teamId=${desk.id}&status=active&pageSize=1`));
    await admin.dispose();
    expect(members.total).toBeGreaterThan(0);

    await signInAs(page, DEMO.admin);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Review cycles' }).click();
    await expect(page).toHaveURL(/\/review-cycles$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Review cycles' })).toBeVisible();
    await expect(page.getByTestId('review-cycles-loading')).toHaveCount(0);
    await expectNoSeriousA11yViolations(page);

    await page.getByRole('link', { name: 'New cycle' }).first().click();
    await expect(page.getByRole('heading', { level: 1, name: 'New review cycle' })).toBeVisible();
    await page.getByLabel('Name').fill(name);
    // ISO dates read the same in every locale
    await page.getByLabel('Start of the period').fill('2027-01-01');
    await page.getByLabel('End of the period').fill('2027-12-31');
    await page.getByLabel('Self-assessment deadline').fill('2028-01-15');
    await page.getByLabel('Manager assessment deadline').fill('2028-01-31');
    await expect(page.getByRole('radio', { name: 'A team with its sub-teams' })).toBeChecked();
    await page.getByRole('combobox', { name: 'Team' }).click();
    await page.getByRole('option', { name: 'Service Desk', exact: true }).click();
    await expectNoSeriousA11yViolations(page);
    await page.getByRole('button', { name: 'Create cycle' }).click();

    // the draft: who opening it would include
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
    await expect(page.getByTestId('cycle-status')).toHaveText('Draft');
    await expect(page.getByText('Team Service Desk and its sub-teams')).toBeVisible();
    await expect(page.getByTestId('preview-participants')).toHaveText(String(members.total));
    await expect(page.getByTestId('cycle-preview-sample').getByText('Sara Bianchi')).toBeVisible();
    await expectNoSeriousA11yViolations(page);

    await page.getByRole('button', { name: 'Open cycle' }).click();
    const confirm = page.getByRole('dialog', { name: `Open ${name}?` });
    await expect(confirm).toContainText(`Opening creates ${members.total} reviews now.`);
    await confirm.getByRole('button', { name: `Open and create ${members.total} reviews` }).click();

    await expect(page.getByTestId('cycle-status')).toHaveText('Open');
    await expect(page.getByTestId('cycle-state-counts').getByText(`Not started: ${members.total}`)).toBeVisible();
    await expect(page.getByText(`0 of ${members.total} reviews done`)).toBeVisible();
    // its progress over time: a small chart, loaded once the section scrolls into view, with its numbers in a table for
    // screen readers (opened today: one day, nobody past the self-assessment yet)
    await page.getByRole('heading', { level: 2, name: 'Reviews', exact: true }).scrollIntoViewIfNeeded();
    const overTime = page.getByRole('figure', { name: /^Over time/ });
    await expect(overTime).toContainText(`Now 0 of ${members.total} reviews past the self-assessment and 0 locked.`);
    await expect(overTime.getByRole('img', { name: /^Line chart of the reviews past the self-assessment/ })).toBeVisible();
    await expect(overTime.getByRole('table').getByRole('row')).toHaveCount(2);
    const reviews = page.getByRole('region', { name: 'Reviews table' });
    await expect(reviews.getByRole('row').filter({ has: page.getByRole('cell') })).toHaveCount(Math.min(members.total, 25));
    await expect(reviews.getByRole('link', { name: 'Sara Bianchi' })).toHaveAttribute('href', /^\/reviews\/[0-9a-f-]{36}$/);
    await expectNoSeriousA11yViolations(page);

    // the list shows it open, with nothing done yet
    await page.getByRole('link', { name: 'Review cycles' }).first().click();
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name }) });
    await expect(row).toContainText('Open');
    await expect(row).toContainText(`0 of ${members.total}`);
  });

  test('a half-filled form says what each field needs, and a taken name is refused on its field', async ({ page, baseURL }) => {
    const taken = `Taken review ${uniqueSuffix()}`;
    const admin = await apiSignedInAs(baseURL, DEMO.admin);
    await draftCycle(admin, taken);
    await admin.dispose();

    await signInAs(page, DEMO.admin, '/review-cycles/new');
    await expect(page.getByRole('heading', { level: 1, name: 'New review cycle' })).toBeVisible();
    await page.getByLabel('Name').fill(taken);
    await page.getByLabel('Start of the period').fill('2027-06-01');
    await page.getByLabel('End of the period').fill('2027-05-01');
    await page.getByRole('button', { name: 'Create cycle' }).click();
    await expect(page.getByText('The period cannot end before it starts')).toBeVisible();
    await expect(page.getByText('Enter when people rate themselves by')).toBeVisible();
    await expect(page.getByText('Enter when managers rate by')).toBeVisible();
    await expect(page.getByText('Choose a team')).toBeVisible();
    await expectNoSeriousA11yViolations(page);

    await page.getByLabel('End of the period').fill('2027-12-31');
    await page.getByLabel('Self-assessment deadline').fill('2028-01-15');
    await page.getByLabel('Manager assessment deadline').fill('2028-01-31');
    await page.getByRole('combobox', { name: 'Team' }).click();
    await page.getByRole('option', { name: 'Service Desk', exact: true }).click();
    await page.getByRole('button', { name: 'Create cycle' }).click();
    await expect(page.getByText('Name is already used by another review cycle')).toBeVisible();
    await expect(page).toHaveURL(/\/review-cycles\/new$/);
  });

  test('a manager follows the demo cycle under way for his line: counts and reviews, none of the administrators’ controls', async ({
    page,
  }) => {
    await signInAs(page, DEMO.manager);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Review cycles' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Review cycles' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'New cycle' })).toHaveCount(0);
    const year = new Date().getUTCFullYear();
    await page.getByRole('link', { name: `${year} annual review` }).click();
    await expect(page.getByRole('heading', { level: 1, name: `${year} annual review` })).toBeVisible();
    await expect(page.getByTestId('cycle-state-counts')).toContainText('Discussion: 1');
    // Luca's review with Marco at the discussion is in his list, to act on
    await expect(
      page.locator('tr[data-review-id]').filter({ has: page.getByRole('link', { name: 'Luca Esposito', exact: true }) }),
    ).toContainText('Discussion');
    await expect(page.getByRole('button', { name: 'Close cycle' })).toHaveCount(0);
    await expect(page.getByRole('link', { name: 'Edit name and dates' })).toHaveCount(0);
    await expectNoSeriousA11yViolations(page);
  });

  test.describe('on a phone', () => {
    test.use({ viewport: PHONE });

    test('the list, the form and a cycle fit the width of the screen', async ({ page, baseURL }) => {
      const name = `Phone review ${uniqueSuffix()}`;
      const admin = await apiSignedInAs(baseURL, DEMO.admin);
      const cycle = await draftCycle(admin, name);
      await admin.dispose();

      await signInAs(page, DEMO.admin, '/review-cycles');
      await expect(page.getByRole('heading', { level: 1, name: 'Review cycles' })).toBeVisible();
      await expect(page.getByRole('link', { name }).first()).toBeAttached();
      await expectNoSidewaysScroll(page);

      await page.goto('/review-cycles/new');
      await expect(page.getByLabel('Manager assessment deadline')).toBeVisible();
      await page.getByRole('radio', { name: 'People picked by hand' }).check();
      await page.getByTestId('people-search').fill('Sara');
      await page.getByRole('option', { name: 'Sara Bianchi' }).click();
      await expect(page.locator('mat-chip-row', { hasText: 'Sara Bianchi' })).toBeVisible();
      await expectNoSidewaysScroll(page);

      await page.goto(`/review-cycles/${cycle.id}`);
      await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
      await expect(page.getByTestId('preview-participants')).toBeVisible();
      await expectNoSidewaysScroll(page);
      await expectNoSeriousA11yViolations(page);
    });
  });
});
