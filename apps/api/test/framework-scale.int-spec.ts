import type {
  AuditEventView,
  CompetencySearchHit,
  FrameworkScaleChangeResult,
  FrameworkScaleStatus,
  FrameworkTree,
  Page,
  ProblemDetails,
} from '@proficio/shared/contracts';
import { BUILT_IN_PACKS } from '@proficio/shared/competency';
import { randomUUID } from 'node:crypto';
import { frameworkImports } from './support/framework-imports';
import { useTestApp } from './support/test-app';

/** A CASE package whose competencies have no levels: the import gives it a one-level placeholder scale. */
function levelLessPackage(identifier: string, title = 'Map skills') {
  const items = ['Reads a map.', 'Plans a route.'].map((statement, i) => ({
    identifier: `${identifier.slice(0, 24)}${String(i + 1).padStart(12, '0')}`,
    uri: `urn:uuid:item-${i}`,
    fullStatement: statement,
    humanCodingScheme: `M.${i + 1}`,
    lastChangeDateTime: '2025-01-01T00:00:00Z',
  }));
  return Buffer.from(
    JSON.stringify({
      CFDocument: { identifier, uri: `urn:uuid:${identifier}`, creator: 'Map Guild', title, lastChangeDateTime: '2025-01-01T00:00:00Z' },
      CFItems: items,
      CFAssociations: [],
    }),
  );
}

const GENERIC_LABELS = ['Novice', 'Advanced beginner', 'Competent', 'Proficient', 'Expert'];

