/**
 * Round trips: export → parse gives the same FrameworkDocument, for every
 * built-in pack and every fixture, in every format that can hold the content.
 *
 * - proficio-json and case hold everything: exact for all sources.
 * - moodle-csv holds a tree of named, described nodes on one scale of plain
 *   labels. It is exact when checkMoodleCsvFit finds nothing (the OECD
 *   fixture); for the others (per-level texts, indicators, questions, codes
 *   that differ from keys, SFIA change markers, licences…) the export loses
 *   what checkMoodleCsvFit lists, and what it keeps is stable: a second
 *   export → parse changes nothing.
 */
import { readFileSync } from 'node:fs';
import type { FrameworkDocument } from '@proficio/shared/contracts';
import Ajv2019 from 'ajv/dist/2019';
import { BUILT_IN_PACKS } from '../packs/built-in-packs';
import { exportFramework } from './export-framework';
import { type ImportFormat, parseFramework, type ParseOptions } from './import-result';
import { checkMoodleCsvFit } from './moodle-csv/moodle-csv';
import { fixture, fixturePath } from '../../testing';

function imported(format: ImportFormat, file: string[], options: ParseOptions = {}): FrameworkDocument {
  const result = parseFramework(format, fixture('ok', ...file), options);
  expect(result.errors).toEqual([]);
  return result.document as FrameworkDocument;
}

/** Everything the model can hold at once: two languages, nested and empty categories, scale codes, guiding phrases, markers, certifications. */
function kitchenSink(): FrameworkDocument {
  const doc = structuredClone(
    BUILT_IN_PACKS.find((p) => p.framework.key === 'it-community-service-management-processes') as FrameworkDocument,
  );
  doc.framework = {
    ...doc.framework,
    name: { en: 'Service Management Processes', it: 'Processi di gestione dei servizi' },
    publisher: 'IT Community',
    sourceUrl: 'https://example.org/smp',
    licence: 'CC BY 4.0',
    attribution: '© IT Community',
    languages: ['en', 'it'],
    depthNames: [{ en: 'Domain', it: 'Dominio' }, { en: 'Competency' }, { en: 'Behaviour' }],
  };
  doc.scale.levels[0] = {
    ...doc.scale.levels[0],
    code: 'L1',
    label: { en: 'Level 1', it: 'Livello 1' },
    guidingPhrase: { en: 'Follow', it: 'Seguire' },
  };
  doc.scale.levels[2] = { ...doc.scale.levels[2], proficient: true };
  doc.scale.levels[3] = { ...doc.scale.levels[3], proficient: true };
  doc.categories = [
    { key: 'itsm', code: 'ITSM', name: { en: 'IT service management', it: 'Gestione dei servizi IT' } },
    { key: 'itsm/processes', name: { en: 'Processes' }, description: { en: 'Process competencies' }, parentKey: 'itsm' },
    { key: 'empty', name: { en: 'Empty area' } },
  ];
  const competency = doc.competencies[0];
  competency.categoryKey = 'itsm/processes';
  competency.title = { en: competency.title['en'], it: 'Processi di gestione dei servizi' };
  competency.changeStatus = 'modified';
  competency.guidance = { en: 'Guidance\n- with a list' };
  competency.guidanceChangeStatus = 'new';
  competency.levels[1].changeStatus = 'unchanged';
  competency.levels[1].description = { en: 'Level two', it: 'Livello due' };
  competency.levels[1].indicators[0] = { ...competency.levels[1].indicators[0], it: 'Indicatore' };
  competency.levels[2].questions[0].probes[0] = { ...competency.levels[2].questions[0].probes[0], it: 'Domanda' };
  doc.competencies.push({
    key: 'other',
    code: 'OTH',
    categoryKey: 'itsm',
    title: { en: 'Other' },
    relatedKeys: ['service-management-processes'],
    levels: [{ level: 3, indicators: [], questions: [] }],
    notPractisedLevels: [{ level: 1, note: { en: 'Not at level 1' } }],
  });
  competency.relatedKeys = ['other'];
  doc.certifications = [{ name: 'ITIL 4 Foundation', issuer: 'PeopleCert', competencyKeys: ['other'], categoryKeys: ['itsm'] }];
  return doc;
}

