import { defineConfig } from '@playwright/test';
import { nxE2EPreset } from '@nx/playwright/preset';
import { workspaceRoot } from '@nx/devkit';
import { existsSync } from 'node:fs';

const port = process.env['E2E_PORT'] ?? '3100';
const baseURL = process.env['BASE_URL'] ?? `http://localhost:${port}`;

// Playwright cannot download its own browsers on our machines: use Debian's
// Chromium when it is installed, Playwright's bundled one otherwise.
const systemChromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((path) => existsSync(path));

export default defineConfig({
  ...nxE2EPreset(import.meta.dirname, { testDir: './src' }),
  fullyParallel: false,
  workers: 1,
  retries: 0,
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
