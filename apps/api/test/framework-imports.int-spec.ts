import type {
  FrameworkExportPreview,
  AuditEventView,
  CompetencySearchHit,
  FrameworkDocument,
  FrameworkSummary,
  FrameworkTree,
  LocalizedText,
  Page,
  ProblemDetails,
} from '@proficio/shared/contracts';
import {
  BUILT_IN_PACKS,
  checkMoodleCsvFit,
  MOODLE_CSV_COLUMNS,
  parseFramework,
  PROFICIO_FRAMEWORK_SCHEMA,
} from '@proficio/shared/competency';
import { fixturePath } from '@proficio/shared/competency/testing';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { frameworkImports } from './support/framework-imports';
import { useTestApp } from './support/test-app';

const fixture = (path: string) => readFileSync(fixturePath(path));

/** A framework that uses every field of the proficio-framework v1 schema (checked below). */
const EVERY_FIELD = JSON.parse(
  readFileSync(join(__dirname, 'fixtures', 'frameworks', 'every-field.proficio.json'), 'utf8'),
) as FrameworkDocument;
/** The every-field framework under its own key, so that each test writes a framework of its own. */
const everyField = (key: string): FrameworkDocument => {
  const doc = structuredClone(EVERY_FIELD);
  doc.framework.key = key;
  return doc;
};
const jsonFile = (value: unknown) => Buffer.from(JSON.stringify(value, null, 2));

/** The OECD Moodle fixture with another framework ID number, so that each test imports a framework of its own. */
const oecdCsv = (key: string) => {
  const csv = fixture('ok/moodle/oecd-core-competencies.csv').toString('utf8');
  expect(csv).toContain('\n,OECD-CORE,');
  return Buffer.from(csv.replace('\n,OECD-CORE,', `\n,${key},`));
};

/**
 * Everything the Moodle CSV export loses of the every-field framework, as
 * JSON pointers: checkMoodleCsvFit must list exactly these, and the
 * round trip below must lose exactly these (see keptByMoodle).
 */
const MOODLE_LOSSES = [
  '/framework/languages',
  '/framework/code',
  '/framework/publisher',
  '/framework/sourceUrl',
  '/framework/licence',
  '/framework/attribution',
  '/framework/versionLabel',
  '/certifications',
  '/caseSource',
  '/scale/key',
  '/scale/name',
  '/scale/levels/0/code',
  '/scale/levels/0/description',
  '/scale/levels/0/guidingPhrase',
  '/scale/levels/1/code',
  '/scale/levels/1/description',
  '/scale/levels/1/guidingPhrase',
  '/scale/levels/2/code',
  '/scale/levels/2/guidingPhrase',
  '/scale/levels/2/proficient',
  '/scale/levels/3/code',
  '/scale/levels/3/description',
  '/scale/levels/4/code',
  '/scale/levels/4/label',
  '/categories/0/code',
  '/categories/1/code',
  '/categories/2/code',
  '/categories/3/code',
  '/competencies/0/code',
  '/competencies/0/guidance',
  '/competencies/0',
  '/competencies/0/levels',
  '/competencies/0/notPractisedLevels',
  '/competencies/1/code',
  '/competencies/1/levels',
  '/competencies/2/code',
  '/competencies/2',
  '/competencies/3/code',
  '/competencies/3/guidance',
  '/competencies/3',
  '/competencies/3/levels',
];

/**
 * What a Moodle CSV keeps of a document, written out field by field: one
 * language, the ID number as code, Moodle's own scale key and name, scale
 * levels numbered by position with comma-free labels and their proficient
 * flags (an explicit false comes back absent), depth names, no per-level content,
 * no guidance, change markers, licence, publisher or certifications.
 */
function keptByMoodle(doc: FrameworkDocument): FrameworkDocument {
  const language = doc.framework.defaultLanguage;
  const one = (text: LocalizedText) => ({ [language]: text[language] as string });
  const oneIfAny = <K extends string>(key: K, text: LocalizedText | undefined) => (text ? { [key]: one(text) } : {});
  return {
    format: 'proficio-framework',
    formatVersion: 1,
    framework: {
      key: doc.framework.key,
      code: doc.framework.key,
      name: one(doc.framework.name),
      ...oneIfAny('description', doc.framework.description),
      versionLabel: 'unversioned',
      defaultLanguage: language,
      languages: [language],
      ...(doc.framework.depthNames ? { depthNames: doc.framework.depthNames.map(one) } : {}),
    },
    scale: {
      key: `${doc.framework.key}-scale`,
      name: { [language]: `Competency scale: ${doc.framework.name[language]}` },
      levels: doc.scale.levels.map((level, index) => ({
        number: index + 1,
        code: String(index + 1),
        label: { [language]: (level.label[language] as string).replace(/,/g, ';') },
        ...(level.proficient ? { proficient: true } : {}),
      })),
    },
    categories: doc.categories.map((category) => ({
      key: category.key,
      code: category.key,
      name: one(category.name),
      ...oneIfAny('description', category.description),
      ...(category.parentKey ? { parentKey: category.parentKey } : {}),
    })),
    competencies: doc.competencies.map((competency) => ({
      key: competency.key,
      code: competency.key,
      ...(competency.categoryKey ? { categoryKey: competency.categoryKey } : {}),
      title: one(competency.title),
      ...oneIfAny('description', competency.description),
      ...(competency.relatedKeys?.length ? { relatedKeys: competency.relatedKeys } : {}),
      levels: [],
    })),
  };
}