describe('the scale of a framework whose competencies have no levels', () => {
  const testApp = useTestApp();
  let itmg: CompetencySearchHit;

  beforeAll(async () => {
    itmg = await testApp.competency('ITMG');
  });

  const imports = frameworkImports(testApp);
  const { commit, committed } = imports;
  const previewOf = (file: Buffer, format = 'case') => imports.previewOf(format, file, 'package.json');
  const tree = async (versionId: string) => (await testApp.http().get(`/api/frameworks/${versionId}`).expect(200)).body as FrameworkTree;
  const labels = (framework: FrameworkTree) => framework.scale.levels.map((level) => level.label.text);
  const changeScale = (versionId: string, body: object) => testApp.http().put(`/api/frameworks/${versionId}/scale`).send(body);
  const scaleStatus = async (versionId: string) =>
    (await testApp.http().get(`/api/frameworks/${versionId}/scale`).expect(200)).body as FrameworkScaleStatus;

  describe('chosen at import', () => {
    it('says the file has only a placeholder scale, and rates on the generic 1–5 proficiency scale when asked', async () => {
      const preview = await previewOf(levelLessPackage(randomUUID()));
      expect(preview.scale).toEqual({
        name: { text: 'Map skills: levels', language: 'en', fallback: false },
        levelCount: 1,
        placeholder: true,
        keptFromLatest: false,
      });
      const result = await committed(preview.id, { scale: { source: 'generic' } });
      const framework = await tree(result.frameworkVersionId);
      expect(labels(framework)).toEqual(GENERIC_LABELS);
      expect(framework.scale.levels.map((level) => level.proficient ?? false)).toEqual([false, false, true, true, true]);
      expect(framework.competencies.every((competency) => competency.levels.length === 0)).toBe(true);
    });

    it("rates on another framework's scale, and a re-import of the same file keeps it", async () => {
      const identifier = randomUUID();
      const sfia = await tree(itmg.framework.id);
      const first = await committed((await previewOf(levelLessPackage(identifier))).id, {
        scale: { source: 'framework', frameworkVersionId: itmg.framework.id },
      });
      expect(labels(await tree(first.frameworkVersionId))).toEqual(labels(sfia));

      const again = await previewOf(levelLessPackage(identifier));
      expect(again).toMatchObject({
        existing: { latestVersionId: first.frameworkVersionId, unchanged: true },
        scale: { name: { text: sfia.scale.name.text }, levelCount: sfia.scale.levels.length, placeholder: true, keptFromLatest: true },
        commitRequires: [],
      });
      expect(await committed(again.id)).toMatchObject({ frameworkVersionId: first.frameworkVersionId, created: false });
    });

    it('refuses a scale for a file whose competencies have levels, and an unknown framework version, naming the field', async () => {
      const pack = structuredClone(BUILT_IN_PACKS[0]);
      pack.framework.key = `with-levels-${randomUUID()}`;
      const withLevels = await previewOf(Buffer.from(JSON.stringify(pack)), 'proficio-json');
      const refused = (await commit(withLevels.id, { scale: { source: 'generic' } }).expect(422)).body as ProblemDetails;
      expect(refused.errors).toEqual([
        { field: 'scale', message: 'can only be chosen for a file whose competencies have no levels of their own' },
      ]);

      const levelLess = await previewOf(levelLessPackage(randomUUID()));
      const unknown = await commit(levelLess.id, { scale: { source: 'framework', frameworkVersionId: randomUUID() } }).expect(422);
      expect((unknown.body as ProblemDetails).errors).toEqual([
        { field: 'scale.frameworkVersionId', message: 'is not a framework version' },
      ]);
      const missing = await commit(levelLess.id, { scale: { source: 'framework' } }).expect(400);
      expect((missing.body as ProblemDetails).errors?.map((error) => error.field)).toEqual(['scale.frameworkVersionId']);
    });
  });

  describe('changed afterwards', () => {
    it('puts a framework nobody was assessed on onto another scale as its next version, audited; once someone is rated, no more', async () => {
      const placeholder = await committed((await previewOf(levelLessPackage(randomUUID()))).id);
      expect(labels(await tree(placeholder.frameworkVersionId))).toEqual(['Level 1']);
      expect(await scaleStatus(placeholder.frameworkVersionId)).toEqual({
        latestVersionId: placeholder.frameworkVersionId,
        latestVersionNumber: 1,
        levelLess: true,
        placeholder: true,
        assessed: false,
      });

      const changed = (await changeScale(placeholder.frameworkVersionId, { source: 'generic' }).expect(200))
        .body as FrameworkScaleChangeResult;
      expect(changed).toMatchObject({ versionNumber: 2, created: true });
      const second = await tree(changed.frameworkVersionId);
      expect(labels(second)).toEqual(GENERIC_LABELS);
      expect(second.competencies.map((competency) => competency.code)).toEqual(['M.1', 'M.2']);
      // Asked about the first version, the status is the framework's: its latest version, no longer a placeholder.
      expect(await scaleStatus(placeholder.frameworkVersionId)).toEqual({
        latestVersionId: changed.frameworkVersionId,
        latestVersionNumber: 2,
        levelLess: true,
        placeholder: false,
        assessed: false,
      });
      const audit = (await testApp.http().get('/api/audit-events?entityType=framework').expect(200)).body as Page<AuditEventView>;
      expect(
        audit.items.find((event) => (event.after as { frameworkVersionId?: string })?.frameworkVersionId === changed.frameworkVersionId),
      ).toMatchObject({
        action: 'update',
        entityType: 'framework',
        before: { versionNumber: 1, scaleLevels: 1 },
        after: { versionNumber: 2, scaleLevels: 5 },
      });
      // The same scale again changes nothing.
      expect((await changeScale(changed.frameworkVersionId, { source: 'generic' }).expect(200)).body).toMatchObject({
        frameworkVersionId: changed.frameworkVersionId,
        created: false,
      });

      // Rated at "Competent" on the new scale, the framework keeps it.
      const employeeId = (
        await testApp
          .http()
          .post('/api/employees')
          .send({ name: 'Scale Person', email: `scale.${randomUUID().slice(0, 8)}@example.test` })
          .expect(201)
      ).body.id as string;
      const competencyId = second.competencies[0]?.id;
      await testApp
        .http()
        .post('/api/assessments')
        .send({ employeeId, competencyId, role: 'manager', level: 3, rationale: 'Reads maps alone.' })
        .expect(201);
      const refused = (
        await changeScale(changed.frameworkVersionId, { source: 'framework', frameworkVersionId: itmg.framework.id }).expect(409)
      ).body as ProblemDetails;
      expect(refused.errors).toEqual([{ field: 'source', message: 'cannot change: people have been assessed on this framework' }]);
      expect(await scaleStatus(placeholder.frameworkVersionId)).toMatchObject({
        latestVersionId: changed.frameworkVersionId,
        assessed: true,
      });
    });

    it('refuses a framework whose competencies have levels of their own, and answers 404 for an unknown one', async () => {
      const refused = (await changeScale(itmg.framework.id, { source: 'generic' }).expect(409)).body as ProblemDetails;
      expect(refused.errors).toEqual([
        { field: 'source', message: 'cannot change: the competencies of this framework have levels of their own' },
      ]);
      await changeScale(randomUUID(), { source: 'generic' }).expect(404);
      expect(await scaleStatus(itmg.framework.id)).toMatchObject({
        latestVersionId: itmg.framework.id,
        levelLess: false,
        placeholder: false,
      });
      await testApp.http().get(`/api/frameworks/${randomUUID()}/scale`).expect(404);
      const bad = await changeScale(itmg.framework.id, { source: 'moodle' }).expect(400);
      expect((bad.body as ProblemDetails).errors?.map((error) => error.field)).toEqual(['source']);
    });
  });
});
