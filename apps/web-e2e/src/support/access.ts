import { expect, Page } from '@playwright/test';

/**
 * Opens `path` and checks that the app refuses it: the access-denied page's heading and message are
 * shown, and the address bar keeps the URL that was asked for. (Checking only that the page's own
 * content is absent would also pass before anything had rendered.)
 */
export async function expectRefused(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await expect(page.getByRole('heading', { level: 1, name: "You don't have access to this page" })).toBeVisible();
  await expect(page.getByRole('main')).toContainText('Your account does not have the role this page needs.');
  expect(new URL(page.url()).pathname).toBe(path.split('?')[0]);
}
