/**
 * File names arrive as browsers send them: UTF-8 in the multipart header. Multer (and busboy) read
 * them as latin1 unless told otherwise, which turned "attività" into "attivitÃ ". Every upload route
 * reads them as UTF-8: checked here for the two imports (evidence.int-spec.ts checks evidence files).
 */
import type { PeopleImportPreview } from '@proficio/shared/contracts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { frameworkImports } from './support/framework-imports';
import { useTestApp } from './support/test-app';

const NAME = 'Persone e competenze — attività 2026 (Zoë, 日本).csv';

describe('uploaded file names', () => {
  const testApp = useTestApp();

  it('keeps a non-ASCII people import file name intact', async () => {
    const csv = Buffer.from('email,name\nzoe@example.org,Zoë Ferrari\n');
    const preview = (await testApp.http().post('/api/people-imports').attach('file', csv, NAME).expect(201)).body as PeopleImportPreview;
    expect(preview.fileName).toBe(NAME);
  });

  it('keeps a non-ASCII framework import file name intact', async () => {
    const file = readFileSync(join(__dirname, 'fixtures', 'frameworks', 'every-field.proficio.json'));
    const name = NAME.replace(/\.csv$/, '.json');
    const preview = await frameworkImports(testApp).previewOf('proficio-json', file, name);
    expect(preview.fileName).toBe(name);
  });
});