const SOURCES: [string, () => FrameworkDocument][] = [
  ['kitchen sink (two languages, every optional field)', kitchenSink],
  ...BUILT_IN_PACKS.map((pack): [string, () => FrameworkDocument] => [`pack ${pack.framework.key}`, () => pack]),
  ['moodle oecd-core-competencies.csv', () => imported('moodle-csv', ['moodle', 'oecd-core-competencies.csv'])],
  ['case opensalt-sample-framework-20c5134f.json', () => imported('case', ['case', 'opensalt-sample-framework-20c5134f.json'])],
  ['case opensalt-ItemTypeTestFramework.json', () => imported('case', ['case', 'opensalt-ItemTypeTestFramework.json'])],
  [
    'case hand-made-case-1p1-rubrics-and-skill-levels.json',
    () => imported('case', ['case', 'hand-made-case-1p1-rubrics-and-skill-levels.json']),
  ],
  [
    'sfia hand-made cp1252 + levels file',
    () =>
      imported('sfia-csv', ['sfia', 'hand-made-sfia-skills-cp1252.csv'], {
        levelsFile: fixture('ok', 'sfia', 'hand-made-sfia-levels-cp1252.csv'),
        fileName: 'sfia-9_skills_en.csv',
      }),
  ],
  ['sfia hand-made utf-8', () => imported('sfia-csv', ['sfia', 'hand-made-sfia-skills-utf8-bom.csv'])],
];

function roundTrip(format: 'proficio-json' | 'moodle-csv' | 'case', doc: FrameworkDocument) {
  const file = exportFramework(format, doc, { now: new Date('2025-01-31T12:00:00Z') });
  return parseFramework(format, file.content, { language: doc.framework.defaultLanguage });
}

describe('every CASE export', () => {
  const schema = JSON.parse(readFileSync(fixturePath('schemas', '1edtech-official-case-v1p1-cfpackage-schema.json'), 'utf8'));
  const ajv = new Ajv2019({ strict: false, allErrors: true });
  ajv.addFormat('uuid', /^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  ajv.addFormat('date-time', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/);
  ajv.addFormat('date', /^\d{4}-\d\d-\d\d$/);
  const validate = ajv.compile(schema);

  it.each(SOURCES)('%s: is valid against the official CASE 1.1 schema', (_name, source) => {
    const valid = validate(JSON.parse(exportFramework('case', source()).content));
    expect(ajv.errorsText(validate.errors)).toBe('No errors');
    expect(valid).toBe(true);
  });
});

describe.each(['proficio-json', 'case'] as const)('%s round trip is lossless', (format) => {
  it.each(SOURCES)('%s', (_name, source) => {
    const doc = source();
    const result = roundTrip(format, doc);
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.document).toEqual(doc);
  });
});

describe('moodle-csv round trip', () => {
  it.each(SOURCES)('%s: lossless exactly when checkMoodleCsvFit finds nothing, else stable after one trip', (_name, source) => {
    const doc = source();
    const first = roundTrip('moodle-csv', doc);
    expect(first.errors).toEqual([]);
    expect(first.warnings).toEqual([]);
    const losses = checkMoodleCsvFit(doc);
    if (losses.length === 0) expect(first.document).toEqual(doc);
    else expect(first.document).not.toEqual(doc);
    const kept = first.document as FrameworkDocument;
    // Only Moodle's own 100-character cut of names is still reported: Proficio's import does not cut.
    expect(checkMoodleCsvFit(kept).filter((loss) => !/longer than Moodle's 100 characters/.test(loss.message))).toEqual([]);
    expect(roundTrip('moodle-csv', kept).document).toEqual(kept);
  });

  it('rejects an unknown format without throwing', () => {
    expect(parseFramework('xml' as ImportFormat, '<x/>').errors).toEqual([
      { severity: 'error', message: expect.stringMatching(/Unknown import format "xml"/), location: 'format' },
    ]);
  });

  it('fits the OECD fixture only: the others carry what Moodle has no place for', () => {
    const fitting = SOURCES.filter(([, source]) => checkMoodleCsvFit(source()).length === 0).map(([name]) => name);
    expect(fitting).toEqual(['moodle oecd-core-competencies.csv']);
    const sfia = checkMoodleCsvFit(BUILT_IN_PACKS.find((p) => p.framework.key === 'sfia-itmg') as FrameworkDocument).map((l) => l.message);
    expect(sfia).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/levels of "ITMG" \(5, 6, 7\) with their descriptions, indicators and questions are not kept/),
        expect.stringMatching(/change markers of "ITMG"/),
        expect.stringMatching(/Scale value "Set strategy, inspire, mobilise" is written as "Set strategy; inspire; mobilise"/),
      ]),
    );
  });
});
