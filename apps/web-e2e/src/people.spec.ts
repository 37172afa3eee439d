import { expect, test } from '@playwright/test';
import { expectRefused } from './support/access';
import { expectNoSeriousA11yViolations } from './support/accessibility';
import { apiSignedInAs, DEMO, okJson, signInAs } from './support/session';

test.describe('people directory, employee page and team tree', () => {
  test('a manager sees exactly their reporting line and opens an indirect report', async ({ page }) => {
    await signInAs(page, DEMO.manager);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People' }).click();

    await expect(page).toHaveURL(/\/people$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Your reporting line' })).toBeVisible();
    const names = page.getByRole('table').getByRole('link');
    await expect(names).toHaveText(['Aisha Khan', 'Luca Esposito', 'Marco Rossi', 'Sara Bianchi', 'Tom Becker']);
    await expect(page.getByText('Nadia Petrova')).toHaveCount(0);
    await expectNoSeriousA11yViolations(page);

    // the search goes into the URL and narrows the list
    await page.getByRole('searchbox', { name: /search people/i }).fill('sara');
    await expect(page).toHaveURL(/[?&]q=sara/);
    await expect(names).toHaveText(['Sara Bianchi']);

    await names.first().click();
    await expect(page.getByRole('heading', { level: 1, name: 'Sara Bianchi' })).toBeVisible();
    await expect(page.getByTestId('employee-manager').getByRole('link', { name: 'Luca Esposito' })).toBeVisible();
    await expect(page.getByTestId('employee-team')).toHaveText('Service Desk');
    await expect(page.getByTestId('employee-relation')).toHaveText('You manage Sara Bianchi through Luca Esposito.');
    // Sara has no reports: no Reports tab
    await expect(page.getByRole('tab')).toHaveText(['Overview', 'Competencies', 'Evidence', 'Reviews']);
    await expect(page.getByTestId('employee-overview')).toContainText('sara.bianchi@demo.proficio.local');
    await expectNoSeriousA11yViolations(page);

    // by keyboard: to her manager, then his reports tab
    await page.getByTestId('employee-manager').getByRole('link', { name: 'Luca Esposito' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'Luca Esposito' })).toBeVisible();
    await page.getByRole('tab', { name: 'Overview' }).focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/[?&]tab=reports/);
    const reports = page.getByTestId('employee-reports');
    await expect(reports.getByRole('link')).toHaveText(['Sara Bianchi', 'Tom Becker']);
    await expect(page.getByTestId('report-count')).toContainText('2 people report to Luca Esposito');
    await expectNoSeriousA11yViolations(page);
  });

  test('an employee sees only themselves: no People or Teams, no directory, and a colleague is not found', async ({ page, baseURL }) => {
    // Tom's id, as the admin (who sees everyone) finds him
    const admin = await apiSignedInAs(baseURL, DEMO.admin);
    const found = await okJson<{ items: { id: string; name: string }[] }>(await admin.get('/api/employees?q=Tom%20Becker'));
    const tom = found.items[0];
    expect(tom?.name).toBe('Tom Becker');
    await admin.dispose();

    // the UI hides what she may not use
    await signInAs(page, DEMO.employee);
    const nav = page.getByRole('navigation', { name: 'Main' });
    await expect(nav.getByRole('link', { name: 'My profile' })).toBeVisible();
    await expect(nav.getByRole('link', { name: 'People' })).toHaveCount(0);
    await expect(nav.getByRole('link', { name: 'Teams' })).toHaveCount(0);

    await nav.getByRole('link', { name: 'My profile' }).click();
    await expect(page.getByRole('heading', { level: 1, name: DEMO.employee.name })).toBeVisible();
    await expect(page.getByTestId('employee-access')).toHaveText('This is you');
    // her manager is named, but his page is not hers to open
    await expect(page.getByTestId('employee-manager')).toHaveText('Luca Esposito');
    await expect(page.getByTestId('employee-manager').getByRole('link')).toHaveCount(0);
    await expectNoSeriousA11yViolations(page);

    await expectRefused(page, '/people');
    await expectRefused(page, '/teams');

    // the API answers her browser's request for Tom with 404, as for an id that does not exist, and the page says why
    const answer = page.waitForResponse((response) => response.url().endsWith(`/api/employees/${tom.id}`));
    await page.goto(`/people/${tom.id}`);
    expect((await answer).status()).toBe(404);
    await expect(page.getByTestId('employee-not-found')).toContainText('yourself and the people who report to you');
    await expect(page.getByText('Tom Becker')).toHaveCount(0);
  });

  test('the team tree shows each team with its members and opens a team in the directory', async ({ page }) => {
    await signInAs(page, DEMO.manager);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Teams' }).click();

    await expect(page.getByRole('heading', { level: 1, name: 'Teams' })).toBeVisible();
    const desk = page.getByRole('treeitem', { name: /^Service Desk/ });
    await expect(desk).toContainText('3 members');
    await expect(page.getByRole('treeitem', { name: /^IT Services/ })).toHaveAttribute('aria-expanded', 'true');
    await expectNoSeriousA11yViolations(page);

    // by keyboard: Enter on a team opens its people
    await desk.focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/people\?teamId=[0-9a-f-]+$/);
    await expect(page.getByRole('table').getByRole('link')).toHaveText(['Luca Esposito', 'Sara Bianchi', 'Tom Becker']);
    await expect(page.getByRole('combobox', { name: 'Team' })).toContainText('Service Desk');
  });
});
