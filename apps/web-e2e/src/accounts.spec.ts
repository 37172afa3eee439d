import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/accessibility';
import { apiSignedInAs, DEMO, okJson, signInAs } from './support/session';
import { uniqueSuffix } from './support/unique';

test.describe('sign-in accounts', () => {
  /** A new person of this journey's own, with no sign-in account yet. */
  let AISHA: { name: string; email: string };

  test.beforeAll(async ({ baseURL }) => {
    const suffix = uniqueSuffix();
    AISHA = { name: `Aisha Account ${suffix}`, email: `aisha.account.${suffix}@e2e.test` };
    const admin = await apiSignedInAs(baseURL, DEMO.admin);
    await okJson(await admin.post('/api/employees', { data: { ...AISHA, jobTitle: 'Service Desk Analyst' } }), 201);
    await admin.dispose();
  });

  test('an admin gives a new person a login; she signs in with the temporary password and must choose her own', async ({
    page,
    context,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);

    // the admin opens Aisha, who has no account yet
    await signInAs(page, DEMO.admin, '/people');
    await page.getByRole('searchbox', { name: /search people/i }).fill(AISHA.name);
    // wait for the search to apply: a click before it would be overtaken by the search's navigation
    await expect(page.getByRole('table').getByRole('link')).toHaveText([AISHA.name]);
    await page.getByRole('table').getByRole('link', { name: AISHA.name }).click();
    await expect(page.getByRole('heading', { level: 1, name: AISHA.name })).toBeVisible();
    const account = page.getByRole('region', { name: 'Sign-in account' });
    await expect(account.getByTestId('account-facts')).toHaveText('No sign-in account: cannot sign in');
    await expectNoSeriousA11yViolations(page);

    // creates it and reads the temporary password, shown once
    await account.getByRole('button', { name: 'Create sign-in account' }).click();
    const dialog = page.getByRole('dialog', { name: `Temporary password for ${AISHA.name}` });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText('It will not be shown again.');
    await expect(dialog).toContainText(AISHA.email);
    const temporaryPassword = ((await dialog.getByTestId('temporary-password').textContent()) ?? '').trim();
    expect(temporaryPassword).toMatch(/^[A-HJ-NP-Za-km-z2-9]{4}(-[A-HJ-NP-Za-km-z2-9]{4}){3}$/);
    await dialog.getByRole('button', { name: 'Copy password' }).click();
    await expect(dialog.getByRole('status')).toHaveText('Copied to the clipboard.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(temporaryPassword);
    await expectNoSeriousA11yViolations(page);
    await dialog.getByRole('button', { name: 'Done' }).click();
    await expect(dialog).toBeHidden();
    await expect(account.getByTestId('account-facts').getByRole('listitem')).toHaveText([
      'Active: can sign in',
      'Must choose a new password at the next sign-in',
    ]);
    await expect(account.getByRole('button', { name: 'Reset password…' })).toBeVisible();

    // the admin signs out
    await page.getByRole('button', { name: new RegExp(DEMO.admin.name) }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/sign-in/);

    // Aisha signs in with it and is sent to choose a new password, wherever she tries to go
    await signInAs(page, { email: AISHA.email, password: temporaryPassword });
    await expect(page).toHaveURL(/\/account\/password$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Choose a new password' })).toBeVisible();
    await expect(page.getByTestId('password-must-change')).toContainText('Choose a new password to continue.');
    await expectNoSeriousA11yViolations(page);
    await page.goto('/frameworks');
    await expect(page).toHaveURL(/\/account\/password$/);

    await page.getByLabel('Current password').fill(temporaryPassword);
    await page.getByLabel('New password', { exact: true }).fill('aisha chose this passphrase');
    await page.getByLabel('Confirm new password').fill('aisha chose this passphrase');
    await page.getByTestId('change-password-submit').click();

    // she lands in the app, signed in, and can go where she likes
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByRole('heading', { level: 1, name: `Welcome, ${AISHA.name}` })).toBeVisible();
    await expect(page.getByRole('button', { name: new RegExp(AISHA.name) })).toBeVisible();
    await page.goto('/frameworks');
    await expect(page.getByRole('heading', { level: 1, name: 'Frameworks' })).toBeVisible();

    // the temporary password no longer works; her own does
    const api = await page.context().request;
    expect((await api.post('/api/auth/sign-in', { data: { email: AISHA.email, password: temporaryPassword } })).status()).toBe(401);
    const own = await api.post('/api/auth/sign-in', { data: { email: AISHA.email, password: 'aisha chose this passphrase' } });
    expect(own.status()).toBe(200);
    expect(((await own.json()) as { user: { passwordMustChange: boolean } }).user.passwordMustChange).toBe(false);
  });
});
