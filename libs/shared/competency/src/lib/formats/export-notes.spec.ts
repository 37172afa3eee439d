import type { FrameworkDocument, FrameworkExportNote } from '@proficio/shared/contracts';
import { genericProficiencyScale, withScale } from '../document/scales';
import { BUILT_IN_PACKS } from '../packs/built-in-packs';
import { parseCase } from './case/case-import';
import type { CasePackage } from './case/case-model';
import { PROFICIO_ITEM_TYPES } from './case/case-model';
import { exportFileName, exportFramework } from './export-framework';
import { checkMoodleCsvFit } from './moodle-csv/moodle-csv';
import { publisherCasePackage, type PublisherPackageIds } from '../../testing';

const NOW = new Date('2025-01-31T12:00:00Z');
const pack = (key: string) => structuredClone(BUILT_IN_PACKS.find((p) => p.framework.key === key) as FrameworkDocument);

function parsed(json: unknown): FrameworkDocument {
  const result = parseCase(JSON.stringify(json));
  expect(result.errors).toEqual([]);
  return result.document as FrameworkDocument;
}

function exportedCase(doc: FrameworkDocument) {
  const file = exportFramework('case', doc, { now: NOW, nowLabel: "the version's publication time" });
  return { notes: file.notes, pkg: JSON.parse(file.content) as CasePackage };
}

const byKind = (notes: FrameworkExportNote[], kind: FrameworkExportNote['kind']) => notes.filter((n) => n.kind === kind);

const VALID = {
  document: '3b1f2d4c-5e6a-4b7c-8d9e-0f1a2b3c4d5e',
  items: ['3b1f2d4c-5e6a-4b7c-8d9e-000000000010', '3b1f2d4c-5e6a-4b7c-8d9e-000000000011', '3b1f2d4c-5e6a-4b7c-8d9e-000000000012'],
  associations: ['3b1f2d4c-5e6a-4b7c-8d9e-00000000a001', '3b1f2d4c-5e6a-4b7c-8d9e-00000000a002', '3b1f2d4c-5e6a-4b7c-8d9e-00000000a003'],
} as const satisfies PublisherPackageIds;
const INVALID = {
  document: 'map-skills',
  items: ['reading', 'R-1', '3b1f2d4c-5e6a-4b7c-8d9e-000000000012'],
  associations: ['assoc-1', '3b1f2d4c-5e6a-4b7c-8d9e-00000000a002', 'assoc-3'],
} as const satisfies PublisherPackageIds;

