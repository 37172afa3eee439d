import { defineConfig } from '@playwright/test';
import { nxE2EPreset } from '@nx/playwright/preset';
import { workspaceRoot } from '@nx/devkit';
import { existsSync } from 'node:fs';

const port = process.env['E2E_PORT'] ?? '3100';
const baseURL = process.env['BASE_URL'] ?? `http://localhost:${port}`;

// Playwright cannot download its own browsers on our machines: use Debian's
// Chromium when it is installed, Playwright's bundled one otherwise.
const systemChromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((path) => existsSync(path));

/*
 * Every journey runs against one app and one database: a fresh one per run (see scripts/start-app.mjs),
 * holding the built-in frameworks and the demo organisation. Why sharing it cannot make them flake:
 * - fullyParallel: false: a spec file's tests run one after another in one worker, so a journey's steps
 *   see their own writes in order. Two workers (E2E_WORKERS) run two spec files at once: the journeys
 *   mostly wait on the browser and the app, so a second worker nearly halves the run on two cores. That
 *   is safe because of the two rules below, which make any two files independent of each other. No
 *   retries, so a failure is never hidden by a second try.
 * - No journey needs another to have run first (none is serial, none reads another's leftovers): each
 *   creates what it needs itself, in the browser or through the API in a beforeAll, under names with a
 *   suffix of its own (support/unique.ts), and finds it again by that name or id.
 * - No journey changes what another reads: what they create is kept apart from the demo data the others
 *   check (new people report to no demo manager or to Nadia Petrova, outside the demo manager's line;
 *   new teams are top-level), the demo accounts' passwords and roles are never changed, and nothing global
 *   is counted: lists are narrowed first (by a unique name, a team or a record id), and the only exact
 *   lists and counts are of demo data that no journey writes to (the demo manager's line, Service Desk).
 * So the specs pass in any order, alone or together.
 */
export default defineConfig({
  ...nxE2EPreset(import.meta.dirname, { testDir: './src' }),
  fullyParallel: false,
  workers: Number(process.env['E2E_WORKERS'] ?? 2),
  retries: 0,
  // The machines that run these are shared and often busy: allow a slow step without failing on it.
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  use: {
    baseURL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: systemChromium,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  // The built app (api serving the built web app) on a fresh database.
  webServer: process.env['BASE_URL']
    ? undefined
    : {
        command: 'node apps/web-e2e/scripts/start-app.mjs',
        url: `${baseURL}/api/health`,
        cwd: workspaceRoot,
        reuseExistingServer: false,
        timeout: 120_000,
        stdout: 'pipe',
        gracefulShutdown: { signal: 'SIGTERM', timeout: 15_000 },
      },
  projects: [{ name: 'chromium', use: { browserName: 'chromium', viewport: { width: 1280, height: 800 } } }],
});
