import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/accessibility';
import { expectRefused } from './support/access';
import { apiSignedInAs, DEMO, signInAs } from './support/session';
import { uniqueSuffix } from './support/unique';

test.describe('organisation administration', () => {
  test('an admin adds a team, adds a person to it with a manager, edits them and finds the change in the audit log', async ({ page }) => {
    const suffix = uniqueSuffix();
    const teamName = `Field Ops ${suffix}`;
    const personName = `Nora Field ${suffix}`;
    await signInAs(page, DEMO.admin);
    const nav = page.getByRole('navigation', { name: 'Main' });

    // a new top-level team
    await nav.getByRole('link', { name: 'Teams' }).click();
    await page.getByRole('button', { name: 'Add a top-level team' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a team' });
    await dialog.getByLabel('Name').fill(teamName);
    await dialog.getByRole('button', { name: 'Add team' }).click();
    await expect(dialog).toHaveCount(0);
    await expect(page.getByTestId('teams-status')).toHaveText(`${teamName} added.`);
    await expect(page.getByRole('treeitem', { name: new RegExp(`^${teamName}`) })).toContainText('No members');
    await expectNoSeriousA11yViolations(page);

    // a new person in it, reporting to Nadia (outside the demo manager's line, which people.spec counts)
    await nav.getByRole('link', { name: 'People', exact: true }).click();
    await page.getByRole('link', { name: 'New person' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Add a person' })).toBeVisible();
    await page.getByLabel('Name').fill(personName);
    await page.getByLabel('Email').fill(`nora.${suffix}@example.org`);
    await page.getByLabel('Job title').fill('Field Engineer');
    await page.getByRole('combobox', { name: 'Team' }).click();
    await page.getByRole('option', { name: teamName }).click();
    await page.getByRole('combobox', { name: 'Manager' }).fill('Nadia');
    await page.getByRole('option', { name: 'Nadia Petrova' }).click();
    await expect(page.getByRole('combobox', { name: 'Manager' })).toHaveValue('Nadia Petrova');
    await expectNoSeriousA11yViolations(page);
    await page.getByRole('button', { name: 'Add person' }).click();

    await expect(page.getByRole('heading', { level: 1, name: personName })).toBeVisible();
    const personId = String(new URL(page.url()).pathname.split('/').pop());
    await expect(page.getByTestId('employee-team')).toHaveText(teamName);
    await expect(page.getByTestId('employee-manager')).toHaveText('Nadia Petrova');

    // the email must be unique: the API's refusal shows next to the field
    await page.getByRole('link', { name: 'Edit' }).click();
    await expect(page.getByRole('heading', { level: 1, name: `Edit ${personName}` })).toBeVisible();
    await page.getByLabel('Email').fill('sara.bianchi@demo.proficio.local');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.getByText('Email is already used by another employee')).toBeVisible();
    await page.getByLabel('Email').fill(`nora.${suffix}@example.org`);

    // a new job title
    await page.getByLabel('Job title').fill('Senior Field Engineer');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.getByRole('heading', { level: 1, name: personName })).toBeVisible();
    await expect(page.getByTestId('employee-header')).toContainText('Senior Field Engineer');

    // the audit log has the change, with before and after
    await nav.getByRole('link', { name: 'Audit log' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible();
    await page.getByRole('searchbox', { name: 'Record id' }).fill(personId);
    await expect(page).toHaveURL(new RegExp(`entityId=${personId}`));
    const rows = page.locator('tr[data-event-id]');
    await expect(rows).toHaveCount(2);
    await expect(rows.first()).toContainText('Changed');
    await expect(rows.first()).toContainText(DEMO.admin.email);
    await expect(rows.nth(1)).toContainText('Created');
    await rows.first().getByRole('button', { name: /Show/ }).click();
    const change = page.getByTestId('audit-detail').first().locator('.changes tbody tr');
    await expect(change).toHaveCount(1);
    await expect(change.first()).toHaveText(/jobTitle\s*Field Engineer\s*Senior Field Engineer/);
    await expectNoSeriousA11yViolations(page);
  });

  test('a manager sees no controls to change people and cannot reach the audit log', async ({ page, baseURL }) => {
    await signInAs(page, DEMO.manager);
    const nav = page.getByRole('navigation', { name: 'Main' });
    // the menu has rendered (with his Teams) before the missing entry is checked
    await expect(nav.getByRole('link', { name: 'Teams' })).toBeVisible();
    await expect(nav.getByRole('link', { name: 'Audit log' })).toHaveCount(0);

    await nav.getByRole('link', { name: 'People', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Your reporting line' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'New person' })).toHaveCount(0);
    await page.getByRole('table').getByRole('link', { name: 'Sara Bianchi' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Sara Bianchi' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Edit' })).toHaveCount(0);

    await nav.getByRole('link', { name: 'Teams' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Teams' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Add a top-level team' })).toHaveCount(0);

    await expectRefused(page, '/audit-events');
    await expectRefused(page, '/people/new');

    // and the API itself refuses
    const api = await apiSignedInAs(baseURL, DEMO.manager);
    expect((await api.get('/api/audit-events')).status()).toBe(403);
    expect((await api.post('/api/teams', { data: { name: 'Mine' } })).status()).toBe(403);
    await api.dispose();
  });
});
