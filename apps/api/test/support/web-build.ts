import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestApp, TestApp } from './test-app';

/**
 * The app as production runs it, serving a built web app beside the API: `files` (name → content) written to a
 * folder of the suite's own, started before the suite's tests and removed after them.
 */
export function useTestAppServingWeb(files: Record<string, string>): TestApp {
  const testApp = {} as TestApp;
  let webDir = '';
  beforeAll(async () => {
    webDir = mkdtempSync(join(tmpdir(), 'proficio-web-'));
    for (const [name, content] of Object.entries(files)) writeFileSync(join(webDir, name), content);
    Object.assign(testApp, await createTestApp({ webDistDir: webDir }));
  });
  afterAll(async () => {
    await testApp.close();
    rmSync(webDir, { recursive: true, force: true });
  });
  return testApp;
}
