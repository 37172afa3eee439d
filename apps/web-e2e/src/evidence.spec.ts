import { Browser, expect, Page, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/accessibility';
import { downloadBy } from './support/download';
import { expectNoSidewaysScroll, PHONE } from './support/layout';
import { Credentials, DEMO, signInAs } from './support/session';
import { uniqueSuffix } from './support/unique';

/** A small PDF, made here: the API judges the type from these bytes, not from the name. */
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

/** Yesterday as a person in the browser's (en-US) locale types it into a date field. */
function yesterday(): string {
  const date = new Date(Date.now() - 86_400_000);
  return `${date.getMonth() + 1}/${date.getDate()}/${date.getFullYear()}`;
}

async function signedIn(browser: Browser, account: Credentials, returnUrl = '/'): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signInAs(page, account, returnUrl);
  return page;
}

/** Confirms the dialog open on the page with its button `label`. */
async function confirm(page: Page, label: string): Promise<void> {
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: label, exact: true }).click();
  await expect(dialog).toBeHidden();
}

/** Opens the reviewer's inbox from the navigation and the item titled `title` from it. */
async function openFromInbox(manager: Page, title: string): Promise<void> {
  await manager
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: /^Inbox/ })
    .click();
  await expect(manager.getByRole('heading', { level: 1, name: 'Inbox' })).toBeVisible();
  await manager.getByTestId('inbox-item').filter({ hasText: title }).getByRole('link', { name: title }).click();
  await expect(manager.getByTestId('evidence-title')).toHaveText(title);
}

/** Finds C.1 User Support with the evidence form's competency search and claims it. */
async function claimUserSupport(employee: Page): Promise<void> {
  await employee.getByRole('searchbox', { name: 'Search competencies' }).fill('User Support');
  await employee
    .getByTestId('claim-hits')
    .getByRole('button', { name: /^C\.1 User Support/ })
    .first()
    .click();
}

