import { defineConfig } from '@playwright/test';
import { workspaceRoot } from '@nx/devkit';
import { join } from 'node:path';
import e2e from './playwright.config.mjs';

/*
 * The README's screenshots (`npm run screenshots`), taken from the built app in demo mode on a fresh
 * database, started exactly as for the e2e journeys (scripts/start-app.mjs). Not part of `npm test`:
 * it checks nothing of its own beyond waiting for each page to be ready, and it rewrites
 * docs/screenshots. One browser set-up for every picture (light theme, British English dates, one
 * time zone), so that retaking them changes only what the app changed.
 */
export default defineConfig({
  ...e2e,
  // One at a time: a picture shows the demo data as no other journey has changed it.
  workers: 1,
  testDir: './screenshots',
  testMatch: '*.screens.ts',
  outputDir: join(workspaceRoot, 'dist/.playwright/apps/web-e2e/screenshots-output'),
  use: { ...e2e.use, screenshot: 'off', trace: 'retain-on-failure' },
  projects: [
    {
      name: 'readme',
      use: {
        browserName: 'chromium',
        viewport: { width: 1280, height: 800 },
        deviceScaleFactor: 1,
        colorScheme: 'light',
        locale: 'en-GB',
        timezoneId: 'Europe/Rome',
      },
    },
  ],
});
