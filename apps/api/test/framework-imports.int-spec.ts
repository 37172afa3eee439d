import type {
  AuditEventView,
  CompetencySearchHit,
  FrameworkDocument,
  FrameworkImportCommitResult,
  FrameworkImportPreview,
  FrameworkSummary,
  Page,
  ProblemDetails,
} from '@proficio/shared/contracts';
import { BUILT_IN_PACKS } from '@proficio/shared/competency';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { createTestApp, TestApp } from './support/test-app';

const FIXTURES = join(__dirname, '..', '..', '..', 'libs', 'shared', 'competency', 'test', 'fixtures');
const fixture = (path: string) => readFileSync(join(FIXTURES, path));

describe('framework import and export', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await createTestApp();
  });

  afterAll(async () => {
    await testApp.close();
  });

  const upload = (format: string, file: Buffer, fileName: string) =>
    testApp.http().post('/api/frameworks/imports').field('format', format).attach('file', file, fileName);
  const frameworkCount = async () =>
    (await testApp.app.get(DataSource).query('SELECT count(*)::int AS n FROM framework_version'))[0].n as number;
  const list = async (q: string) =>
    (
      await testApp
        .http()
        .get(`/api/frameworks?q=${encodeURIComponent(q)}`)
        .expect(200)
    ).body as Page<FrameworkSummary>;

  describe('Moodle CSV (OECD core competencies)', () => {
    let preview: FrameworkImportPreview;

    it('previews the file without writing a framework', async () => {
      const before = await frameworkCount();
      const response = await upload('moodle-csv', fixture('ok/moodle/oecd-core-competencies.csv'), 'oecd-core-competencies.csv').expect(
        201,
      );
      preview = response.body as FrameworkImportPreview;
      expect(preview).toMatchObject({
        format: 'moodle-csv',
        fileName: 'oecd-core-competencies.csv',
        status: 'previewed',
        proposedVersionNumber: 1,
      });
      expect(preview.existing).toBeUndefined();
      expect(preview.counts.competencies).toBeGreaterThan(10);
      expect(await frameworkCount()).toBe(before);

      const again = await testApp.http().get(`/api/frameworks/imports/${preview.id}`).expect(200);
      expect(again.body).toEqual(preview);
    });

    it('commits it as a published framework whose competencies can be found', async () => {
      const commit = (await testApp.http().post(`/api/frameworks/imports/${preview.id}/commit`).expect(200))
        .body as FrameworkImportCommitResult;
      expect(commit).toMatchObject({ importId: preview.id, versionNumber: 1, created: true });

      const [framework] = (await list(preview.framework.code)).items;
      expect(framework).toMatchObject({ id: commit.frameworkVersionId, status: 'published', builtIn: false, counts: preview.counts });

      const hits = (await testApp.http().get(`/api/competencies?frameworkId=${commit.frameworkVersionId}&q=collaboration`).expect(200))
        .body as Page<CompetencySearchHit>;
      expect(hits.items.map((hit) => hit.code)).toContain('DR-TW-1');
    });

    it('records who committed it, on the import and in the audit log', async () => {
      const [stored] = await testApp.app
        .get(DataSource)
        .query('SELECT i.committed_by, u.email FROM framework_import i JOIN app_user u ON u.id = i.committed_by WHERE i.id = $1', [
          preview.id,
        ]);
      expect(stored).toMatchObject({ email: 'suite.admin@test.local' });
      const audit = (await testApp.http().get(`/api/audit-events?entityType=framework_import&entityId=${preview.id}`).expect(200))
        .body as Page<AuditEventView>;
      expect(audit.items).toEqual([
        expect.objectContaining({
          action: 'import',
          actor: expect.objectContaining({ email: 'suite.admin@test.local' }),
          after: expect.objectContaining({ importId: preview.id, frameworkKey: preview.framework.key, versionNumber: 1, created: true }),
        }),
      ]);
    });

    it('refuses to commit the same import twice', async () => {
      const response = await testApp.http().post(`/api/frameworks/imports/${preview.id}/commit`).expect(409);
      expect(response.body).toMatchObject({ status: 409, title: 'Conflict' });
    });

    it('recognises a re-import of the same file as the same framework, unchanged', async () => {
      const response = await upload('moodle-csv', fixture('ok/moodle/oecd-core-competencies.csv'), 'again.csv').expect(201);
      const again = response.body as FrameworkImportPreview;
      expect(again.existing).toMatchObject({ latestVersionNumber: 1, unchanged: true });
      expect(again.proposedVersionNumber).toBe(1);
      const commit = (await testApp.http().post(`/api/frameworks/imports/${again.id}/commit`).expect(200))
        .body as FrameworkImportCommitResult;
      expect(commit).toMatchObject({ versionNumber: 1, created: false });
    });
  });

  describe('CASE packages', () => {
    it.each(['ok/case/opensalt-sample-framework-20c5134f.json', 'ok/case/opensalt-ItemTypeTestFramework.json'])(
      'imports %s',
      async (path) => {
        const response = await upload('case', fixture(path), path.split('/').pop() ?? 'case.json').expect(201);
        const preview = response.body as FrameworkImportPreview;
        await testApp.http().post(`/api/frameworks/imports/${preview.id}/commit`).expect(200);
      },
    );
  });

  describe('export', () => {
    it.each(BUILT_IN_PACKS.map((pack) => [pack.framework.key, pack] as const))(
      'gives back the %s pack unchanged as Proficio JSON',
      async (key, pack) => {
        const [summary] = (await list(pack.framework.code)).items.filter((item) => item.key === key);
        const response = await testApp.http().get(`/api/frameworks/${summary?.id}/export?format=proficio-json`).expect(200);
        expect(response.headers['content-type']).toMatch(/^application\/json/);
        expect(response.headers['content-disposition']).toBe(`attachment; filename="${key}-v1.json"`);
        expect(JSON.parse(response.text) as FrameworkDocument).toEqual(pack);
      },
    );

    it('exports a CASE package that imports again with the same content', async () => {
      const [ecf] = (await list('e-CF')).items;
      const exported = await testApp.http().get(`/api/frameworks/${ecf?.id}/export?format=case`).expect(200);
      const preview = (await upload('case', Buffer.from(exported.text), 'ecf.case.json').expect(201)).body as FrameworkImportPreview;
      expect(preview.counts).toEqual(ecf?.counts);
    });

    it('exports Moodle CSV', async () => {
      const [sm] = (await list('Service Management')).items.filter((item) => item.code === 'SM');
      const exported = await testApp.http().get(`/api/frameworks/${sm?.id}/export?format=moodle-csv`).expect(200);
      expect(exported.headers['content-type']).toMatch(/^text\/csv/);
      expect(exported.text.split('\r\n').length).toBeGreaterThan(2);
    });

    it('rejects an unknown export format naming the parameter', async () => {
      const [sm] = (await list('SM')).items;
      const response = await testApp.http().get(`/api/frameworks/${sm?.id}/export?format=xlsx`).expect(400);
      expect((response.body as ProblemDetails).errors?.[0]?.field).toBe('format');
    });
  });

  describe('bad input writes nothing', () => {
    let before: number;
    beforeEach(async () => {
      before = await frameworkCount();
    });
    afterEach(async () => {
      expect(await frameworkCount()).toBe(before);
    });

    it('answers 422 with the places of the errors for a file in the wrong format', async () => {
      const response = await upload('case', fixture('ok/moodle/oecd-core-competencies.csv'), 'oecd.csv').expect(422);
      const body = response.body as ProblemDetails;
      expect(body).toMatchObject({ status: 422, title: 'The file cannot be imported' });
      expect(body.errors?.length).toBeGreaterThan(0);
      expect(body.errors?.[0]?.field).toBeTruthy();
    });

    it('answers 422 for a Proficio JSON file with a level outside the scale', async () => {
      const pack = structuredClone(BUILT_IN_PACKS[0]) as FrameworkDocument;
      pack.framework.key = 'out-of-scale';
      pack.competencies[0]?.levels.push({ level: 9, indicators: [], questions: [] });
      const response = await upload('proficio-json', Buffer.from(JSON.stringify(pack)), 'bad.json').expect(422);
      expect(JSON.stringify((response.body as ProblemDetails).errors)).toMatch(/\/competencies\/0\/levels/);
    });

    it('answers 400 naming the field when the file or the format is missing or wrong', async () => {
      const noFile = await testApp.http().post('/api/frameworks/imports').field('format', 'case').expect(400);
      expect((noFile.body as ProblemDetails).errors).toEqual([{ field: 'file', message: 'is required: attach the framework file' }]);
      const badFormat = await upload('xlsx', Buffer.from('x'), 'x.xlsx').expect(400);
      expect((badFormat.body as ProblemDetails).errors?.[0]?.field).toBe('format');
      const extra = await testApp
        .http()
        .post('/api/frameworks/imports')
        .field('format', 'case')
        .field('owner', 'me')
        .attach('file', Buffer.from('{}'), 'x.json')
        .expect(400);
      expect((extra.body as ProblemDetails).errors?.[0]?.field).toBe('owner');
    });

    it('answers 413 for a file over 25 MB', async () => {
      const response = await upload('proficio-json', Buffer.alloc(25 * 1024 * 1024 + 1, 32), 'huge.json').expect(413);
      expect(response.body).toMatchObject({ status: 413 });
    });

    it('answers 404 for an unknown import', async () => {
      await testApp.http().post('/api/frameworks/imports/00000000-0000-4000-8000-000000000000/commit').expect(404);
    });
  });
});
