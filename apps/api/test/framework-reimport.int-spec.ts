import type {
  AuditEventView,
  FrameworkDocument,
  FrameworkImportPreview,
  FrameworkSummary,
  FrameworkTree,
  Page,
  ProblemDetails,
} from '@proficio/shared/contracts';
import { exportMoodleCsv, NO_CONTENT_LOSS } from '@proficio/shared/competency';
import { casePackage, gardenFramework } from '@proficio/shared/competency/testing';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { frameworkImports } from './support/framework-imports';
import { useTestApp } from './support/test-app';

const json = (doc: FrameworkDocument) => Buffer.from(JSON.stringify(doc));

const NO_LOSS = NO_CONTENT_LOSS;

describe('re-importing a framework', () => {
  const testApp = useTestApp();

  const { previewOf, commit, committed } = frameworkImports(testApp);
  const versionsOf = async (key: string) =>
    (
      await testApp.app
        .get(DataSource)
        .query('SELECT v.version_number FROM framework_version v JOIN framework f ON f.id = v.framework_id WHERE f.key = $1', [key])
    ).length as number;
  const statusOf = async (importId: string) =>
    ((await testApp.http().get(`/api/frameworks/imports/${importId}`).expect(200)).body as FrameworkImportPreview).status;

  describe('a version that loses content', () => {
    it('is previewed with what it would lose of the latest version, counted by kind', async () => {
      const first = await committed((await previewOf('proficio-json', json(gardenFramework('garden-loss-preview')), 'garden.json')).id);
      const moodle = await previewOf('moodle-csv', Buffer.from(exportMoodleCsv(gardenFramework('garden-loss-preview'))), 'garden.csv');
      expect(moodle.existing).toEqual({
        frameworkId: expect.any(String),
        latestVersionId: first.frameworkVersionId,
        latestVersionNumber: 1,
        code: 'garden-loss-preview',
        name: { text: 'Garden skills', language: 'en', fallback: false },
        unchanged: false,
        similarity: { title: 1, items: 1, similar: true },
        loss: {
          ...NO_LOSS,
          levelDescriptions: 3,
          indicators: 3,
          questions: 2,
          guidance: 1,
          scaleTexts: 2,
          certifications: 1,
          // French names of the framework, the category, both competencies and both scale levels
          translations: 6,
          languages: ['fr'],
          frameworkFields: ['licence', 'attribution', 'publisher'],
          total: 3 + 3 + 2 + 1 + 2 + 1 + 6 + 3,
        },
      });
      expect(moodle.commitRequires).toEqual(['acceptContentLoss']);
    });

    it('is refused with 409 naming acceptContentLoss until the request accepts the loss, then published', async () => {
      const key = 'garden-loss-commit';
      await committed((await previewOf('proficio-json', json(gardenFramework(key)), 'garden.json')).id);
      const moodle = await previewOf('moodle-csv', Buffer.from(exportMoodleCsv(gardenFramework(key))), 'garden.csv');

      for (const body of [undefined, {}, { acceptContentLoss: false }]) {
        const refused = (await commit(moodle.id, body).expect(409)).body as ProblemDetails;
        expect(refused.errors).toEqual([
          {
            field: 'acceptContentLoss',
            message:
              'must be true to publish this file as version 2: it would lose 3 level descriptions, 3 indicators, 2 questions, 1 guidance text, 2 scale texts, 1 certification, 6 translations, the licence, the attribution and the publisher of version 1',
          },
        ]);
        expect(refused.detail).toMatch(/^acceptContentLoss must be true/);
      }
      expect(await versionsOf(key)).toBe(1);
      expect(await statusOf(moodle.id)).toBe('previewed');

      const result = await committed(moodle.id, { acceptContentLoss: true });
      expect(result).toMatchObject({ versionNumber: 2, created: true });
      const audit = (await testApp.http().get(`/api/audit-events?entityType=framework_import&entityId=${moodle.id}`).expect(200))
        .body as Page<AuditEventView>;
      expect(audit.items[0]?.after).toMatchObject({ versionNumber: 2, acceptedLoss: moodle.existing?.loss });
    });

    it('refuses a confirmation that is not a boolean with 400 naming it', async () => {
      const key = 'garden-loss-bad-body';
      await committed((await previewOf('proficio-json', json(gardenFramework(key)), 'garden.json')).id);
      const moodle = await previewOf('moodle-csv', Buffer.from(exportMoodleCsv(gardenFramework(key))), 'garden.csv');
      const response = await commit(moodle.id, { acceptContentLoss: 'yes' }).expect(400);
      expect((response.body as ProblemDetails).errors?.map((error) => error.field)).toEqual(['acceptContentLoss']);
    });

    it('is checked against the latest version when committed, not when previewed', async () => {
      const key = 'garden-loss-race';
      const smaller = gardenFramework(key);
      smaller.competencies[0]?.levels[0]?.indicators.pop();
      await committed((await previewOf('proficio-json', json(smaller), 'smaller.json')).id);
      // Previewed against the smaller version, the file loses nothing…
      const later = await previewOf('proficio-json', json(gardenFramework(key)), 'garden.json');
      expect(later).toMatchObject({ existing: { loss: { total: 0 } }, commitRequires: [] });
      // …but meanwhile a version with one more indicator is published, which it would lose.
      const richer = gardenFramework(key);
      richer.competencies[1]?.levels[0]?.indicators.push({ en: 'Checks the soil first' });
      await committed((await previewOf('proficio-json', json(richer), 'richer.json')).id);
      const refused = (await commit(later.id).expect(409)).body as ProblemDetails;
      expect(refused.errors?.[0]?.message).toMatch(
        /^must be true to publish this file as version 3: it would lose 1 indicator of version 2$/,
      );
      expect(await committed(later.id, { acceptContentLoss: true })).toMatchObject({ versionNumber: 3 });
    });
  });

  describe('a file that shares only its identifier with a framework', () => {
    const mapSkills = (identifier: string) =>
      casePackage(identifier, 'Map skills', [
        ['M.1', 'Reads a map.'],
        ['M.2', 'Uses a compass.'],
        ['M.3', 'Plans a route.'],
      ]);
    const itemTypes = (identifier: string) =>
      casePackage(identifier, 'Item types test', [
        ['T.1', 'Multiple choice.'],
        ['T.2', 'Short answer.'],
      ]);
    const keysOf = async (identifier: string) =>
      (
        (await testApp.app
          .get(DataSource)
          .query(
            'SELECT f.key, f.source_key, count(v.id)::int AS versions FROM framework f JOIN framework_version v ON v.framework_id = f.id WHERE f.source_key = $1 GROUP BY f.id ORDER BY f.created_at',
            [identifier],
          )) as { key: string; source_key: string; versions: number }[]
      ).map((row) => [row.key, row.versions]);

    it('asks whether it is a new version or a new framework, and keeps them apart when told', async () => {
      const identifier = randomUUID();
      const first = await committed((await previewOf('case', mapSkills(identifier), 'map-skills.json')).id);
      const other = await previewOf('case', itemTypes(identifier), 'item-types.json');
      expect(other.existing).toMatchObject({
        latestVersionId: first.frameworkVersionId,
        name: { text: 'Map skills' },
        unchanged: false,
        similarity: { title: 0, items: 0, similar: false },
      });
      expect(other.commitRequires).toEqual(['target', 'acceptContentLoss']);

      const refused = (await commit(other.id, { acceptContentLoss: true }).expect(409)).body as ProblemDetails;
      expect(refused.errors).toEqual([
        {
          field: 'target',
          message: `must say whether this file is a new version of "Map skills" (MS) or a new framework: they share the identifier "${identifier}" but little else (title 0 % alike, 0 % of the items in common)`,
        },
      ]);
      expect(await keysOf(identifier)).toEqual([[identifier, 1]]);

      // A new framework needs no acceptance of losses: it loses nothing.
      const result = await committed(other.id, { target: 'new-framework' });
      expect(result).toMatchObject({ versionNumber: 1, created: true });
      expect(await keysOf(identifier)).toEqual([
        [identifier, 1],
        [`${identifier}~2`, 1],
      ]);
      const tree = (await testApp.http().get(`/api/frameworks/${result.frameworkVersionId}`).expect(200)).body as FrameworkTree;
      expect(tree).toMatchObject({ key: `${identifier}~2`, name: { text: 'Item types test' } });
      expect(tree.competencies.map((competency) => competency.code)).toEqual(['T.1', 'T.2']);
      const listed = (await testApp.http().get(`/api/frameworks?q=${identifier}`).expect(200)).body as Page<FrameworkSummary>;
      expect(listed.items.map((item) => item.name.text).sort()).toEqual(['Item types test', 'Map skills']);

      // Each file is found again as its own framework, unchanged; a changed one as the next version of its own.
      const again = await previewOf('case', itemTypes(identifier), 'item-types.json');
      expect(again).toMatchObject({ existing: { latestVersionId: result.frameworkVersionId, unchanged: true }, commitRequires: [] });
      expect(await committed(again.id)).toMatchObject({ frameworkVersionId: result.frameworkVersionId, created: false });
      const mapAgain = await previewOf('case', mapSkills(identifier), 'map-skills.json');
      expect(mapAgain.existing).toMatchObject({ latestVersionId: first.frameworkVersionId, similarity: { similar: true } });
      const moreTypes = await previewOf(
        'case',
        casePackage(identifier, 'Item types test 2', [
          ['T.1', 'Multiple choice.'],
          ['T.2', 'Short answer.'],
          ['T.3', 'Essay.'],
        ]),
        'item-types-2.json',
      );
      expect(moreTypes).toMatchObject({
        existing: { latestVersionId: result.frameworkVersionId },
        commitRequires: [],
        proposedVersionNumber: 2,
      });
      expect(await committed(moreTypes.id)).toMatchObject({ versionNumber: 2 });
      expect(await keysOf(identifier)).toEqual([
        [identifier, 1],
        [`${identifier}~2`, 2],
      ]);
    });

    it('makes it a new version when told so, with its losses accepted', async () => {
      const identifier = randomUUID();
      await committed((await previewOf('case', mapSkills(identifier), 'map-skills.json')).id);
      const other = await previewOf('case', itemTypes(identifier), 'item-types.json');
      const refused = (await commit(other.id, { target: 'new-version' }).expect(409)).body as ProblemDetails;
      expect(refused.errors?.map((error) => error.field)).toEqual(['acceptContentLoss']);
      expect(await committed(other.id, { target: 'new-version', acceptContentLoss: true })).toMatchObject({ versionNumber: 2 });
      expect(await keysOf(identifier)).toEqual([[identifier, 2]]);
    });

    it('needs no choice for a next version that keeps the title or enough of the items', async () => {
      const identifier = randomUUID();
      await committed((await previewOf('case', mapSkills(identifier), 'map-skills.json')).id);
      const renamed = await previewOf(
        'case',
        casePackage(identifier, 'Orienteering', [
          ['M.1', 'Reads a map.'],
          ['M.2', 'Uses a compass.'],
          ['M.4', 'Reads contours.'],
        ]),
        'orienteering.json',
      );
      expect(renamed.existing?.similarity).toEqual({ title: 0, items: 0.67, similar: true });
      expect(renamed.commitRequires).toEqual(['acceptContentLoss']);
      expect(await committed(renamed.id, { acceptContentLoss: true })).toMatchObject({ versionNumber: 2 });
    });

    it('refuses a target that is not one of the two with 400 naming it', async () => {
      const identifier = randomUUID();
      await committed((await previewOf('case', mapSkills(identifier), 'map-skills.json')).id);
      const other = await previewOf('case', itemTypes(identifier), 'item-types.json');
      const response = await commit(other.id, { target: 'merge' }).expect(400);
      expect((response.body as ProblemDetails).errors?.map((error) => error.field)).toEqual(['target']);
    });
  });

  describe('a file without competencies', () => {
    const empty = (identifier: string, title: string) =>
      Buffer.from(
        JSON.stringify({
          CFDocument: { identifier, uri: `urn:uuid:${identifier}`, creator: 'Test set', title, lastChangeDateTime: '2025-01-01T00:00:00Z' },
          CFItems: [],
          CFAssociations: [],
        }),
      );

    it('is published only with acceptEmpty: true', async () => {
      const identifier = randomUUID();
      const preview = await previewOf('case', empty(identifier, 'Empty test document'), 'empty.json');
      expect(preview).toMatchObject({ counts: { competencies: 0 }, commitRequires: ['acceptEmpty'] });
      const refused = (await commit(preview.id).expect(409)).body as ProblemDetails;
      expect(refused.errors).toEqual([{ field: 'acceptEmpty', message: 'must be true to publish a framework without competencies' }]);
      expect(await versionsOf(identifier)).toBe(0);
      expect(await committed(preview.id, { acceptEmpty: true })).toMatchObject({ versionNumber: 1, created: true });
      // The same empty file again writes nothing, and needs nothing.
      const again = await previewOf('case', empty(identifier, 'Empty test document'), 'empty.json');
      expect(again).toMatchObject({ existing: { unchanged: true }, commitRequires: [] });
    });

    it('under the identifier of a framework with content asks all three questions', async () => {
      const identifier = randomUUID();
      await committed((await previewOf('proficio-json', json(gardenFramework(identifier)), 'garden.json')).id);
      const preview = await previewOf('case', empty(identifier, 'Empty test document'), 'empty.json');
      expect(preview.commitRequires).toEqual(['target', 'acceptContentLoss', 'acceptEmpty']);
      const refused = (await commit(preview.id, { target: 'new-framework' }).expect(409)).body as ProblemDetails;
      expect(refused.errors?.map((error) => error.field)).toEqual(['acceptEmpty']);
      expect(await committed(preview.id, { target: 'new-framework', acceptEmpty: true })).toMatchObject({ versionNumber: 1 });
    });
  });

  it('commits a version that only adds or changes content without a confirmation', async () => {
    const key = 'garden-grows';
    await committed((await previewOf('proficio-json', json(gardenFramework(key)), 'garden.json')).id);
    const grown = gardenFramework(key);
    grown.competencies[1]?.levels.push({ level: 2, description: { en: 'Waters a garden.' }, indicators: [], questions: [] });
    grown.framework.licence = 'CC BY-SA 4.0';
    const preview = await previewOf('proficio-json', json(grown), 'grown.json');
    expect(preview).toMatchObject({ existing: { unchanged: false, loss: NO_LOSS }, commitRequires: [], proposedVersionNumber: 2 });
    expect(await committed(preview.id)).toMatchObject({ versionNumber: 2, created: true });
  });

  it('says nothing is lost by an unchanged file, and needs no confirmation', async () => {
    const key = 'garden-same';
    const first = await committed((await previewOf('proficio-json', json(gardenFramework(key)), 'garden.json')).id);
    const again = await previewOf('proficio-json', json(gardenFramework(key)), 'garden.json');
    expect(again.existing).toMatchObject({ unchanged: true });
    expect(again.existing?.loss).toBeUndefined();
    expect(again.commitRequires).toEqual([]);
    expect(await committed(again.id)).toMatchObject({ frameworkVersionId: first.frameworkVersionId, created: false });
  });
});
