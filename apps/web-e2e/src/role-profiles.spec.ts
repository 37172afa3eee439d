import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/accessibility';
import { apiSignedInAs, DEMO, okJson, signInAs } from './support/session';
import { uniqueSuffix } from './support/unique';

interface CompetencyHit {
  id: string;
  code: string;
  title: { text: string };
  levels: number[];
}

/** The one competency with this code and title, as the API finds it. */
async function competency(api: Awaited<ReturnType<typeof apiSignedInAs>>, code: string, title: string): Promise<CompetencyHit> {
  const page = await okJson<{ items: CompetencyHit[] }>(await api.get(`/api/competencies?q=${encodeURIComponent(code)}&pageSize=50`));
  const hits = page.items.filter((hit) => hit.code === code && hit.title.text === title);
  expect(hits, `competency ${code} ${title}`).toHaveLength(1);
  return hits[0];
}

test.describe('role profiles', () => {
  test('an admin builds a Service Desk Team Lead profile from e-CF and SFIA competencies, seeing each level’s description, and publishes it', async ({
    page,
  }) => {
    const profileName = `Service Desk Team Lead ${uniqueSuffix()}`;
    await signInAs(page, DEMO.admin);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Role profiles' }).click();
    await expect(page).toHaveURL(/\/role-profiles$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Role profiles' })).toBeVisible();
    await expectNoSeriousA11yViolations(page);

    await page.getByRole('button', { name: 'New role profile' }).click();
    const nameDialog = page.getByRole('dialog', { name: 'New role profile' });
    await nameDialog.getByLabel('Name').fill(profileName);
    await nameDialog.getByLabel('Description (optional)').fill('First line of support for the service desk.');
    await nameDialog.getByRole('button', { name: 'Create' }).click();
    await expect(page.getByRole('heading', { level: 1, name: profileName })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Editing the draft of version 1' })).toBeVisible();

    // e-CF C.1 User Support at e-2, chosen with the level descriptions in view
    await page.getByRole('button', { name: 'Add a competency' }).click();
    const picker = page.getByRole('dialog', { name: 'Add a competency' });
    await picker.getByRole('searchbox', { name: 'Search competencies' }).fill('C.1');
    await picker.getByRole('button', { name: /C\.1 User Support/ }).click();
    await expect(picker.getByRole('radio', { name: /e-2.*Systematically interprets user problems/ })).toBeVisible();
    await expect(picker.getByRole('radio', { name: /e-3.*Manages the support process/ })).toBeVisible();
    await picker.getByRole('radio', { name: /^e-2/ }).check();
    await expectNoSeriousA11yViolations(page);
    await picker.getByRole('button', { name: 'Add to the draft' }).click();
    await expect(picker).toHaveCount(0);

    // SFIA ITMG at level 5 "Ensure, advise", nice to have
    await page.getByRole('button', { name: 'Add a competency' }).click();
    await picker.getByRole('searchbox', { name: 'Search competencies' }).fill('ITMG');
    await picker.getByRole('button', { name: /ITMG Technology service management/ }).click();
    await expect(picker.getByRole('radio', { name: /5 · Ensure, advise.*Takes responsibility/ })).toBeVisible();
    await picker.getByRole('radio', { name: /^5 · Ensure, advise/ }).check();
    await picker.getByRole('radio', { name: 'Nice to have' }).click();
    await picker.getByRole('button', { name: 'Add to the draft' }).click();

    const userSupport = page.locator('[data-competency-code="C.1"]');
    await expect(userSupport.locator('.target-level')).toHaveText('Target: e-2');
    await expect(userSupport.locator('.target-description')).toContainText('Systematically interprets user problems');
    await expect(page.locator('[data-competency-code="ITMG"] .target-level')).toHaveText('Target: 5 · Ensure, advise');
    await expect(page.getByRole('heading', { level: 2, name: /SFIA/ })).toBeVisible();
    await expectNoSeriousA11yViolations(page);

    await page.getByRole('button', { name: 'Save the draft' }).click();
    await expect(page.getByTestId('role-profile-message')).toHaveText('The draft is saved.');
    await page.getByRole('button', { name: 'Publish' }).click();
    const confirm = page.getByRole('dialog', { name: 'Publish version 1?' });
    await confirm.getByRole('button', { name: 'Publish' }).click();
    await expect(page.getByTestId('role-profile-message')).toHaveText('Version 1 is published.');
    await expect(page.getByRole('button', { name: 'Start a new version' })).toBeVisible();

    await page.getByRole('link', { name: 'Role profiles' }).first().click();
    await page.getByRole('searchbox', { name: 'Search role profiles' }).fill(profileName.toLowerCase());
    await expect(page).toHaveURL(/[?&]q=service/);
    const row = page.getByRole('row', { name: new RegExp(profileName) });
    await expect(row).toContainText('Version 1');
    await expect(row).toContainText('1 required, 1 nice to have');
  });

  test.describe('as an employee', () => {
    /** A published profile and a draft-only one, made for this test through the API. */
    let published: { id: string; name: string };
    let draftOnly: { id: string; name: string };
    /** In both names, and in no other journey's. */
    const suffix = uniqueSuffix();

    test.beforeAll(async ({ baseURL }) => {
      const admin = await apiSignedInAs(baseURL, DEMO.admin);
      const userSupport = await competency(admin, 'C.1', 'User Support');
      const itmg = await competency(admin, 'ITMG', 'Technology service management');
      published = await okJson(
        await admin.post('/api/role-profiles', {
          data: {
            name: `Desk Lead to read ${suffix}`,
            description: 'First line of support for the service desk.',
            requirements: [
              { competencyId: userSupport.id, targetLevel: 2, required: true },
              { competencyId: itmg.id, targetLevel: 5, required: false },
            ],
          },
        }),
        201,
      );
      await okJson(await admin.post(`/api/role-profiles/${published.id}/draft/publish`));
      draftOnly = await okJson(
        await admin.post('/api/role-profiles', {
          data: { name: `Unpublished draft ${suffix}`, requirements: [{ competencyId: itmg.id, targetLevel: 6 }] },
        }),
        201,
      );
      await admin.dispose();
    });

    test('reads a published profile without any edit controls, and the API refuses her edits', async ({ page, baseURL }) => {
      await signInAs(page, DEMO.employee);
      await page.goto(`/role-profiles?q=${encodeURIComponent(published.name)}`);
      await expect(page.getByRole('heading', { level: 1, name: 'Role profiles' })).toBeVisible();
      // the list has rendered (her profile is in it) before the missing button is checked
      await expect(page.getByRole('link', { name: published.name })).toBeVisible();
      await expect(page.getByRole('button', { name: 'New role profile' })).toHaveCount(0);
      await page.getByRole('link', { name: published.name }).click();

      await expect(page.getByRole('heading', { level: 1, name: published.name })).toBeVisible();
      const userSupport = page.locator('[data-competency-code="C.1"]');
      await expect(userSupport).toContainText('Required');
      await expect(userSupport.locator('.target-description')).toContainText('Systematically interprets user problems');
      await expect(page.locator('[data-competency-code="ITMG"]')).toContainText('Nice to have');
      for (const name of ['Rename', 'Copy', 'Archive', 'Add a competency', 'Save the draft', 'Publish', 'Start a new version']) {
        await expect(page.getByRole('button', { name, exact: true })).toHaveCount(0);
      }
      await expectNoSeriousA11yViolations(page);

      const api = await apiSignedInAs(baseURL, DEMO.employee);
      expect((await api.patch(`/api/role-profiles/${published.id}`, { data: { name: 'Renamed by an employee' } })).status()).toBe(403);
      expect((await api.post(`/api/role-profiles/${published.id}/versions`)).status()).toBe(403);
      await api.dispose();
    });

    test('is told a draft-only profile does not exist', async ({ page }) => {
      await signInAs(page, DEMO.employee);
      await page.goto(`/role-profiles/${draftOnly.id}`);
      await expect(page.getByRole('heading', { level: 1, name: 'Role profile not found' })).toBeVisible();
      await expect(page.getByText(draftOnly.name)).toHaveCount(0);
      // the list of both profiles' shared suffix has only the published one
      await page.goto(`/role-profiles?q=${suffix}`);
      await expect(page.getByRole('heading', { level: 1, name: 'Role profiles' })).toBeVisible();
      await expect(page.getByRole('table').getByRole('link')).toHaveText([published.name]);
    });
  });
});
