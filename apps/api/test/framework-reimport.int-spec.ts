import type {
  AuditEventView,
  FrameworkContentLoss,
  FrameworkDocument,
  FrameworkImportCommitResult,
  FrameworkImportPreview,
  Page,
  ProblemDetails,
} from '@proficio/shared/contracts';
import { exportMoodleCsv } from '@proficio/shared/competency';
import { DataSource } from 'typeorm';
import { createTestApp, TestApp } from './support/test-app';

/**
 * A small synthetic framework in two languages, with what a Moodle CSV cannot
 * hold: level descriptions, indicators, questions with probes, guidance, scale
 * texts, a licence and an attribution.
 */
function garden(key: string): FrameworkDocument {
  return {
    format: 'proficio-framework',
    formatVersion: 1,
    framework: {
      key,
      code: key,
      name: { en: 'Garden skills', fr: 'Jardinage' },
      publisher: 'Garden Guild',
      licence: 'CC BY 4.0',
      attribution: '© Garden Guild',
      versionLabel: 'unversioned',
      defaultLanguage: 'en',
      languages: ['en', 'fr'],
    },
    scale: {
      key: `${key}-scale`,
      name: { en: 'Competency scale: Garden skills' },
      levels: [
        { number: 1, code: '1', label: { en: 'Novice', fr: 'Novice' }, description: { en: 'Needs help.' } },
        { number: 2, code: '2', label: { en: 'Grower', fr: 'Jardinier' }, proficient: true, guidingPhrase: { en: 'Grows alone.' } },
      ],
    },
    categories: [{ key: 'soil', code: 'soil', name: { en: 'Soil', fr: 'Sol' } }],
    competencies: [
      {
        key: 'dig',
        code: 'dig',
        categoryKey: 'soil',
        title: { en: 'Digs', fr: 'Bêche' },
        guidance: { en: 'Use a spade.' },
        levels: [
          {
            level: 1,
            description: { en: 'Digs a bed.', fr: 'Bêche un carré.' },
            indicators: [{ en: 'Straight edges' }, { en: 'Even depth' }],
            questions: [{ text: { en: 'How deep?' }, probes: [{ en: 'Why?' }] }],
          },
          { level: 2, description: { en: 'Digs a garden.' }, indicators: [{ en: 'Plans the beds' }], questions: [] },
        ],
      },
      {
        key: 'water',
        code: 'water',
        categoryKey: 'soil',
        title: { en: 'Waters', fr: 'Arrose' },
        levels: [{ level: 1, description: { en: 'Waters pots.' }, indicators: [], questions: [] }],
      },
    ],
  };
}

const json = (doc: FrameworkDocument) => Buffer.from(JSON.stringify(doc));

const NO_LOSS: FrameworkContentLoss = {
  competencies: 0,
  categories: 0,
  levelDescriptions: 0,
  indicators: 0,
  questions: 0,
  guidance: 0,
  descriptions: 0,
  scaleTexts: 0,
  certifications: 0,
  translations: 0,
  languages: [],
  frameworkFields: [],
  total: 0,
};