type JsonSchema = {
  $ref?: string;
  type?: string;
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  definitions?: Record<string, JsonSchema>;
};

/** Every property path the schema allows ("competencies[].levels[].questions[].probes"); LocalizedText maps are leaves. */
function schemaPaths(root: JsonSchema, schema: JsonSchema = root, path = '', out = new Set<string>()): Set<string> {
  const resolved = schema.$ref ? (root.definitions?.[schema.$ref.split('/').pop() ?? ''] ?? {}) : schema;
  if (resolved.items) schemaPaths(root, resolved.items, `${path}[]`, out);
  for (const [name, property] of Object.entries(resolved.properties ?? {})) {
    const child = path ? `${path}.${name}` : name;
    out.add(child);
    schemaPaths(root, property, child, out);
  }
  return out;
}

/** Every property path the value has, with the same notation. */
function valuePaths(value: unknown, path = '', out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((item) => valuePaths(item, `${path}[]`, out));
  else if (value && typeof value === 'object')
    for (const [name, child] of Object.entries(value)) {
      const childPath = path ? `${path}.${name}` : name;
      out.add(childPath);
      valuePaths(child, childPath, out);
    }
  return out;
}

describe('framework import and export', () => {
  const testApp = useTestApp();

  const { upload, previewOf, commit, committed } = frameworkImports(testApp);
  /** Upload → preview → commit, as a user does it. */
  const importFile = async (format: string, file: Buffer, fileName: string) => {
    const preview = await previewOf(format, file, fileName);
    return { preview, commit: await committed(preview.id) };
  };
  const exported = (versionId: string, format: 'proficio-json' | 'moodle-csv' | 'case') =>
    testApp.http().get(`/api/frameworks/${versionId}/export?format=${format}`).expect(200);
  const exportPreview = async (versionId: string, format: 'proficio-json' | 'moodle-csv' | 'case') =>
    (await testApp.http().get(`/api/frameworks/${versionId}/export/preview?format=${format}`).expect(200)).body as FrameworkExportPreview;
  const exportedDocument = async (versionId: string) => JSON.parse((await exported(versionId, 'proficio-json')).text) as FrameworkDocument;
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
    it('previews the file without writing a framework', async () => {
      const before = await frameworkCount();
      const preview = await previewOf('moodle-csv', oecdCsv('OECD-PREVIEW'), 'oecd-core-competencies.csv');
      expect(preview).toMatchObject({
        format: 'moodle-csv',
        fileName: 'oecd-core-competencies.csv',
        status: 'previewed',
        proposedVersionNumber: 1,
        framework: { key: 'OECD-PREVIEW', name: { text: 'OECD', language: 'en' }, defaultLanguage: 'en', languages: ['en'] },
      });
      expect(preview.existing).toBeUndefined();
      expect(preview.counts.competencies).toBeGreaterThan(10);
      expect(await frameworkCount()).toBe(before);

      const again = await testApp.http().get(`/api/frameworks/imports/${preview.id}`).expect(200);
      expect(again.body).toEqual(preview);
    });

    it('commits it as a published framework whose competencies can be found', async () => {
      const { preview, commit: result } = await importFile('moodle-csv', oecdCsv('OECD-COMMIT'), 'oecd-core-competencies.csv');
      expect(result).toMatchObject({ importId: preview.id, versionNumber: 1, created: true });
      expect((await testApp.http().get(`/api/frameworks/imports/${preview.id}`).expect(200)).body).toMatchObject({
        status: 'committed',
        committedVersionId: result.frameworkVersionId,
      });

      const [framework] = (await list('OECD-COMMIT')).items;
      expect(framework).toMatchObject({ id: result.frameworkVersionId, status: 'published', builtIn: false, counts: preview.counts });

      const hits = (await testApp.http().get(`/api/competencies?frameworkId=${result.frameworkVersionId}&q=collaboration`).expect(200))
        .body as Page<CompetencySearchHit>;
      expect(hits.items.map((hit) => hit.code)).toContain('DR-TW-1');

      // who committed it, on the import and in the audit log
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
      const { preview } = await importFile('moodle-csv', oecdCsv('OECD-TWICE'), 'oecd-core-competencies.csv');
      const response = await commit(preview.id).expect(409);
      expect(response.body).toMatchObject({ status: 409, title: 'Conflict' });
    });

    it('recognises a re-import of the same file as the same framework, unchanged', async () => {
      const first = await importFile('moodle-csv', oecdCsv('OECD-AGAIN'), 'oecd-core-competencies.csv');
      const again = await previewOf('moodle-csv', oecdCsv('OECD-AGAIN'), 'again.csv');
      expect(again.existing).toMatchObject({
        frameworkId: expect.any(String),
        latestVersionId: first.commit.frameworkVersionId,
        latestVersionNumber: 1,
        unchanged: true,
      });
      expect(again.proposedVersionNumber).toBe(1);
      expect(await committed(again.id)).toMatchObject({
        frameworkVersionId: first.commit.frameworkVersionId,
        versionNumber: 1,
        created: false,
      });
    });
  });

  describe('what an import keeps besides the content', () => {
    /** A Moodle CSV (14 columns) of a small garden framework under its own ID number, with `rows` below the framework row. */
    const gardenCsv = (key: string, rows: string[]) =>
      Buffer.from([MOODLE_CSV_COLUMNS.join(','), `,${key},Garden skills,,2,"Low,High",,,,,,,1,`, ...rows].join('\r\n'));

    it('stores the warnings of the file with the version: the library counts them, the tree lists them', async () => {
      const file = gardenCsv('GARDEN-WARNINGS', [',soil-1,Tests the soil,,2,,,,,,,,,', ',soil-2,Digs beds,,2,"Bad,Good",,,,,,,,']);
      const { preview, commit: result } = await importFile('moodle-csv', file, 'garden.csv');
      expect(preview.warnings).toEqual([
        {
          severity: 'warning',
          message: 'Competency "soil-2" has its own scale; it is not kept (the framework scale applies).',
          location: 'row 4, column 6 (Scale values)',
        },
      ]);
      const [summary] = (await list('GARDEN-WARNINGS')).items;
      expect(summary).toMatchObject({ id: result.frameworkVersionId, warningCount: 1 + preview.dataQualityWarnings.length });
      const tree = (await testApp.http().get(`/api/frameworks/${result.frameworkVersionId}`).expect(200)).body as FrameworkTree;
      expect(tree.importWarnings).toEqual(preview.warnings);
      expect(tree.warnings).toEqual(preview.dataQualityWarnings);
    });

    it("titles a Moodle competency whose short name the source cut with '…' with its description's first sentence", async () => {
      const file = gardenCsv('GARDEN-CUT', [
        ',soil-1,Tests the soil before planting and keeps a record of…,Tests the soil before planting and keeps a record of the results. Uses a kit.,2,,,,,,,,,',
        ',soil-2,Digs…,Plants bulbs in spring.,2,,,,,,,,,',
      ]);
      const { preview, commit: result } = await importFile('moodle-csv', file, 'garden.csv');
      expect(preview.warnings.map((warning) => warning.location)).toEqual(['row 3, column 3 (Short name)']);
      const stored = await exportedDocument(result.frameworkVersionId);
      expect(stored.competencies.map((competency) => [competency.code, competency.title['en']])).toEqual([
        ['soil-1', 'Tests the soil before planting and keeps a record of the results.'],
        // Not cut by the source: the description does not start with it.
        ['soil-2', 'Digs…'],
      ]);
    });

    it('gives a CASE framework a short code, not its whole title', async () => {
      const identifier = randomUUID();
      const item = randomUUID();
      const pkg = {
        CFDocument: {
          identifier,
          uri: `urn:uuid:${identifier}`,
          creator: 'Test',
          title: 'Learning Outcomes for Year 1',
          lastChangeDateTime: '2025-01-01T00:00:00Z',
        },
        CFItems: [{ identifier: item, uri: `urn:uuid:${item}`, fullStatement: 'Reads a map.', lastChangeDateTime: '2025-01-01T00:00:00Z' }],
        CFAssociations: [],
      };
      const { preview, commit: result } = await importFile('case', jsonFile(pkg), 'year-1.json');
      expect(preview.framework).toMatchObject({ key: identifier, code: 'LOY1', name: { text: 'Learning Outcomes for Year 1' } });
      const tree = (await testApp.http().get(`/api/frameworks/${result.frameworkVersionId}`).expect(200)).body as FrameworkTree;
      expect(tree.code).toBe('LOY1');
      expect(tree.competencies.map((competency) => [competency.code, competency.title.text])).toEqual([['', 'Reads a map.']]);
    });
  });

  describe('CASE packages', () => {
    it.each(['ok/case/opensalt-sample-framework-20c5134f.json', 'ok/case/opensalt-ItemTypeTestFramework.json'])(
      'imports %s with the content of the file',
      async (path) => {
        const file = fixture(path);
        const source = JSON.parse(file.toString('utf8')) as { CFDocument: { identifier: string; title: string; creator: string } };
        // What the file holds, as the format library reads it (its own tests pin the mapping down).
        const parsed = parseFramework('case', file, { fileName: path }).document as FrameworkDocument;
        const { preview, commit: result } = await importFile('case', file, path.split('/').pop() ?? 'case.json');
        expect(preview.framework).toMatchObject({ key: source.CFDocument.identifier, name: { text: source.CFDocument.title } });
        expect(result).toMatchObject({ importId: preview.id, versionNumber: 1 });

        const stored = await exportedDocument(result.frameworkVersionId);
        expect(stored).toEqual(parsed);
        expect(stored.framework).toMatchObject({ key: source.CFDocument.identifier, publisher: source.CFDocument.creator });
      },
    );

    it('keeps the hierarchy, codes and texts of the OpenSALT sample', async () => {
      const { commit: result } = await importFile('case', fixture('ok/case/opensalt-sample-framework-20c5134f.json'), 'sample.json');
      const stored = await exportedDocument(result.frameworkVersionId);
      expect(stored.framework.name).toEqual({ en: 'What Standards Could Be' });
      expect(stored.categories).toHaveLength(4);
      expect(stored.competencies).toHaveLength(12);
      const ratio = stored.competencies.find((competency) => competency.code === 'CCSS.Math.Content.6.RP.A.1');
      expect(ratio?.title['en']).toMatch(/^Understand the concept of a ratio and use ratio language/);
      expect(ratio?.guidance?.['en']).toMatch(/^For example, "The ratio of wings to beaks/);
      const parent = stored.categories.find((category) => category.key === ratio?.categoryKey);
      expect(parent?.code).toBe('CCSS.Math.Content.6.RP.A');
    });
  });

  describe("CASE export of a framework imported from a publisher's package", () => {
    /** A package as a publisher writes it: its own identifiers and dates, a creator but no publisher, no version, no rubrics. */
    const publisherPackage = (documentId: string) => {
      const id = (n: number) => `${documentId.slice(0, 24)}${String(n).padStart(12, '0')}`;
      const link = (identifier: string) => ({ identifier, uri: `https://case.example.org/uri/${identifier}`, title: identifier });
      const association = (n: number, type: string, origin: string, destination: string, sequenceNumber?: number) => ({
        identifier: id(100 + n),
        uri: `https://case.example.org/uri/${id(100 + n)}`,
        associationType: type,
        originNodeURI: link(origin),
        destinationNodeURI: link(destination),
        ...(sequenceNumber ? { sequenceNumber } : {}),
        lastChangeDateTime: `2023-0${n}-01T12:00:00Z`,
      });
      return {
        CFDocument: {
          identifier: documentId,
          uri: `https://case.example.org/uri/${documentId}`,
          creator: 'Map Guild',
          title: 'Map skills',
          lastChangeDateTime: '2024-05-06T07:08:09+02:00',
        },
        CFItems: [
          { identifier: id(1), uri: 'u1', fullStatement: 'Reading', humanCodingScheme: 'R', lastChangeDateTime: '2023-01-01T00:00:00Z' },
          {
            identifier: id(2),
            uri: 'u2',
            fullStatement: 'Reads a map.',
            humanCodingScheme: 'R.1',
            lastChangeDateTime: '2023-02-03T04:05:06Z',
          },
          {
            identifier: id(3),
            uri: 'u3',
            fullStatement: 'Plans a route.',
            humanCodingScheme: 'P.1',
            lastChangeDateTime: '2023-03-04T05:06:07Z',
          },
        ],
        CFAssociations: [
          association(1, 'isChildOf', id(1), documentId, 1),
          association(2, 'isChildOf', id(2), id(1), 1),
          association(3, 'isChildOf', id(3), documentId, 2),
          association(4, 'isPeerOf', id(2), id(3)),
        ],
      };
    };
    type Package = ReturnType<typeof publisherPackage>;

    it("gives back the source's identifiers and dates, and no version, publisher or rubric it did not have; the export imports as the same content", async () => {
      const documentId = randomUUID();
      const source = publisherPackage(documentId);
      const { commit: result } = await importFile('case', jsonFile(source), 'map-skills.json');
      const pkg = JSON.parse((await exported(result.frameworkVersionId, 'case')).text) as Package & Record<string, unknown>;

      expect(pkg.CFDocument).toMatchObject({
        identifier: documentId,
        creator: 'Map Guild',
        title: 'Map skills',
        lastChangeDateTime: '2024-05-06T07:08:09+02:00',
      });
      expect(pkg.CFDocument).not.toHaveProperty('publisher');
      expect(pkg.CFDocument).not.toHaveProperty('version');
      expect(pkg).not.toHaveProperty('CFRubrics');
      expect(pkg.CFItems.map((item) => [item.identifier, item.lastChangeDateTime])).toEqual(
        source.CFItems.map((item) => [item.identifier, item.lastChangeDateTime]),
      );
      const shape = (list: Package['CFAssociations']) =>
        list.map((a) => [
          a.identifier,
          a.associationType,
          a.originNodeURI.identifier,
          a.destinationNodeURI.identifier,
          a.lastChangeDateTime,
        ]);
      expect(shape(pkg.CFAssociations)).toEqual(shape(source.CFAssociations));

      const again = await previewOf('case', Buffer.from(JSON.stringify(pkg)), 'map-skills.case.json');
      expect(again.existing).toMatchObject({ latestVersionId: result.frameworkVersionId, unchanged: true });
    });

    it("previews the CASE download of such a package as regenerating nothing: the file keeps the source's identifiers", async () => {
      const { commit: result } = await importFile('case', jsonFile(publisherPackage(randomUUID())), 'map-skills.json');
      const download = await exported(result.frameworkVersionId, 'case');
      const preview = await exportPreview(result.frameworkVersionId, 'case');
      expect(preview).toEqual({
        format: 'case',
        fileName: download.headers['content-disposition']?.match(/filename="(.+)"/)?.[1],
        mediaType: 'application/json; charset=utf-8',
        size: Buffer.byteLength(download.text),
        notes: [],
      });
      expect(preview.fileName).toMatch(/-v1\.case\.json$/);
    });

    it('previews what the CASE download regenerates for a package whose identifiers are not UUIDs and that gives no dates', async () => {
      const documentId = randomUUID();
      const source = publisherPackage(documentId);
      const badIds = [`map-reading-${documentId}`, `reads-${documentId}`];
      const renamed = new Map([
        [source.CFItems[0].identifier, badIds[0]],
        [source.CFItems[1].identifier, badIds[1]],
      ]);
      const rename = (id: string) => renamed.get(id) ?? id;
      source.CFItems.forEach((item) => (item.identifier = rename(item.identifier)));
      source.CFAssociations.forEach((a) => {
        a.originNodeURI.identifier = rename(a.originNodeURI.identifier);
        a.destinationNodeURI.identifier = rename(a.destinationNodeURI.identifier);
        a.identifier = `association-${a.identifier}`;
      });
      delete (source.CFDocument as Record<string, unknown>)['lastChangeDateTime'];
      const { commit: result } = await importFile('case', jsonFile(source), 'map-skills-bad-ids.json');

      const preview = await exportPreview(result.frameworkVersionId, 'case');
      const [published] = (await testApp.app
        .get(DataSource)
        .query('SELECT published_at FROM framework_version WHERE id = $1', [result.frameworkVersionId])) as { published_at: Date }[];
      const publishedAt = published?.published_at.toISOString();
      expect(preview.notes).toEqual([
        {
          kind: 'regenerated',
          message: expect.stringMatching(
            /^2 item identifiers of the source \(categories and competencies\) were not UUIDs and were regenerated/,
          ),
          count: 2,
          locations: ['/categories/0/key', '/competencies/0/key'],
        },
        {
          kind: 'regenerated',
          message: `4 associations placing or relating items had no UUID identifier in the source: they were regenerated from the items they link, dated the version's publication time (${publishedAt}).`,
          count: 4,
        },
        {
          kind: 'regenerated',
          message: `The source gave the document no lastChangeDateTime: the version's publication time (${publishedAt}) was used.`,
          count: 1,
        },
      ]);

      // The download is the file described: those identifiers are new, the dates are the version's, and it does not change.
      const download = await exported(result.frameworkVersionId, 'case');
      expect(Buffer.byteLength(download.text)).toBe(preview.size);
      expect((await exported(result.frameworkVersionId, 'case')).text).toBe(download.text);
      const pkg = JSON.parse(download.text) as Package;
      expect(pkg.CFDocument).toMatchObject({ identifier: documentId, lastChangeDateTime: publishedAt });
      const identifiers = pkg.CFItems.map((item) => item.identifier);
      expect(identifiers).not.toContain(badIds[0]);
      expect(identifiers).not.toContain(badIds[1]);
      expect(identifiers).toContain(source.CFItems[2].identifier);
      expect(pkg.CFAssociations.filter((a) => a.identifier.startsWith('association-'))).toEqual([]);
    });
  });

  describe('round trips of a framework that uses every field', () => {
    it('the fixture uses every field of the schema, several languages and nested categories', () => {
      const schema = PROFICIO_FRAMEWORK_SCHEMA as JsonSchema;
      const used = valuePaths(EVERY_FIELD);
      expect([...schemaPaths(schema)].filter((path) => !used.has(path))).toEqual([]);
      expect(parseFramework('proficio-json', jsonFile(EVERY_FIELD), {}).errors).toEqual([]);
      expect(EVERY_FIELD.framework.languages.length).toBeGreaterThan(2);
      const byKey = new Map(EVERY_FIELD.categories.map((category) => [category.key, category]));
      const depth = (key: string | undefined): number => (key ? 1 + depth(byKey.get(key)?.parentKey) : 0);
      expect(Math.max(...EVERY_FIELD.categories.map((category) => depth(category.key)))).toBeGreaterThanOrEqual(3);
      const statuses = EVERY_FIELD.competencies.flatMap((c) => [
        c.changeStatus,
        c.guidanceChangeStatus,
        ...c.levels.map((l) => l.changeStatus),
      ]);
      expect(new Set(statuses.filter(Boolean))).toEqual(new Set(['new', 'modified', 'unchanged']));
    });

    it('Proficio JSON: import → commit → export gives back the document field by field', async () => {
      const doc = everyField('every-field-json');
      const { preview, commit: result } = await importFile('proficio-json', jsonFile(doc), 'every-field.json');
      expect(preview.warnings).toEqual([]);
      expect(preview.counts).toEqual({ competencies: 4, levels: 5, indicators: 4, questions: 3 });

      const response = await exported(result.frameworkVersionId, 'proficio-json');
      expect(response.headers['content-type']).toMatch(/^application\/json/);
      expect(response.headers['content-disposition']).toBe('attachment; filename="every-field-json-v1.json"');
      expect(JSON.parse(response.text)).toEqual(doc);

      const again = await previewOf('proficio-json', Buffer.from(response.text), 'again.json');
      expect(again.existing).toMatchObject({ latestVersionId: result.frameworkVersionId, unchanged: true });
    });

    it('shows the proficient levels and the depth names of a stored version, in the language asked', async () => {
      const { commit: result } = await importFile('proficio-json', jsonFile(everyField('every-field-tree')), 'every-field.json');
      const tree = (await testApp.http().get(`/api/frameworks/${result.frameworkVersionId}?lang=fr`).expect(200)).body as FrameworkTree;
      expect(tree.scale.levels.map((level) => level.proficient)).toEqual([undefined, undefined, false, true, true]);
      expect(tree.depthNames?.map((name) => [name.text, name.language])).toEqual([
        ['Domaine', 'fr'],
        ['Competency', 'en'],
        ['Behaviour', 'en'],
      ]);
    });

    it('CASE 1.1: import → commit → export → import gives back the document field by field', async () => {
      const doc = everyField('every-field-case');
      const { commit: result } = await importFile('proficio-json', jsonFile(doc), 'every-field.json');
      const response = await exported(result.frameworkVersionId, 'case');
      expect(response.headers['content-disposition']).toBe('attachment; filename="every-field-case-v1.case.json"');

      // The package itself carries the content in standard CASE fields.
      type Item = { CFItemType: string; humanCodingScheme?: string; fullStatement: string; abbreviatedStatement?: string; notes?: string };
      const pkg = JSON.parse(response.text) as {
        CFDocument: Record<string, unknown>;
        CFItems: Item[];
        CFAssociations: { associationType: string }[];
        CFRubrics: {
          title: string;
          CFRubricCriteria: { CFRubricCriterionLevels: { score: number; quality: string; description?: string }[] }[];
        }[];
      };
      expect(pkg.CFDocument).toMatchObject({
        caseVersion: '1.1',
        title: doc.framework.name['en'],
        description: doc.framework.description?.['en'],
        creator: doc.framework.publisher,
        publisher: doc.framework.publisher,
        officialSourceURL: doc.framework.sourceUrl,
        language: 'en',
        version: doc.framework.versionLabel,
        licenseURI: { title: doc.framework.licence },
        notes: doc.framework.attribution,
      });
      const ofType = (type: string) => pkg.CFItems.filter((item) => item.CFItemType === type);
      expect(ofType('Category').map((item) => item.humanCodingScheme ?? null)).toEqual(doc.categories.map((c) => c.code ?? null));
      expect(
        ofType('Competency').map((item) => [item.humanCodingScheme, item.abbreviatedStatement ?? item.fullStatement, item.notes]),
      ).toEqual(doc.competencies.map((c) => [c.code, c.title['en'], c.guidance?.['en']]));
      expect(ofType('Behaviour indicator').map((item) => item.fullStatement)).toEqual(
        doc.competencies.flatMap((c) => c.levels.flatMap((l) => l.indicators.map((text) => text['en']))),
      );
      expect(ofType('Interview question').map((item) => item.fullStatement)).toEqual(
        doc.competencies.flatMap((c) => c.levels.flatMap((l) => l.questions.map((q) => q.text['en']))),
      );
      expect(ofType('Probing question').map((item) => item.fullStatement)).toEqual(
        doc.competencies.flatMap((c) => c.levels.flatMap((l) => l.questions.flatMap((q) => q.probes.map((p) => p['en'])))),
      );
      const associations = pkg.CFAssociations.map((a) => a.associationType);
      expect(associations.filter((type) => type === 'isRelatedTo')).toHaveLength(3);
      expect(associations.filter((type) => type === 'hasSkillLevel')).toHaveLength(5);
      const scaleRubric = pkg.CFRubrics.find((rubric) => rubric.title === doc.scale.name['en']);
      expect(scaleRubric?.CFRubricCriteria[0]?.CFRubricCriterionLevels.map((level) => [level.score, level.quality])).toEqual(
        doc.scale.levels.map((level) => [level.number, level.label['en']]),
      );

      // Importing the package again is recognised as the same content…
      const same = await previewOf('case', Buffer.from(response.text), 'every-field.case.json');
      expect(same.existing).toMatchObject({ latestVersionId: result.frameworkVersionId, unchanged: true });
      // …and, under another key, stores exactly the original document.
      const renamed = JSON.parse(response.text) as { CFDocument: { extensions: { proficio: { key: string } } } };
      expect(renamed.CFDocument.extensions.proficio.key).toBe('every-field-case');
      renamed.CFDocument.extensions.proficio.key = 'every-field-case-again';
      const back = await importFile('case', jsonFile(renamed), 'every-field-again.case.json');
      expect(back.commit).toMatchObject({ versionNumber: 1, created: true });
      expect(await exportedDocument(back.commit.frameworkVersionId)).toEqual(everyField('every-field-case-again'));
    });

    it('Moodle CSV: import → commit → export → import keeps everything but the documented losses', async () => {
      const doc = everyField('every-field-moodle');
      expect(checkMoodleCsvFit(doc).map((issue) => issue.location)).toEqual(MOODLE_LOSSES);

      const { commit: result } = await importFile('proficio-json', jsonFile(doc), 'every-field.json');
      const response = await exported(result.frameworkVersionId, 'moodle-csv');
      expect(response.headers['content-type']).toMatch(/^text\/csv/);
      expect(response.headers['content-disposition']).toBe('attachment; filename="every-field-moodle-v1.csv"');

      // The file: Moodle's columns, the framework row, then categories and competencies by ID number with their parent.
      const lines = response.text.split('\r\n').filter((line) => line !== '');
      expect(lines).toHaveLength(1 + 1 + doc.categories.length + doc.competencies.length);
      expect(lines[0]).toBe(MOODLE_CSV_COLUMNS.join(','));
      expect(lines[1]).toContain(',every-field-moodle,Every Field Framework,');
      expect(lines[1]).toContain('"Follow,Assist,Apply,Enable,Ensure; advise"');
      expect(lines.slice(2, 2 + doc.categories.length).map((line) => line.split(',').slice(0, 3))).toEqual(
        doc.categories.map((c) => [c.parentKey ?? '', c.key, c.name['en']]),
      );
      expect(lines.slice(2 + doc.categories.length).map((line) => line.split(',').slice(0, 3))).toEqual(
        doc.competencies.map((c) => [c.categoryKey ?? '', c.key, c.title['en']]),
      );
      expect(response.text).toContain('"release-planning,service-delivery"');
      expect(response.text).not.toMatch(
        /Référentiel|Portfoliomanagement|POMG|Guidance notes|Keeps the portfolio register|Portfolio Practitioner/,
      );

      // Imported again, it is the next version of the same framework, holding what Moodle keeps.
      const again = await previewOf('moodle-csv', Buffer.from(response.text), 'every-field.csv');
      expect(again).toMatchObject({ proposedVersionNumber: 2, existing: { latestVersionId: result.frameworkVersionId, unchanged: false } });
      expect(again.warnings).toEqual([]);
      // What Moodle does not keep is what this version would lose: the commit must accept it.
      expect(again.existing?.loss).toMatchObject({
        levelDescriptions: 5,
        indicators: 4,
        frameworkFields: ['licence', 'attribution', 'publisher', 'sourceUrl'],
      });
      expect(again.commitRequires).toEqual(['acceptContentLoss']);
      const second = await committed(again.id, { acceptContentLoss: true });
      expect(second).toMatchObject({ versionNumber: 2, created: true });
      expect(await exportedDocument(second.frameworkVersionId)).toEqual(keptByMoodle(doc));
      // What Moodle keeps is stable: exporting the re-import gives the same file.
      expect((await exported(second.frameworkVersionId, 'moodle-csv')).text).toBe(response.text);
    });
  });

  describe('commit atomicity', () => {
    const snapshot = async () => {
      const db = testApp.app.get(DataSource);
      const tables = (await db.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`)) as {
        tablename: string;
      }[];
      const out: Record<string, { rows: number; digest: string }> = {};
      for (const { tablename } of tables) {
        const [row] = await db.query(
          `SELECT count(*)::int AS rows, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS digest FROM "${tablename}" t`,
        );
        out[tablename] = row;
      }
      return out;
    };

    it('a failure late in the commit changes no row of any table and leaves the import previewed; without it the same commit succeeds', async () => {
      const db = testApp.app.get(DataSource);
      const doc = everyField('every-field-atomic');
      const preview = await previewOf('proficio-json', jsonFile(doc), 'atomic.json');
      // Certifications are the last rows of a version the commit writes. The trigger fails their insert only
      // once the version's levels, indicators and questions are written in the same transaction: had the
      // commit failed earlier (or not at all), the request would not answer 500 here.
      await db.query(`
        CREATE FUNCTION test_fail_late_in_commit() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF EXISTS (SELECT 1 FROM interview_question q
                       JOIN competency_level l ON l.id = q.competency_level_id
                       JOIN competency c ON c.id = l.competency_id
                      WHERE c.framework_version_id = NEW.framework_version_id) THEN
            RAISE EXCEPTION 'test: failing the commit after part of the write';
          END IF;
          RETURN NEW;
        END $$`);
      await db.query(
        'CREATE TRIGGER test_fail_late_in_commit BEFORE INSERT ON certification FOR EACH ROW EXECUTE FUNCTION test_fail_late_in_commit()',
      );
      let before: Awaited<ReturnType<typeof snapshot>>;
      try {
        before = await snapshot();
        expect(before['framework_import']?.rows).toBeGreaterThan(0);
        const response = await commit(preview.id).expect(500);
        expect(response.body).toMatchObject({ status: 500 });
        expect(await snapshot()).toEqual(before);
        expect((await testApp.http().get(`/api/frameworks/imports/${preview.id}`).expect(200)).body).toEqual(preview);
      } finally {
        await db.query('DROP TRIGGER IF EXISTS test_fail_late_in_commit ON certification');
        await db.query('DROP FUNCTION IF EXISTS test_fail_late_in_commit()');
      }

      const result = await committed(preview.id);
      expect(result).toMatchObject({ importId: preview.id, versionNumber: 1, created: true });
      expect(await exportedDocument(result.frameworkVersionId)).toEqual(doc);
      // The snapshot sees a commit: every framework table gained the rows of the new version.
      const after = await snapshot();
      const gained = (table: string) => (after[table]?.rows ?? 0) - (before[table]?.rows ?? 0);
      expect(
        Object.fromEntries(
          [
            'framework',
            'framework_version',
            'scale_level',
            'category',
            'competency',
            'competency_level',
            'behaviour_indicator',
            'interview_question',
            'certification',
          ].map((table) => [table, gained(table)]),
        ),
      ).toEqual({
        framework: 1,
        framework_version: 1,
        scale_level: 5,
        category: 4,
        competency: 4,
        competency_level: 5,
        behaviour_indicator: 4,
        interview_question: 3,
        certification: 2,
      });
      expect(gained('competency_search')).toBeGreaterThan(0);
      expect(after['framework_import']?.digest).not.toBe(before['framework_import']?.digest);
    });
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

    it('exports the e-CF pack as a CASE package that imports again as the same content', async () => {
      const [ecf] = (await list('e-CF')).items;
      const case_ = await testApp.http().get(`/api/frameworks/${ecf?.id}/export?format=case`).expect(200);
      const preview = await previewOf('case', Buffer.from(case_.text), 'ecf.case.json');
      expect(preview.counts).toEqual(ecf?.counts);
      expect(preview.existing).toMatchObject({ latestVersionId: ecf?.id, unchanged: true });
    });

    it('rejects an unknown export format naming the parameter', async () => {
      const [sm] = (await list('SM')).items;
      const response = await testApp.http().get(`/api/frameworks/${sm?.id}/export?format=xlsx`).expect(400);
      expect((response.body as ProblemDetails).errors?.[0]?.field).toBe('format');
      const preview = await testApp.http().get(`/api/frameworks/${sm?.id}/export/preview?format=xlsx`).expect(400);
      expect((preview.body as ProblemDetails).errors?.[0]?.field).toBe('format');
    });

    it('previews each format of a built-in pack as the file the download gives: Proficio JSON keeps all, Moodle CSV says what it leaves out', async () => {
      const [itmg] = (await list('ITMG')).items;
      const id = itmg?.id ?? '';
      for (const format of ['proficio-json', 'moodle-csv', 'case'] as const) {
        const [download, preview] = await Promise.all([exported(id, format), exportPreview(id, format)]);
        expect(preview).toMatchObject({ format, size: Buffer.byteLength(download.text) });
        expect(download.headers['content-disposition']).toBe(`attachment; filename="${preview.fileName}"`);
        expect(download.headers['content-type']).toBe(preview.mediaType);
      }
      expect((await exportPreview(id, 'proficio-json')).notes).toEqual([]);
      const moodle = await exportPreview(id, 'moodle-csv');
      expect(moodle.notes).toContainEqual(
        expect.objectContaining({ kind: 'left-out', message: expect.stringMatching(/^The levels of "ITMG" \(5, 6, 7\)/), count: 1 }),
      );
      const cased = await exportPreview(id, 'case');
      expect(cased.notes.map((note) => note.kind)).toEqual(['regenerated', 'regenerated', 'regenerated', 'regenerated']);
      expect(cased.notes[0]?.message).toContain('"sfia-itmg" is not a UUID');
    });

    it('answers 404 for the export preview of an unknown version', async () => {
      await testApp.http().get(`/api/frameworks/${randomUUID()}/export/preview?format=case`).expect(404);
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

    it('answers 422 naming the format a file in the wrong one looks like', async () => {
      const response = await upload('sfia-csv', fixture('ok/moodle/oecd-core-competencies.csv'), 'oecd.csv').expect(422);
      expect((response.body as ProblemDetails).errors).toEqual([
        {
          field: 'file',
          message: 'This looks like a Moodle competency framework CSV, not an SFIA skills CSV: choose the format "moodle-csv".',
        },
      ]);
    });

    it('answers 422 with the warnings of the file as well as its errors', async () => {
      const csv = [
        MOODLE_CSV_COLUMNS.join(','),
        ',CP-FW,Café skills,,2,"Low,High",,,,,,,1,',
        ',a,Caf\u00e9 A,,2,,,,,,,,,',
        ',a,Caf\u00e9 B,,2,,,,,,,,,',
      ].join('\r\n');
      const response = await upload('moodle-csv', Buffer.from(csv, 'latin1'), 'cp1252.csv').expect(422);
      const body = response.body as ProblemDetails;
      expect(body.errors).toEqual([{ field: 'row 4, column 2 (ID number)', message: 'Duplicate ID number "a" (first at row 3).' }]);
      expect(body.warnings).toEqual([{ field: 'file', message: 'The file is not UTF-8; it was read as Windows-1252.' }]);
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

    it('answers 413 for a file over 25 MB, naming the limit', async () => {
      const response = await upload('proficio-json', Buffer.alloc(25 * 1024 * 1024 + 1, 32), 'huge.json').expect(413);
      expect(response.body).toMatchObject({ status: 413, type: 'urn:proficio:problem:import-too-large', title: 'The file is too large' });
      expect((response.body as ProblemDetails).detail).toMatch(/at most 25 MB \(26,214,400 bytes\)/);
    });

    it('answers 404 for an unknown import', async () => {
      await commit('00000000-0000-4000-8000-000000000000').expect(404);
    });
  });
});
