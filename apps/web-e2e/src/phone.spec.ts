import { Page, expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/accessibility';
import { PHONE, expectNoSidewaysScroll } from './support/layout';
import { DEMO, apiSignedInAs, okJson, signInAs } from './support/session';
import { uniqueSuffix } from './support/unique';

/**
 * The list's rows are cards that fit the screen: the table needs no scrolling of its own, and each
 * cell shows its column's name beside its value; screen readers still hear a table with its columns.
 */
async function expectRowsAsCards(page: Page, region: string): Promise<void> {
  const scroller = page.getByRole('region', { name: region });
  const layout = await scroller.evaluate((element) => ({
    scrollWidth: element.scrollWidth,
    clientWidth: element.clientWidth,
    labels: Array.from(
      element.querySelectorAll('tr[role="row"]:not(.mat-mdc-header-row) td[data-label]'),
      (cell) => getComputedStyle(cell, '::before').content,
    ).slice(0, 3),
  }));
  expect(layout.scrollWidth).toBeLessThanOrEqual(layout.clientWidth);
  expect(layout.labels.length).toBeGreaterThan(0);
  for (const label of layout.labels) expect(label).not.toBe('none');
  await expect(scroller.getByRole('columnheader').first()).toBeAttached();
}

test.describe('on a phone', () => {
  test.use({ viewport: PHONE });

  test.beforeEach(async ({ page }) => {
    await signInAs(page, DEMO.admin);
  });

  test('the framework library fits the width of the screen', async ({ page }) => {
    await page.goto('/frameworks');
    await expect(page.getByRole('link', { name: 'Service Management Processes' })).toBeVisible();
    await expectNoSidewaysScroll(page);
    await expectRowsAsCards(page, 'Frameworks table');
    await expectNoSeriousA11yViolations(page);
  });

  test('the people directory fits the width of the screen', async ({ page }) => {
    await page.goto('/people');
    await expect(page.getByRole('link', { name: 'Sara Bianchi' })).toBeVisible();
    await expectNoSidewaysScroll(page);
    await expectRowsAsCards(page, 'People table');
    await expectNoSeriousA11yViolations(page);
  });

  test('a person with a long name and email: the employee page wraps them within the screen', async ({ page, baseURL }) => {
    // an address is one unbroken word, longer than a phone is wide
    const suffix = uniqueSuffix();
    const admin = await apiSignedInAs(baseURL, DEMO.admin);
    const person = await okJson<{ id: string; email: string }>(
      await admin.post('/api/employees', {
        data: {
          name: `Maximiliana Wolkenstein-Trautmannsdorff ${suffix}`,
          email: `maximiliana.wolkenstein-trautmannsdorff.${suffix}@people-and-culture.example-organisation.example`,
          jobTitle: 'Senior Service Continuity and Availability Manager',
        },
      }),
      201,
    );
    await admin.dispose();

    await page.goto(`/people/${person.id}`);
    const email = page.getByTestId('employee-overview').getByRole('link', { name: person.email });
    await expect(email).toBeVisible();
    await expectNoSidewaysScroll(page);
    // the tab body clips what sticks out, so the page does not scroll: the address itself must end inside the screen
    const edges = await email.evaluate((link) => ({
      right: Math.max(...Array.from(link.getClientRects(), (line) => line.right)),
      viewport: window.innerWidth,
    }));
    expect(edges.right, 'right edge of the email').toBeLessThanOrEqual(edges.viewport);
    const header = await page
      .getByTestId('employee-header')
      .evaluate((element) => ({ scroll: element.scrollWidth, client: element.clientWidth }));
    expect(header.scroll, 'the header scrolls sideways').toBeLessThanOrEqual(header.client);
    await expectNoSeriousA11yViolations(page);
  });

  test('the home page fits the width of the screen', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByTestId('organisation-counts')).toBeVisible();
    await expectNoSidewaysScroll(page);
    await expectNoSeriousA11yViolations(page);
  });
});