describe('re-importing a framework', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await createTestApp();
  });

  afterAll(async () => {
    await testApp.close();
  });

  const previewOf = async (format: string, file: Buffer, fileName: string) =>
    (await testApp.http().post('/api/frameworks/imports').field('format', format).attach('file', file, fileName).expect(201))
      .body as FrameworkImportPreview;
  const commit = (importId: string, body?: object) => testApp.http().post(`/api/frameworks/imports/${importId}/commit`).send(body);
  const committed = async (importId: string, body?: object) =>
    (await commit(importId, body).expect(200)).body as FrameworkImportCommitResult;
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
      const first = await committed((await previewOf('proficio-json', json(garden('garden-loss-preview')), 'garden.json')).id);
      const moodle = await previewOf('moodle-csv', Buffer.from(exportMoodleCsv(garden('garden-loss-preview'))), 'garden.csv');
      expect(moodle.existing).toEqual({
        frameworkId: expect.any(String),
        latestVersionId: first.frameworkVersionId,
        latestVersionNumber: 1,
        code: 'garden-loss-preview',
        name: { text: 'Garden skills', language: 'en', fallback: false },
        unchanged: false,
        loss: {
          ...NO_LOSS,
          levelDescriptions: 3,
          indicators: 3,
          questions: 2,
          guidance: 1,
          scaleTexts: 2,
          // French names of the framework, the category, both competencies and both scale levels
          translations: 6,
          languages: ['fr'],
          frameworkFields: ['licence', 'attribution', 'publisher'],
          total: 3 + 3 + 2 + 1 + 2 + 6 + 3,
        },
      });
      expect(moodle.commitRequires).toEqual(['acceptContentLoss']);
    });

    it('is refused with 409 naming acceptContentLoss until the request accepts the loss, then published', async () => {
      const key = 'garden-loss-commit';
      await committed((await previewOf('proficio-json', json(garden(key)), 'garden.json')).id);
      const moodle = await previewOf('moodle-csv', Buffer.from(exportMoodleCsv(garden(key))), 'garden.csv');

      for (const body of [undefined, {}, { acceptContentLoss: false }]) {
        const refused = (await commit(moodle.id, body).expect(409)).body as ProblemDetails;
        expect(refused.errors).toEqual([
          {
            field: 'acceptContentLoss',
            message:
              'must be true to publish this file as version 2: it would lose 3 level descriptions, 3 indicators, 2 questions, 1 guidance text, 2 scale texts, 6 translations, the licence, the attribution and the publisher of version 1',
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
      await committed((await previewOf('proficio-json', json(garden(key)), 'garden.json')).id);
      const moodle = await previewOf('moodle-csv', Buffer.from(exportMoodleCsv(garden(key))), 'garden.csv');
      const response = await commit(moodle.id, { acceptContentLoss: 'yes' }).expect(400);
      expect((response.body as ProblemDetails).errors?.map((error) => error.field)).toEqual(['acceptContentLoss']);
    });

    it('is checked against the latest version when committed, not when previewed', async () => {
      const key = 'garden-loss-race';
      const smaller = garden(key);
      smaller.competencies[0]?.levels[0]?.indicators.pop();
      await committed((await previewOf('proficio-json', json(smaller), 'smaller.json')).id);
      // Previewed against the smaller version, the file loses nothing…
      const later = await previewOf('proficio-json', json(garden(key)), 'garden.json');
      expect(later).toMatchObject({ existing: { loss: { total: 0 } }, commitRequires: [] });
      // …but meanwhile a version with one more indicator is published, which it would lose.
      const richer = garden(key);
      richer.competencies[1]?.levels[0]?.indicators.push({ en: 'Checks the soil first' });
      await committed((await previewOf('proficio-json', json(richer), 'richer.json')).id);
      const refused = (await commit(later.id).expect(409)).body as ProblemDetails;
      expect(refused.errors?.[0]?.message).toMatch(
        /^must be true to publish this file as version 3: it would lose 1 indicator of version 2$/,
      );
      expect(await committed(later.id, { acceptContentLoss: true })).toMatchObject({ versionNumber: 3 });
    });
  });

  it('commits a version that only adds or changes content without a confirmation', async () => {
    const key = 'garden-grows';
    await committed((await previewOf('proficio-json', json(garden(key)), 'garden.json')).id);
    const grown = garden(key);
    grown.competencies[1]?.levels.push({ level: 2, description: { en: 'Waters a garden.' }, indicators: [], questions: [] });
    grown.framework.licence = 'CC BY-SA 4.0';
    const preview = await previewOf('proficio-json', json(grown), 'grown.json');
    expect(preview).toMatchObject({ existing: { unchanged: false, loss: NO_LOSS }, commitRequires: [], proposedVersionNumber: 2 });
    expect(await committed(preview.id)).toMatchObject({ versionNumber: 2, created: true });
  });

  it('says nothing is lost by an unchanged file, and needs no confirmation', async () => {
    const key = 'garden-same';
    const first = await committed((await previewOf('proficio-json', json(garden(key)), 'garden.json')).id);
    const again = await previewOf('proficio-json', json(garden(key)), 'garden.json');
    expect(again.existing).toMatchObject({ unchanged: true });
    expect(again.existing?.loss).toBeUndefined();
    expect(again.commitRequires).toEqual([]);
    expect(await committed(again.id)).toMatchObject({ frameworkVersionId: first.frameworkVersionId, created: false });
  });
});
