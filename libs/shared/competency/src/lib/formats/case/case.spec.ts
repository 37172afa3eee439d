import { readFileSync } from 'node:fs';
import type { FrameworkDocument } from '@proficio/shared/contracts';
import Ajv2019 from 'ajv/dist/2019';
import { BUILT_IN_PACKS } from '../../packs/built-in-packs';
import { exportCase } from './case-export';
import { parseCase, shortCode } from './case-import';
import type { CasePackage } from './case-model';
import { uuidV5 } from './uuid';
import { fixture, fixturePath } from '../../../testing';

const NOW = new Date('2025-01-31T12:00:00Z');

/** The official CASE 1.1 CFPackage schema, with its formats checked as CASE defines them (lower-case UUIDs, dates with a zone). */
function caseSchemaValidator() {
  const schema = JSON.parse(readFileSync(fixturePath('schemas', '1edtech-official-case-v1p1-cfpackage-schema.json'), 'utf8'));
  const ajv = new Ajv2019({ strict: false, allErrors: true });
  ajv.addFormat('uuid', /^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  ajv.addFormat('date-time', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/);
  ajv.addFormat('date', /^\d{4}-\d\d-\d\d$/);
  return { ajv, validate: ajv.compile(schema) };
}

function parsed(bytes: Uint8Array | string): FrameworkDocument {
  const result = parseCase(bytes);
  expect(result.errors).toEqual([]);
  return result.document as FrameworkDocument;
}

describe('CASE export', () => {
  const { ajv, validate } = caseSchemaValidator();
  const packs = BUILT_IN_PACKS.map((pack) => [pack.framework.key, pack] as const);

  it.each(packs)('%s: is a CASE 1.1 CFPackage valid against the official schema', (_key, pack) => {
    const valid = validate(exportCase(pack, { now: NOW }));
    expect(ajv.errorsText(validate.errors)).toBe('No errors');
    expect(valid).toBe(true);
  });

  it('is deterministic: same identifiers and content for the same document', () => {
    const pack = BUILT_IN_PACKS[1];
    expect(exportCase(pack, { now: NOW })).toEqual(exportCase(structuredClone(pack), { now: NOW }));
    expect(exportCase(pack, { now: NOW }).CFDocument.identifier).toBe(
      uuidV5('it-community-service-management-processes|framework|it-community-service-management-processes'),
    );
  });

  it('keeps UUID keys as identifiers and writes resolvable URIs under a base', () => {
    const doc = parsed(fixture('ok', 'case', 'opensalt-sample-framework-20c5134f.json'));
    const pkg = exportCase(doc, { now: NOW, baseUri: 'https://proficio.example.org/ims/case/v1p1/' });
    expect(pkg.CFDocument.identifier).toBe('20c5134f-423d-4097-a971-3dd5152bf507');
    expect(pkg.CFDocument.uri).toBe('https://proficio.example.org/ims/case/v1p1/CFDocuments/20c5134f-423d-4097-a971-3dd5152bf507');
    expect(pkg.CFItems?.map((i) => i.identifier)).toEqual(
      expect.arrayContaining(['edfce0e7-dbbf-40d5-af1a-baccabef85e9', 'b6f61076-aa12-450b-8f9d-b86bc071f85e']),
    );
    expect(validate(pkg)).toBe(true);
  });

  it('puts levels in rubrics and indicators/questions in CFItems a CASE reader keeps', () => {
    const pack = BUILT_IN_PACKS.find((p) => p.framework.key === 'it-community-service-management-processes') as FrameworkDocument;
    const pkg = exportCase(pack, { now: NOW });
    const level2 = pack.competencies[0].levels[1];
    const rubric = pkg.CFRubrics?.find((r) => r.CFRubricCriteria?.[0].CFItemURI);
    expect(rubric?.CFRubricCriteria?.[0].CFRubricCriterionLevels?.map((l) => [l.score, l.quality])).toEqual([
      [1, 'Level 1'],
      [2, 'Level 2'],
      [3, 'Level 3'],
      [4, 'Level 4'],
      [5, 'Level 5'],
    ]);
    const byType = (type: string) => (pkg.CFItems ?? []).filter((i) => i.CFItemType === type);
    expect(byType('Skill level')).toHaveLength(5);
    expect(byType('Behaviour indicator')).toHaveLength(32);
    expect(byType('Interview question')).toHaveLength(10);
    expect(byType('Probing question')).toHaveLength(48);
    const levelItem = byType('Skill level').find((i) => i.listEnumeration === '2');
    const childrenOfLevel = (pkg.CFAssociations ?? [])
      .filter((a) => a.associationType === 'isChildOf' && a.destinationNodeURI.identifier === levelItem?.identifier)
      .sort((a, b) => (a.sequenceNumber ?? 0) - (b.sequenceNumber ?? 0))
      .map((a) => pkg.CFItems?.find((i) => i.identifier === a.originNodeURI.identifier)?.fullStatement);
    expect(childrenOfLevel).toEqual([...level2.indicators.map((t) => t['en']), ...level2.questions.map((q) => q.text['en'])]);
    expect((pkg.CFAssociations ?? []).filter((a) => a.associationType === 'hasSkillLevel')).toHaveLength(5);
  });

  it('keeps the content readable without the Proficio extensions', () => {
    const pack = BUILT_IN_PACKS.find((p) => p.framework.key === 'it-community-service-management-processes') as FrameworkDocument;
    const stripped = JSON.parse(
      JSON.stringify(exportCase(pack, { now: NOW }), (key, value) => (key === 'extensions' ? undefined : value)),
    ) as CasePackage;
    const doc = parsed(JSON.stringify(stripped));
    expect(doc.competencies[0].levels).toEqual(pack.competencies[0].levels);
    expect(doc.scale.levels.map((l) => l.label)).toEqual(pack.scale.levels.map((l) => l.label));
  });
});

describe('CASE import of real packages', () => {
  it('reads the OpenSALT sample (CASE 1.0, lenient): hierarchy, ordering, notes and relations', () => {
    const result = parseCase(fixture('ok', 'case', 'opensalt-sample-framework-20c5134f.json'));
    expect(result.errors).toEqual([]);
    const doc = result.document as FrameworkDocument;
    expect(doc.framework).toMatchObject({
      key: '20c5134f-423d-4097-a971-3dd5152bf507',
      name: { en: 'What Standards Could Be' },
      publisher: 'Brandon Dorman',
      defaultLanguage: 'en',
    });
    expect(doc.categories.map((c) => [c.code, doc.categories.find((p) => p.key === c.parentKey)?.code])).toEqual([
      ['CCSS.Math.Content.6.RP.A', undefined],
      ['CCSS.Math.Content.7.RP.A', undefined],
      ['CCSS.Math.Content.7.RP.A.2', 'CCSS.Math.Content.7.RP.A'],
      ['CCSS.Math.Content.6.RP.A.3', 'CCSS.Math.Content.6.RP.A'],
    ]);
    const under = (code: string) => {
      const key = doc.categories.find((c) => c.code === code)?.key;
      return doc.competencies.filter((c) => c.categoryKey === key).map((c) => c.code.replace('CCSS.Math.Content.', ''));
    };
    expect(under('CCSS.Math.Content.6.RP.A')).toEqual(['6.RP.A.1', '6.RP.A.2']);
    expect(under('CCSS.Math.Content.6.RP.A.3')).toEqual(['6.RP.A.3a', '6.RP.A.3b', '6.RP.A.3c', '6.RP.A.3d']);
    expect(under('CCSS.Math.Content.7.RP.A')).toEqual(['7.RP.A.1', '7.RP.A.3']);
    expect(under('CCSS.Math.Content.7.RP.A.2')).toEqual(['7.RP.A.2a', '7.RP.A.2b', '7.RP.A.2c', '7.RP.A.2d']);
    expect(doc.competencies).toHaveLength(12);

    const a1 = doc.competencies.find((c) => c.code === 'CCSS.Math.Content.6.RP.A.1');
    expect(a1).toMatchObject({
      key: 'b6f61076-aa12-450b-8f9d-b86bc071f85e',
      title: { en: 'Understand the concept of a ratio and use ratio language to describe a ratio relationship between two quantities.' },
      guidance: { en: expect.stringMatching(/^For example, "The ratio of wings to beaks/) },
      relatedKeys: [doc.competencies.find((c) => c.code === 'CCSS.Math.Content.6.RP.A.2')?.key],
      levels: [],
    });
    // 16 exactMatchOf, 2 exemplar, 2 isRelatedTo and 1 precedes point outside the package; 1 precedes starts at a category.
    const associationWarnings = result.warnings.filter((w) => w.location.startsWith('/CFAssociations/'));
    expect(associationWarnings).toHaveLength(22);
    expect(associationWarnings).toContainEqual({
      severity: 'warning',
      message: expect.stringMatching(/^precedes "CCSS.Math.Content.6.RP.A.3" → "CCSS.Math.Content.7.RP.A.3" is not kept: .* is a category/),
      location: '/CFAssociations/34',
    });
    expect(result.warnings).toContainEqual({
      severity: 'warning',
      message: expect.stringMatching(/defines no levels/),
      location: '/CFRubrics',
    });
  });

  it('reads the OpenSALT item-type test package', () => {
    const doc = parsed(fixture('ok', 'case', 'opensalt-ItemTypeTestFramework.json'));
    expect(doc.framework).toMatchObject({
      key: 'd0000000-0000-0000-0000-000000000000',
      name: { en: 'Item Type Test' },
      publisher: 'OpenSALT Testing',
    });
    expect(doc.categories).toEqual([]);
    expect(doc.competencies).toEqual([{ key: '00000000-0000-0000-0000-000000000001', code: '', title: { en: 'Item 1' }, levels: [] }]);
  });

  it('reads rubrics and hasSkillLevel levels of a CASE 1.1 package into one scale', () => {
    const result = parseCase(fixture('ok', 'case', 'hand-made-case-1p1-rubrics-and-skill-levels.json'));
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([
      {
        severity: 'warning',
        message: expect.stringMatching(/^exactMatchOf "DC.1.1" → .* is not in this package/),
        location: '/CFAssociations/9',
      },
    ]);
    const doc = result.document as FrameworkDocument;
    expect(doc.framework).toMatchObject({ versionLabel: '2.0', code: 'DC', name: { en: 'Digital collaboration' } });
    expect(doc.scale.levels).toEqual([
      { number: 1, code: '1', label: { en: 'Basic' } },
      { number: 2, code: '2', label: { en: 'Advanced' } },
    ]);
    expect(doc.categories).toEqual([
      { key: 'f1000000-0000-4000-8000-000000000001', code: 'DC.1', name: { en: 'Working together online' } },
    ]);
    const [coEditing, meetings] = doc.competencies;
    expect(coEditing).toMatchObject({
      code: 'DC.1.1',
      title: { en: 'Co-editing' },
      description: { en: 'Uses shared documents to work on a text with others.' },
      relatedKeys: [meetings.key],
      levels: [
        { level: 1, description: { en: 'Edits a shared document without overwriting others.' }, indicators: [], questions: [] },
        { level: 2, description: { en: 'Sets up shared workspaces for a team.' }, indicators: [], questions: [] },
      ],
    });
    expect(meetings).toMatchObject({ code: 'DC.1.2', guidance: { en: 'Any video-conferencing tool.' } });
    expect(meetings.levels).toEqual([
      { level: 1, description: { en: 'Takes part in meetings that others run.' }, indicators: [], questions: [] },
      {
        level: 2,
        description: { en: 'Runs meetings with external participants and handles disruptions.' },
        indicators: [{ en: 'Shares the agenda before the meeting.' }],
        questions: [{ text: { en: 'Tell us about a meeting that went wrong.' }, probes: [{ en: 'What did you do first?' }] }],
      },
    ]);
  });
});

/** A small invented CASE package: items under the document, in the given order, without sequenceNumber unless given. */
function casePackage(
  items: { code?: string; full: string; abbreviated?: string; sequence?: number }[],
  title = 'Learning Outcomes for Year 1',
): string {
  const doc = 'c0000000-0000-4000-8000-000000000000';
  const id = (i: number) => `c0000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`;
  const link = (identifier: string) => ({ identifier, uri: `urn:uuid:${identifier}`, title: identifier });
  return JSON.stringify({
    CFDocument: { identifier: doc, uri: `urn:uuid:${doc}`, creator: 'Test', title, lastChangeDateTime: '2025-01-01T00:00:00Z' },
    CFItems: items.map((item, i) => ({
      identifier: id(i),
      uri: `urn:uuid:${id(i)}`,
      fullStatement: item.full,
      ...(item.abbreviated ? { abbreviatedStatement: item.abbreviated } : {}),
      ...(item.code ? { humanCodingScheme: item.code } : {}),
      lastChangeDateTime: '2025-01-01T00:00:00Z',
    })),
    CFAssociations: items.map((item, i) => ({
      identifier: `a0000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`,
      uri: `urn:uuid:a${i}`,
      associationType: 'isChildOf',
      originNodeURI: link(id(i)),
      destinationNodeURI: link(doc),
      ...(item.sequence !== undefined ? { sequenceNumber: item.sequence } : {}),
      lastChangeDateTime: '2025-01-01T00:00:00Z',
    })),
  });
}

describe('CASE items as publishers write them', () => {
  it('keeps the code of an item without humanCodingScheme empty (not its UUID), and the export writes none', () => {
    const result = parseCase(casePackage([{ full: 'Reads a map.' }, { code: 'G.2', full: 'Uses a compass.' }, { full: 'Tells north.' }]));
    expect(result.errors).toEqual([]);
    expect(result.warnings.filter((w) => /Duplicate/.test(w.message))).toEqual([]);
    const doc = result.document as FrameworkDocument;
    expect(doc.competencies.map((c) => [c.key, c.code, c.title['en']])).toEqual([
      ['c0000000-0000-4000-8000-000000000001', '', 'Reads a map.'],
      ['c0000000-0000-4000-8000-000000000003', '', 'Tells north.'],
      ['c0000000-0000-4000-8000-000000000002', 'G.2', 'Uses a compass.'],
    ]);
    const exported = exportCase(doc, { now: NOW });
    expect(exported.CFItems?.map((i) => i.humanCodingScheme)).toEqual([undefined, undefined, 'G.2']);
    expect(parsed(JSON.stringify(exported))).toEqual(doc);
  });

  it('orders items without sequenceNumber by the natural order of their codes, then their titles', () => {
    const codes = ['L1.10', 'L1.2', 'L1.11', 'L1.1', 'L1.9'];
    const doc = parsed(
      casePackage([
        ...codes.map((code) => ({ code, full: `Outcome ${code}` })),
        { full: 'Zebra crossing' },
        { full: 'Apple picking' },
        { code: 'L0.5', full: 'Placed first', sequence: 1 },
      ]),
    );
    expect(doc.competencies.map((c) => c.code || c.title['en'])).toEqual([
      'L0.5',
      'Apple picking',
      'Zebra crossing',
      'L1.1',
      'L1.2',
      'L1.9',
      'L1.10',
      'L1.11',
    ]);
  });

  it('takes the first line of a multi-line (Markdown table) statement as the title, or its abbreviatedStatement, and keeps the whole as the description', () => {
    const table = '| Criterion | Evidence |\n|---|---|\n| Plans a route | A drawn map |\n| Follows it | A log |';
    const result = parseCase(
      casePackage([
        { code: 'T.1', full: table },
        { code: 'T.2', full: table, abbreviated: 'Route planning' },
        { code: 'T.3', full: '## **Safety** first\n\n- wears a helmet\n- checks the weather' },
      ]),
    );
    expect(result.errors).toEqual([]);
    const doc = result.document as FrameworkDocument;
    expect(doc.competencies.map((c) => [c.title['en'], c.description?.['en']])).toEqual([
      ['Criterion – Evidence', table],
      ['Route planning', table],
      ['Safety first', '## **Safety** first\n\n- wears a helmet\n- checks the weather'],
    ]);
    expect(result.warnings.filter((w) => w.location.startsWith('/CFItems')).map((w) => w.location)).toEqual([
      '/CFItems/0/fullStatement',
      '/CFItems/2/fullStatement',
    ]);
    expect(parsed(JSON.stringify(exportCase(doc, { now: NOW })))).toEqual(doc);
  });

  it('gives the framework a short code instead of its whole title', () => {
    expect(parsed(casePackage([{ full: 'x' }])).framework).toMatchObject({ code: 'LOY1', name: { en: 'Learning Outcomes for Year 1' } });
    expect(parsed(casePackage([{ full: 'x' }], 'Geography')).framework.code).toBe('Geography');
    expect(shortCode('Digital Collaboration Skills 2', 'k')).toBe('DCS2');
    expect(shortCode('été / öffentliche Ämter', 'k')).toBe('ÉÖÄ');
    expect(shortCode('', 'c0000000-0000-4000-8000-000000000000')).toBe('c0000000-000');
  });
});

describe('CASE bad input names the place', () => {
  it.each([
    ['not-json.json', /not valid JSON/, /^line \d+, column \d+$/],
    ['no-cfdocument.json', /no CFDocument/, '/CFDocument'],
    ['ischildof-cycle.json', /Cycle in isChildOf: "A" → "B" → "C" → "A"/, '/CFAssociations/2'],
    [
      'duplicate-identifiers.json',
      /Duplicate identifier "a1000000-0000-4000-8000-000000000000" \(also \/CFItems\/0\/identifier\)/,
      '/CFItems/2/identifier',
    ],
    [
      'level-outside-scale.json',
      /Level 9 of "C.4" is outside the scale \(1–5\)/,
      '/CFRubrics/4/CFRubricCriteria/0/CFRubricCriterionLevels/2/score',
    ],
  ])('%s', (file, message, location) => {
    const result = parseCase(fixture('bad', 'case', file));
    expect(result.document).toBeUndefined();
    expect(result.errors).toContainEqual({
      severity: 'error',
      message: expect.stringMatching(message),
      location: typeof location === 'string' ? location : expect.stringMatching(location),
    });
  });

  it('rejects a Proficio framework file (wrong format)', () => {
    const result = parseCase(JSON.stringify(BUILT_IN_PACKS[0]));
    expect(result.errors).toEqual([
      { severity: 'error', message: expect.stringMatching(/import it as "proficio-json"/), location: '/CFDocument' },
    ]);
  });
});

describe('uuidV5', () => {
  it('matches RFC 4122 (www.example.com in the DNS namespace)', () => {
    expect(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
  });
});

describe('CASE export of a framework imported from a CASE package', () => {
  const { ajv, validate } = caseSchemaValidator();
  const DOC = '3b1f2d4c-5e6a-4b7c-8d9e-0f1a2b3c4d5e';
  const CATEGORY = '3b1f2d4c-5e6a-4b7c-8d9e-000000000010';
  const READS = '3b1f2d4c-5e6a-4b7c-8d9e-000000000011';
  const PLANS = '3b1f2d4c-5e6a-4b7c-8d9e-000000000012';
  const link = (identifier: string) => ({ identifier, uri: `https://case.example.org/uri/${identifier}`, title: identifier });
  const association = (n: number, type: string, origin: string, destination: string, date: string, sequenceNumber?: number) => ({
    identifier: `3b1f2d4c-5e6a-4b7c-8d9e-00000000a00${n}`,
    uri: `https://case.example.org/uri/a${n}`,
    associationType: type,
    originNodeURI: link(origin),
    destinationNodeURI: link(destination),
    ...(sequenceNumber ? { sequenceNumber } : {}),
    lastChangeDateTime: date,
  });
  /** A publisher's package: a creator but no publisher, no version, no rubrics, its own identifiers and dates. */
  const source = (extra: Record<string, unknown> = {}) =>
    JSON.stringify({
      CFDocument: {
        identifier: DOC,
        uri: `https://case.example.org/uri/${DOC}`,
        creator: 'Map Guild',
        title: 'Map skills',
        lastChangeDateTime: '2024-05-06T07:08:09+02:00',
        ...extra,
      },
      CFItems: [
        { identifier: CATEGORY, uri: 'u1', fullStatement: 'Reading', humanCodingScheme: 'R', lastChangeDateTime: '2023-01-01T00:00:00Z' },
        {
          identifier: READS,
          uri: 'u2',
          fullStatement: 'Reads a map.',
          humanCodingScheme: 'R.1',
          lastChangeDateTime: '2023-02-03T04:05:06',
        },
        {
          identifier: PLANS,
          uri: 'u3',
          fullStatement: 'Plans a route.',
          humanCodingScheme: 'P.1',
          lastChangeDateTime: '2023-03-04T05:06:07Z',
        },
      ],
      CFAssociations: [
        association(1, 'isChildOf', CATEGORY, DOC, '2023-01-01T00:00:01Z', 1),
        association(2, 'isChildOf', READS, CATEGORY, '2023-02-03T04:05:07Z', 1),
        association(3, 'isChildOf', PLANS, DOC, '2023-03-04T05:06:08Z', 2),
        association(4, 'isPeerOf', READS, PLANS, '2023-04-05T06:07:08Z'),
      ],
    });

  it('keeps what the source says about its records, and reads a date without a zone as UTC', () => {
    const doc = parsed(source());
    expect(doc.framework).toMatchObject({ publisher: 'Map Guild', versionLabel: 'unversioned' });
    expect(doc.caseSource).toEqual({
      lastChangeDateTime: '2024-05-06T07:08:09+02:00',
      creator: 'Map Guild',
      publisherFromCreator: true,
      hasRubrics: false,
      items: { [CATEGORY]: '2023-01-01T00:00:00Z', [READS]: '2023-02-03T04:05:06Z', [PLANS]: '2023-03-04T05:06:07Z' },
      associations: {
        [`${CATEGORY}|`]: {
          identifier: '3b1f2d4c-5e6a-4b7c-8d9e-00000000a001',
          type: 'isChildOf',
          lastChangeDateTime: '2023-01-01T00:00:01Z',
        },
        [`${READS}|${CATEGORY}`]: {
          identifier: '3b1f2d4c-5e6a-4b7c-8d9e-00000000a002',
          type: 'isChildOf',
          lastChangeDateTime: '2023-02-03T04:05:07Z',
        },
        [`${PLANS}|`]: {
          identifier: '3b1f2d4c-5e6a-4b7c-8d9e-00000000a003',
          type: 'isChildOf',
          lastChangeDateTime: '2023-03-04T05:06:08Z',
        },
        [`${READS}|${PLANS}`]: {
          identifier: '3b1f2d4c-5e6a-4b7c-8d9e-00000000a004',
          type: 'isPeerOf',
          lastChangeDateTime: '2023-04-05T06:07:08Z',
        },
      },
    });
  });

  it("writes back the source's identifiers and dates, and no version, publisher or rubric it did not have", () => {
    const pkg = exportCase(parsed(source()), { now: NOW });
    const valid = validate(pkg);
    expect(ajv.errorsText(validate.errors)).toBe('No errors');
    expect(valid).toBe(true);
    expect(pkg.CFDocument).toMatchObject({ identifier: DOC, creator: 'Map Guild', lastChangeDateTime: '2024-05-06T07:08:09+02:00' });
    expect(pkg.CFDocument).not.toHaveProperty('publisher');
    expect(pkg.CFDocument).not.toHaveProperty('version');
    expect(pkg).not.toHaveProperty('CFRubrics');
    expect(pkg.CFItems?.map((item) => [item.identifier, item.lastChangeDateTime])).toEqual([
      [CATEGORY, '2023-01-01T00:00:00Z'],
      [READS, '2023-02-03T04:05:06Z'],
      [PLANS, '2023-03-04T05:06:07Z'],
    ]);
    expect(
      pkg.CFAssociations?.map((a) => [
        a.identifier,
        a.associationType,
        a.originNodeURI.identifier,
        a.destinationNodeURI.identifier,
        a.lastChangeDateTime,
      ]),
    ).toEqual([
      ['3b1f2d4c-5e6a-4b7c-8d9e-00000000a001', 'isChildOf', CATEGORY, DOC, '2023-01-01T00:00:01Z'],
      ['3b1f2d4c-5e6a-4b7c-8d9e-00000000a002', 'isChildOf', READS, CATEGORY, '2023-02-03T04:05:07Z'],
      ['3b1f2d4c-5e6a-4b7c-8d9e-00000000a003', 'isChildOf', PLANS, DOC, '2023-03-04T05:06:08Z'],
      ['3b1f2d4c-5e6a-4b7c-8d9e-00000000a004', 'isPeerOf', READS, PLANS, '2023-04-05T06:07:08Z'],
    ]);
    // …and importing that export gives the same document again.
    expect(parsed(JSON.stringify(pkg))).toEqual(parsed(source()));
  });

  it('writes the version and publisher the source had', () => {
    const pkg = exportCase(parsed(source({ version: '2.1', publisher: 'Map Press' })), { now: NOW });
    expect(pkg.CFDocument).toMatchObject({ creator: 'Map Guild', publisher: 'Map Press', version: '2.1' });
  });

  it('writes the rubrics of a source that had rubrics, without adding a scale rubric its levels already give', () => {
    const withRubric = JSON.parse(source()) as Record<string, unknown>;
    withRubric['CFRubrics'] = [
      {
        identifier: '3b1f2d4c-5e6a-4b7c-8d9e-00000000b001',
        uri: 'r1',
        title: 'Reading maps',
        lastChangeDateTime: '2023-01-01T00:00:00Z',
        CFRubricCriteria: [
          {
            identifier: '3b1f2d4c-5e6a-4b7c-8d9e-00000000b002',
            uri: 'r2',
            CFItemURI: link(READS),
            lastChangeDateTime: '2023-01-01T00:00:00Z',
            CFRubricCriterionLevels: [
              {
                identifier: '3b1f2d4c-5e6a-4b7c-8d9e-00000000b003',
                uri: 'r3',
                quality: 'Novice',
                score: 1,
                description: 'Reads with help.',
              },
              { identifier: '3b1f2d4c-5e6a-4b7c-8d9e-00000000b004', uri: 'r4', quality: 'Expert', score: 2, description: 'Reads any map.' },
            ],
          },
        ],
      },
    ];
    const doc = parsed(JSON.stringify(withRubric));
    expect(doc.caseSource?.hasRubrics).toBe(true);
    const pkg = exportCase(doc, { now: NOW });
    expect(validate(pkg)).toBe(true);
    expect(pkg.CFRubrics?.map((rubric) => rubric.title)).toEqual(['Reads a map.']);
    expect(parsed(JSON.stringify(pkg))).toEqual(doc);
  });

  it('makes identifiers and dates only for what the source did not give, and the import of the export keeps them', () => {
    const doc = parsed(source());
    delete doc.caseSource?.associations?.[`${PLANS}|`];
    delete doc.caseSource?.items?.[PLANS];
    const pkg = exportCase(doc, { now: NOW });
    const plans = pkg.CFAssociations?.find((a) => a.originNodeURI.identifier === PLANS && a.associationType === 'isChildOf');
    expect(plans).toMatchObject({
      identifier: uuidV5(`${DOC}|association|isChildOf|${PLANS}|${DOC}`),
      lastChangeDateTime: NOW.toISOString(),
    });
    expect(pkg.CFItems?.find((item) => item.identifier === PLANS)?.lastChangeDateTime).toBe(NOW.toISOString());
    // The made-up identifier is not taken for the source's; the export time is the item's date from then on.
    const again = parsed(JSON.stringify(pkg));
    expect(again.caseSource?.associations).toEqual(doc.caseSource?.associations);
    expect(again.caseSource?.items).toEqual({ ...doc.caseSource?.items, [PLANS]: NOW.toISOString() });
  });
});
