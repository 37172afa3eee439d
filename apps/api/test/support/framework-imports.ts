import type { FrameworkImportCommitResult, FrameworkImportPreview } from '@proficio/shared/contracts';
import type { TestApp } from './test-app';

/** A framework import over HTTP as the test app's admin: upload a file (its preview), then commit it, as a user does. */
export function frameworkImports(testApp: TestApp) {
  /** The upload request, for a test that expects a refusal. */
  const upload = (format: string, file: Buffer, fileName: string) =>
    testApp.http().post('/api/frameworks/imports').field('format', format).attach('file', file, fileName);
  const previewOf = async (format: string, file: Buffer, fileName: string) =>
    (await upload(format, file, fileName).expect(201)).body as FrameworkImportPreview;
  /** The commit request, for a test that expects a refusal. */
  const commit = (importId: string, body?: object) => testApp.http().post(`/api/frameworks/imports/${importId}/commit`).send(body);
  const committed = async (importId: string, body?: object) =>
    (await commit(importId, body).expect(200)).body as FrameworkImportCommitResult;
  return { upload, previewOf, commit, committed };
}