test.describe('evidence', () => {
  test('an employee submits evidence for C.1 at e-2 guided by the level, with a PDF; the manager asks for changes; she amends; he accepts; both see the history', async ({
    browser,
  }) => {
    // Two people, a dozen pages and six axe scans: on a busy machine this has taken 3.5 minutes.
    test.setTimeout(6 * 60_000);
    const suffix = uniqueSuffix();
    const title = `Restored printing after a faulty driver update (${suffix})`;

    // Sara starts evidence from her Evidence tab
    const employee = await signedIn(browser, DEMO.employee);
    await employee.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My profile' }).click();
    await employee.getByRole('tab', { name: 'Evidence' }).click();
    await employee.getByRole('link', { name: 'Submit evidence' }).click();
    await expect(employee.getByRole('heading', { level: 1, name: 'New evidence' })).toBeVisible();

    await employee.getByRole('textbox', { name: 'Title' }).fill(title);
    await employee.getByRole('textbox', { name: 'Date of the activity' }).fill(yesterday());
    // the competency search of the role profiles, then one of C.1's own levels, each with what it means
    await claimUserSupport(employee);
    const levels = employee.getByTestId('claim-levels-0');
    await expect(levels.locator('[data-level="2"]')).toContainText('Systematically interprets user problems');
    await levels.getByRole('radio', { name: /^e-2/ }).check();
    // e-CF levels have neither interview questions nor indicators: the level's own description is the prompt
    const prompts = employee.getByTestId('claim-prompts-0');
    await expect(prompts.getByTestId('level-text')).toContainText('Systematically interprets user problems and identifies solutions');
    await expect(prompts.getByTestId('narrative-prompt')).toBeVisible();
    await employee
      .getByRole('textbox', { name: 'What you did, in your own words' })
      .fill('Users on two floors could not print. I read the spooler logs, matched the failures to the new driver and rolled it back.');

    // a file goes to a saved draft: adding it saves the draft, which gets its own address, then it uploads
    await employee.getByTestId('file-input').setInputFiles({ name: 'incident-report.pdf', mimeType: 'application/pdf', buffer: PDF });
    await expect(employee).toHaveURL(/\/evidence\/[0-9a-f-]{36}\/edit$/);
    await expect(employee.getByRole('heading', { level: 1, name: 'Edit the draft' })).toBeVisible();
    const stored = employee.getByTestId('evidence-file');
    await expect(stored).toHaveCount(1);
    await expect(stored).toContainText('incident-report.pdf');
    await expect(stored).toContainText('PDF');
    await expectNoSeriousA11yViolations(employee);

    await employee.getByTestId('submit-for-review').click();
    await confirm(employee, 'Submit for review');
    await expect(employee).toHaveURL(/\/evidence\/[0-9a-f-]{36}$/);
    const evidenceUrl = new URL(employee.url()).pathname;
    await expect(employee.getByTestId('evidence-status')).toHaveText('Waiting for review');
    await expectNoSeriousA11yViolations(employee);

    // Marco (in Sara's line) finds it in his inbox, reads the level beside the narrative, downloads the PDF and asks for changes
    const manager = await signedIn(browser, DEMO.manager);
    await expect(manager.getByTestId('nav-badge')).toBeVisible();
    await openFromInbox(manager, title);
    await expectNoSeriousA11yViolations(manager);
    const current = manager.getByTestId('current-revision');
    await expect(current.getByTestId('revision-claim')).toContainText('What e-2 means');
    await expect(current.getByTestId('revision-claim')).toContainText('Systematically interprets user problems');
    await expect(current.getByTestId('revision-narrative')).toContainText('rolled it back');
    const pdf = await downloadBy(manager, () => current.getByRole('button', { name: 'Download incident-report.pdf' }).click());
    expect(pdf.filename).toBe('incident-report.pdf');
    expect(pdf.text.startsWith('%PDF-1.4')).toBe(true);

    await manager.getByTestId('verdict-changes').click();
    await manager.getByTestId('verdict-confirm').click();
    await expect(manager.getByRole('dialog').getByText('Say what should change')).toBeVisible();
    await manager.getByRole('dialog').getByRole('textbox', { name: 'What should change' }).fill(`Add the ticket number (${suffix}).`);
    await manager.getByTestId('verdict-confirm').click();
    await expect(manager.getByRole('dialog')).toBeHidden();
    await expect(manager.getByTestId('evidence-status')).toHaveText('Changes requested');

    // Sara is told (the bell), reads the request, amends and submits again
    await employee.goto('/');
    const bell = employee.getByTestId('notifications-trigger');
    await expect(bell).toHaveAccessibleName(/Notifications, \d+ unread/);
    await bell.click();
    await employee.getByTestId('notification').filter({ hasText: title }).first().click();
    await expect(employee).toHaveURL(evidenceUrl);
    await employee.getByTestId('amend-evidence').click();
    await expect(employee.getByRole('heading', { level: 1, name: 'Amend the evidence' })).toBeVisible();
    await expect(employee.getByTestId('amend-verdict')).toContainText(`Add the ticket number (${suffix}).`);
    await employee
      .getByRole('textbox', { name: 'What you did, in your own words' })
      .fill('Ticket INC-1042: users on two floors could not print. I matched the failures to the new driver and rolled it back.');
    await employee.getByTestId('submit-for-review').click();
    await confirm(employee, 'Submit for review');
    await expect(employee).toHaveURL(evidenceUrl);
    await expect(employee.getByTestId('evidence-status')).toHaveText('Waiting for review');
    await expect(employee.getByTestId('current-revision').getByRole('heading', { level: 2 })).toHaveText('Version 2');

    // Marco accepts the amended version
    await openFromInbox(manager, title);
    await expect(manager.getByTestId('current-revision').getByTestId('revision-narrative')).toContainText('Ticket INC-1042');
    await manager.getByTestId('verdict-accept').click();
    await manager.getByTestId('verdict-confirm').click();
    await expect(manager.getByRole('dialog')).toBeHidden();
    await expect(manager.getByTestId('evidence-status')).toHaveText('Accepted');

    // both see the history: the accepted version 2, and version 1 with the request for changes
    for (const page of [manager, employee]) {
      await page.goto(evidenceUrl);
      await expect(page.getByTestId('current-verdict')).toContainText(`Accepted by ${DEMO.manager.name}`);
      const earlier = page.getByTestId('earlier-revision');
      await expect(earlier).toHaveCount(1);
      await expect(earlier.locator('summary')).toContainText(`Version 1`);
      await expect(earlier.locator('summary')).toContainText(`Changes requested by ${DEMO.manager.name}`);
      await earlier.locator('summary').click();
      await expect(earlier).toContainText(`Add the ticket number (${suffix}).`);
      await expect(earlier.getByTestId('evidence-file')).toContainText('incident-report.pdf');
      await expectNoSeriousA11yViolations(page);
    }
    await employee.getByRole('link', { name: DEMO.employee.name }).click();
    await expect(employee.getByTestId('evidence-item').filter({ hasText: title })).toContainText('Accepted');
    await expectNoSeriousA11yViolations(employee);
  });

  test('the evidence form, an item and the inbox fit a phone', async ({ browser }) => {
    const employee = await (await browser.newContext({ viewport: PHONE })).newPage();
    await signInAs(employee, DEMO.employee, '/evidence/new');
    await expect(employee.getByRole('heading', { level: 1, name: 'New evidence' })).toBeVisible();
    await claimUserSupport(employee);
    await employee.getByTestId('claim-levels-0').getByRole('radio', { name: /^e-2/ }).check();
    await expect(employee.getByTestId('claim-prompts-0')).toBeVisible();
    await expectNoSidewaysScroll(employee);
    // leaving with what was chosen asks first
    await employee.getByRole('link', { name: 'Cancel' }).click();
    await expect(employee.getByRole('dialog')).toContainText('Leave without saving?');
    await confirm(employee, 'Leave and lose the changes');
    await employee.getByRole('tab', { name: 'Evidence' }).click();
    await employee.getByTestId('evidence-item').first().getByRole('link').click();
    await expect(employee.getByTestId('evidence-title')).toBeVisible();
    await expectNoSidewaysScroll(employee);

    const manager = await (await browser.newContext({ viewport: PHONE })).newPage();
    await signInAs(manager, DEMO.manager, '/inbox');
    await expect(manager.getByTestId('inbox-item').first()).toBeVisible();
    await expectNoSidewaysScroll(manager);
    await expectNoSeriousA11yViolations(manager);
  });
});
