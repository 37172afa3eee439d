import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/accessibility';
import { downloadBy } from './support/download';
import { apiSignedInAs, DEMO, okJson, signInAs } from './support/session';
import { uniqueSuffix } from './support/unique';

test.describe('your data', () => {
  test('an employee downloads everything Proficio holds about them as JSON', async ({ page }) => {
    await signInAs(page, DEMO.employee);
    await page.getByTestId('me-menu-trigger').click();
    await page.getByRole('menuitem', { name: 'Your data' }).click();

    await expect(page).toHaveURL(/\/account\/data$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Your data' })).toBeVisible();
    await expectNoSeriousA11yViolations(page);

    const download = await downloadBy(page, () => page.getByRole('button', { name: 'Download my data' }).click());
    expect(download.filename).toMatch(/^proficio-sara-bianchi-\d{4}-\d{2}-\d{2}\.json$/);

    const data = JSON.parse(download.text) as {
      schemaVersion: number;
      sections: { account: { email: string }; employee: { name: string; email: string; manager?: { name: string } } };
    };
    expect(data.schemaVersion).toBe(1);
    expect(data.sections.account.email).toBe(DEMO.employee.email);
    expect(data.sections.employee).toMatchObject({ name: 'Sara Bianchi', email: DEMO.employee.email, manager: { name: 'Luca Esposito' } });
    expect(JSON.stringify(data)).not.toMatch(/argon2|password_?hash|token_?hash/i);

    await expect(page.getByTestId('data-downloaded')).toContainText(download.filename);
    await expectNoSeriousA11yViolations(page);
  });

  test('an admin downloads the data of a person from their page', async ({ page, baseURL }) => {
    const suffix = uniqueSuffix();
    const person = { name: `Pia Privacy ${suffix}`, email: `pia.privacy.${suffix}@e2e.test`, jobTitle: 'Records Officer' };
    const admin = await apiSignedInAs(baseURL, DEMO.admin);
    const created = await okJson<{ id: string }>(await admin.post('/api/employees', { data: person }), 201);
    await admin.dispose();

    await signInAs(page, DEMO.admin, `/people/${created.id}`);
    await expect(page.getByRole('heading', { level: 1, name: person.name })).toBeVisible();
    const download = await downloadBy(page, () => page.getByRole('button', { name: 'Download data' }).click());
    expect(download.filename).toMatch(new RegExp(`^proficio-pia-privacy-${suffix}-\\d{4}-\\d{2}-\\d{2}\\.json$`));
    const data = JSON.parse(download.text) as {
      schemaVersion: number;
      sections: {
        account: unknown;
        employee: { id: string; name: string; email: string; jobTitle: string };
        auditEvents: { about: { entityId?: string; action: string }[] };
      };
    };
    expect(data.schemaVersion).toBe(1);
    expect(data.sections.employee).toMatchObject({ id: created.id, ...person });
    expect(data.sections.account).toBeNull();
    // the record of the admin creating her is part of it
    expect(data.sections.auditEvents.about.filter((event) => event.entityId === created.id).length).toBeGreaterThan(0);
    await expect(page.getByTestId('employee-data-status')).toHaveText(`Downloaded ${download.filename}.`);
    await expectNoSeriousA11yViolations(page);

    // the API refuses the same download to a manager, even for someone in his own line
    const manager = await apiSignedInAs(baseURL, DEMO.manager);
    const sara = (await okJson<{ items: { id: string; name: string }[] }>(await manager.get('/api/employees?q=Sara%20Bianchi'))).items[0];
    expect(sara?.name).toBe('Sara Bianchi');
    expect((await manager.get(`/api/employees/${sara.id}/export`)).status()).toBe(403);
    await manager.dispose();
  });
});