describe('export notes: what an export regenerated, added or left out', () => {
  it("CASE: a publisher's package with UUIDs and dates everywhere exports with no note, keeping them all", () => {
    const { notes, pkg } = exportedCase(parsed(publisherCasePackage(VALID)));
    expect(notes).toEqual([]);
    expect(pkg.CFDocument.identifier).toBe(VALID.document);
    expect(pkg.CFItems?.map((item) => item.identifier)).toEqual(VALID.items);
    expect(pkg.CFAssociations?.map((a) => a.identifier)).toEqual(VALID.associations);
  });

  it('CASE: identifiers that are not UUIDs and missing dates are counted as regenerated, as the file shows', () => {
    const { notes, pkg } = exportedCase(parsed(publisherCasePackage(INVALID, { dates: 'none' })));
    expect(byKind(notes, 'left-out')).toEqual([]);
    // The scale a reader derives is named after the document's identifier: with a new one, only a rubric tells it.
    expect(byKind(notes, 'added').map((n) => n.message)).toEqual([expect.stringMatching(/^The source had no rubrics, but its scale/)]);
    expect(pkg.CFRubrics).toHaveLength(1);
    expect(byKind(notes, 'regenerated').map((n) => [n.message, n.count])).toEqual([
      [expect.stringMatching(/^The document identifier "map-skills" is not a UUID: the file's was regenerated/), 1],
      [expect.stringMatching(/^2 item identifiers of the source .* were not UUIDs and were regenerated/), 2],
      [
        "2 associations placing or relating items had no UUID identifier in the source: they were regenerated from the items they link, dated the version's publication time (2025-01-31T12:00:00.000Z).",
        2,
      ],
      ["The source gave the document no lastChangeDateTime: the version's publication time (2025-01-31T12:00:00.000Z) was used.", 1],
      [expect.stringMatching(/^4 items and associations had no lastChangeDateTime in the source: the version's publication time/), 4],
    ]);
    expect(notes[1]?.locations).toEqual(['/categories/0/key', '/competencies/0/key']);

    // the counts are what the file shows: identifiers other than the source's, dates of the export
    expect(pkg.CFDocument.identifier).not.toBe(INVALID.document);
    const items = pkg.CFItems ?? [];
    expect(items.filter((item, i) => item.identifier !== INVALID.items[i])).toHaveLength(2);
    expect(items[2]?.identifier).toBe(INVALID.items[2]);
    const associations = pkg.CFAssociations ?? [];
    expect(associations.filter((a) => !(INVALID.associations as readonly string[]).includes(a.identifier))).toHaveLength(2);
    expect([pkg.CFDocument, ...items, ...associations].every((record) => record.lastChangeDateTime === NOW.toISOString())).toBe(true);
  });

  it('CASE: a framework that did not come from CASE says its identifiers and dates are made, counting its level items', () => {
    const doc = pack('sfia-itmg');
    const { notes, pkg } = exportedCase(doc);
    const levelTypes: string[] = [
      PROFICIO_ITEM_TYPES.skillLevel,
      PROFICIO_ITEM_TYPES.indicator,
      PROFICIO_ITEM_TYPES.question,
      PROFICIO_ITEM_TYPES.probe,
    ];
    const levelItems = (pkg.CFItems ?? []).filter((item) => levelTypes.includes(item.CFItemType ?? ''));
    expect(levelItems.length).toBeGreaterThan(0);
    expect(notes.map((n) => [n.kind, n.count])).toEqual([
      ['regenerated', 1],
      ['regenerated', doc.categories.length + doc.competencies.length],
      ['regenerated', doc.categories.length + doc.competencies.length],
      ['regenerated', levelItems.length],
    ]);
    expect(notes[0]?.message).toContain('"sfia-itmg" is not a UUID');
    expect(notes[2]?.message).toContain("every lastChangeDateTime is the version's publication time (2025-01-31T12:00:00.000Z)");
  });

  it('CASE: a creator CASE requires, a scale rubric the source did not have and texts in other languages are said', () => {
    const doc = withScale(parsed(publisherCasePackage(VALID)), genericProficiencyScale());
    doc.framework.languages = ['en', 'it'];
    doc.competencies[0].title['it'] = 'Legge una mappa.';
    delete doc.caseSource?.creator;
    delete doc.framework.publisher;
    const { notes, pkg } = exportedCase(doc);
    expect(notes.map((n) => [n.kind, n.message])).toEqual([
      ['added', 'The framework names no publisher: the document\'s creator, which CASE requires, is written as "Proficio".'],
      [
        'added',
        expect.stringMatching(
          /^The source had no rubrics, but its scale \(.*, 5 levels\) cannot be told .*: one rubric describing the scale was added\.$/,
        ),
      ],
      ['left-out', expect.stringMatching(/^CASE holds one language: the texts in it are written in Proficio's extension/)],
    ]);
    expect(pkg.CFDocument.creator).toBe('Proficio');
    expect(pkg.CFRubrics).toHaveLength(1);
  });

  it.each(BUILT_IN_PACKS.map((p) => [p.framework.key, p] as const))(
    'Moodle CSV (%s): one note per kind of loss, together counting every loss the format has',
    (_key, doc) => {
      const losses = checkMoodleCsvFit(doc);
      const { notes } = exportFramework('moodle-csv', doc);
      expect(notes.reduce((n, note) => n + note.count, 0)).toBe(losses.length);
      expect(notes.every((note) => (note.locations ?? []).length <= 5 && note.count >= (note.locations ?? []).length)).toBe(true);
      expect(new Set(notes.map((note) => note.message)).size).toBe(notes.length);
    },
  );

  it('Moodle CSV: losses at the same kind of place read as one note, a lone one in its own words', () => {
    const doc = pack('ecf-area-c-run');
    const withLevels = doc.competencies.filter((c) => c.levels.length).length;
    expect(withLevels).toBeGreaterThan(1);
    const { notes } = exportFramework('moodle-csv', doc);
    const levels = notes.find((note) => note.locations?.[0]?.endsWith('/levels') && note.locations[0].startsWith('/competencies/'));
    expect(levels).toMatchObject({
      kind: 'left-out',
      count: withLevels,
      message: `The levels of ${withLevels} competencies, with their descriptions, indicators and questions, are left out: Moodle rates every competency on the whole scale and has no per-level text.`,
    });

    const one = pack('sfia-itmg');
    const single = exportFramework('moodle-csv', one).notes.find((note) => note.locations?.[0] === '/competencies/0/levels');
    expect(single).toMatchObject({ count: 1, message: expect.stringMatching(/^The levels of "ITMG" \(5, 6, 7\)/) });
  });

  it('Proficio JSON keeps everything: no note', () => {
    expect(exportFramework('proficio-json', parsed(publisherCasePackage(INVALID, { dates: 'none' }))).notes).toEqual([]);
  });

  it.each([
    ['proficio-json', 'sfia-itmg', 1, 'sfia-itmg-v1.json'],
    ['moodle-csv', 'sfia-itmg', 3, 'sfia-itmg-v3.csv'],
    ['case', 'map skills/ä', 2, 'map_skills_-v2.case.json'],
  ] as const)('names the %s file of %s version %d %s', (format, key, version, name) => {
    expect(exportFileName(key, version, exportFramework(format, pack('sfia-itmg')))).toBe(name);
  });
});
