import type { FrameworkDocument } from '@proficio/shared/contracts';
import { parseFramework } from '../import-result';
import { parseSfiaCsv } from './sfia-csv';
import { fixture } from '../../../testing';

const skillsCp1252 = () => fixture('ok', 'sfia', 'hand-made-sfia-skills-cp1252.csv');
const levelsCp1252 = () => fixture('ok', 'sfia', 'hand-made-sfia-levels-cp1252.csv');

/** Invented skills (not SFIA text), written in the layouts the SFIA Foundation publishes. */
const SKILL_COLUMNS = ['Code', 'URL', 'Skill', 'Category', 'Subcategory', 'Overall description', 'Guidance notes'];
const DESCRIPTION_COLUMNS = [1, 2, 3, 4, 5, 6, 7].map((n) => `Level ${n} description`);
const KITE = ['KITE', 'https://example.org/kite', 'Kite flying', 'Outdoor work', 'Wind sports', 'Keeping a kite in the air.', ''];
const KITE_LEVELS = ['', 'Flies a kite in steady wind.', 'Launches a kite alone.', '', '', '', ''];
const POND = [
  'POND',
  'https://example.org/pond',
  'Pond keeping',
  'Outdoor work',
  'Water care',
  'Keeping a garden pond clear.',
  'Any pond.',
];
const POND_LEVELS = ['', '', '', 'Plans the planting of a pond.', 'Advises on pond design.', '', ''];
const marks = (levels: string[]) => levels.map((text, i) => (text ? String(i + 1) : ''));
const csvLine = (cells: string[]) => cells.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',');
const csvFile = (...rows: string[][]) => rows.map(csvLine).join('\r\n') + '\r\n';

/** `#`, seven level columns under `levelHeaders`, the skill columns, then Level 1..7 description. */
function skillsFile(levelHeaders: string[]): string {
  return csvFile(
    ['#', ...levelHeaders, ...SKILL_COLUMNS, ...DESCRIPTION_COLUMNS],
    ['1', ...marks(KITE_LEVELS), ...KITE, ...KITE_LEVELS],
    ['2', ...marks(POND_LEVELS), ...POND, ...POND_LEVELS],
  );
}
const NAMED_LEVELS = [1, 2, 3, 4, 5, 6, 7].map((n) => `Level ${n}`);
const OFFICIAL_LEVELS = ['Levels', '', '', '', '', '', ''];

describe('SFIA skills CSV', () => {
  it('reads a Windows-1252 file (accents and curly quotes) with the levels file', () => {
    const result = parseFramework('sfia-csv', skillsCp1252(), {
      levelsFile: levelsCp1252(),
      fileName: 'sfia-9_current-skills_en_240101.csv',
    });
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([{ severity: 'warning', message: expect.stringMatching(/read as Windows-1252/), location: 'file' }]);
    const doc = result.document as FrameworkDocument;
    expect(doc.framework).toMatchObject({
      key: 'sfia',
      code: 'SFIA',
      name: { en: 'SFIA 9' },
      versionLabel: '9',
      defaultLanguage: 'en',
      publisher: 'SFIA Foundation',
    });
    expect(doc.scale.levels).toHaveLength(7);
    expect(doc.scale.levels[4]).toEqual({
      number: 5,
      code: '5',
      label: { en: 'Ensure, advise' },
      description: { en: 'Gives authoritative advice and is accountable for team objectives.' },
    });
    expect(doc.scale.levels[5].description?.['en']).toBe('Shapes the work of an area and influences the organisation’s decisions.');

    expect(doc.categories).toEqual([
      { key: 'delivery-and-operation', name: { en: 'Delivery and operation' } },
      { key: 'delivery-and-operation/technology-management', name: { en: 'Technology management' }, parentKey: 'delivery-and-operation' },
      { key: 'delivery-and-operation/service-management', name: { en: 'Service management' }, parentKey: 'delivery-and-operation' },
      { key: 'development-and-implementation', name: { en: 'Development and implementation' } },
      {
        key: 'development-and-implementation/systems-development',
        name: { en: 'Systems development' },
        parentKey: 'development-and-implementation',
      },
      { key: 'relationships-and-engagement', name: { en: 'Relationships and engagement' } },
      {
        key: 'relationships-and-engagement/stakeholder-management',
        name: { en: 'Stakeholder management' },
        parentKey: 'relationships-and-engagement',
      },
    ]);
    expect(doc.competencies.map((c) => [c.key, c.categoryKey, c.levels.map((l) => l.level)])).toEqual([
      ['ITMG', 'delivery-and-operation/technology-management', [5, 6, 7]],
      ['SLMO', 'delivery-and-operation/service-management', [2, 3, 4, 5, 6, 7]],
      ['PROG', 'development-and-implementation/systems-development', [2, 3, 4, 5]],
      ['RLMT', 'relationships-and-engagement/stakeholder-management', [4, 5, 6, 7]],
    ]);
    const prog = doc.competencies[2];
    expect(prog.title).toEqual({ en: 'Programming/software development' });
    expect(prog.description?.['en']).toContain('résumé');
    expect(prog.guidance?.['en']).toBe('Includes work on existing (“brown-field”) code as well as new products.');
    expect(doc.competencies[0].guidance?.['en']).toBe(
      'Services may cover infrastructure, end-user computing and communications.\nTypical activities:\n- planning new or changed services\n- reporting on service performance to the business',
    );
    expect(doc.competencies[0].levels[2]).toEqual({
      level: 7,
      description: { en: 'Sets the direction for the whole service portfolio in line with the organisation’s strategy.' },
      indicators: [],
      questions: [],
    });
    expect(doc.competencies[3].guidance).toBeUndefined();
  });

  it('reads UTF-8 with a byte order mark and level columns headed 1..7; without a levels file the scale is "Level 1".."Level 7"', () => {
    const utf8 = parseSfiaCsv(fixture('ok', 'sfia', 'hand-made-sfia-skills-utf8-bom.csv'));
    expect(utf8.errors).toEqual([]);
    expect(utf8.warnings).toEqual([]);
    const cp1252 = parseSfiaCsv(skillsCp1252());
    expect(utf8.document?.competencies).toEqual(cp1252.document?.competencies);
    expect(utf8.document?.scale.levels.map((l) => l.label['en'])).toEqual([
      'Level 1',
      'Level 2',
      'Level 3',
      'Level 4',
      'Level 5',
      'Level 6',
      'Level 7',
    ]);
    expect(utf8.document?.framework.versionLabel).toBe('unversioned');
  });

  describe('the layouts the SFIA Foundation publishes', () => {
    it('reads the official header "#,Levels,,,,,,,Code,…" (one cell over seven level columns) as the "Level 1 … Level 7" form', () => {
      const named = parseSfiaCsv(skillsFile(NAMED_LEVELS));
      expect(named.errors).toEqual([]);
      const official = parseSfiaCsv(skillsFile(OFFICIAL_LEVELS));
      expect(official.errors).toEqual([]);
      expect(official.warnings).toEqual([]);
      expect(official.document).toEqual(named.document);
      expect(official.document?.competencies.map((c) => [c.code, c.levels.map((l) => [l.level, l.description?.['en']])])).toEqual([
        [
          'KITE',
          [
            [2, 'Flies a kite in steady wind.'],
            [3, 'Launches a kite alone.'],
          ],
        ],
        [
          'POND',
          [
            [4, 'Plans the planting of a pond.'],
            [5, 'Advises on pond design.'],
          ],
        ],
      ]);
    });

    it('recognises the layout by its shape, not by one spelling: another word over the level columns, or no "#" column', () => {
      const expected = parseSfiaCsv(skillsFile(NAMED_LEVELS)).document;
      expect(parseSfiaCsv(skillsFile(['Niveaux de responsabilité', '', '', '', '', '', ''])).document).toEqual(expected);
      const withoutHash = skillsFile(OFFICIAL_LEVELS)
        .split('\r\n')
        .map((line) => line.replace(/^[^,]*,/, ''))
        .join('\r\n');
      const result = parseSfiaCsv(withoutHash);
      expect(result.errors).toEqual([]);
      expect(result.document).toEqual(expected);
    });

    it('reads level columns that hold the descriptions themselves when there are no "Level n description" columns', () => {
      const csv = csvFile(['#', ...OFFICIAL_LEVELS, ...SKILL_COLUMNS], ['1', ...KITE_LEVELS, ...KITE], ['2', ...POND_LEVELS, ...POND]);
      const result = parseSfiaCsv(csv);
      expect(result.errors).toEqual([]);
      expect(result.document).toEqual(parseSfiaCsv(skillsFile(NAMED_LEVELS)).document);
    });

    it('still names the level columns it misses when the level columns have other headers', () => {
      const result = parseSfiaCsv(skillsFile(['Levels', 'x', '', '', '', '', '']).replace(/^#,/, 'Number,'));
      expect(result.errors).toEqual([
        {
          severity: 'error',
          message: 'Missing required columns: Level 1, Level 2, Level 3, Level 4, Level 5, Level 6, Level 7.',
          location: 'row 1 (header)',
        },
      ]);
    });

    it('keeps level descriptions that start with "Essence of the level:" as written, and says so once', () => {
      const prefixed = KITE_LEVELS.map((text) => (text ? `Essence of the level: ${text}` : ''));
      const csv = csvFile(
        ['#', ...OFFICIAL_LEVELS, ...SKILL_COLUMNS, ...DESCRIPTION_COLUMNS],
        ['1', ...marks(prefixed), ...KITE, ...prefixed],
      );
      const result = parseSfiaCsv(csv);
      expect(result.errors).toEqual([]);
      expect(result.document?.competencies[0].levels.map((l) => l.description?.['en'])).toEqual([
        'Essence of the level: Flies a kite in steady wind.',
        'Essence of the level: Launches a kite alone.',
      ]);
      expect(result.warnings).toEqual([
        {
          severity: 'warning',
          message: expect.stringMatching(/^2 level descriptions start with "Essence of the level:"; kept as the source wrote them/),
          location: 'row 2, column 17 (Level 2 description)',
        },
      ]);
    });
  });

  describe('the levels file', () => {
    const PHRASES = ['Watch', 'Help', 'Do', 'Lead', 'Advise', 'Shape', 'Steer'];
    const ESSENCES = PHRASES.map((p, i) => `Essence ${i + 1}: ${p.toLowerCase()}s, invented for this test.`);
    const byRow = csvFile(['Level', 'Guiding phrase', 'Essence of the level'], ...PHRASES.map((p, i) => [String(i + 1), p, ESSENCES[i]]));
    const transposed = csvFile(
      ['Level', ...PHRASES.map((_, i) => String(i + 1))],
      ['Guiding phrase', ...PHRASES],
      ['Essence of the level', ...ESSENCES],
      ['Autonomy', ...PHRASES.map(() => 'Some')],
    );

    it('reads the published, transposed orientation (one row per attribute, one column per level) like the row orientation', () => {
      const rows = parseSfiaCsv(skillsFile(NAMED_LEVELS), { levelsFile: byRow });
      expect(rows.errors).toEqual([]);
      expect(rows.warnings).toEqual([]);
      const columns = parseSfiaCsv(skillsFile(NAMED_LEVELS), { levelsFile: transposed });
      expect(columns.errors).toEqual([]);
      expect(columns.document?.scale).toEqual(rows.document?.scale);
      expect(columns.document?.scale.levels[3]).toEqual({
        number: 4,
        code: '4',
        label: { en: 'Lead' },
        description: { en: 'Essence 4: leads, invented for this test.' },
      });
      expect(columns.warnings).toEqual([
        {
          severity: 'warning',
          message: 'Levels file: the row "Autonomy" is not kept: a scale level keeps its guiding phrase and essence.',
          location: 'levels file, column 1',
        },
      ]);
    });

    it('reads a transposed file whose level row says "Level 1".."Level 7", and names the place of a bad level', () => {
      const labelled = transposed.replace(/^Level,1,2,3,4,5,6,7/, 'Level,Level 1,Level 2,Level 3,Level 4,Level 5,Level 6,Level 9');
      const result = parseSfiaCsv(skillsFile(NAMED_LEVELS), { levelsFile: labelled });
      expect(result.errors).toEqual([
        {
          severity: 'error',
          message: 'Levels file: "Level 9" is not a SFIA level (1–7).',
          location: 'levels file, row 1, column 8 (Level)',
        },
      ]);
    });

    it('names the missing row of a transposed file', () => {
      const result = parseSfiaCsv(skillsFile(NAMED_LEVELS), {
        levelsFile: csvFile(['Level', '1', '2'], ['Guiding phrase', 'Watch', 'Help']),
      });
      expect(result.errors).toEqual([
        {
          severity: 'error',
          message: 'Levels file: missing required row: Essence of the level (the file lists the levels in columns).',
          location: 'levels file, column 1',
        },
      ]);
    });
  });

  describe('bad input names the place', () => {
    it.each([
      ['missing-columns.csv', 'Missing required columns: Subcategory, Level 3 description.', 'row 1 (header)'],
      ['duplicate-codes.csv', 'Duplicate skill code "ITMG" (first at row 2).', 'row 4, column 9 (Code)'],
      [
        'no-defined-level.csv',
        'Skill "SLMO" is not defined at any level (all seven level columns are blank).',
        'row 3, columns 2–8 (Level 1–7)',
      ],
    ])('%s', (file, message, location) => {
      const result = parseSfiaCsv(fixture('bad', 'sfia', file));
      expect(result.document).toBeUndefined();
      expect(result.errors).toContainEqual({ severity: 'error', message, location });
    });

    it('rejects a Moodle CSV (wrong format)', () => {
      const result = parseSfiaCsv(fixture('ok', 'moodle', 'oecd-core-competencies.csv'));
      expect(result.errors).toEqual([
        { severity: 'error', message: 'Not a SFIA skills CSV: no header row with the columns Code and Skill.', location: 'row 1' },
      ]);
    });

    it('reports a broken levels file in the levels file', () => {
      const result = parseSfiaCsv(skillsCp1252(), { levelsFile: 'Level,Guiding phrase\r\n1,Follow\r\n' });
      expect(result.errors).toEqual([
        {
          severity: 'error',
          message: 'Levels file: missing required column: Essence of the level.',
          location: 'levels file, row 1 (header)',
        },
      ]);
    });

    it('reports a level outside 1–7 in the levels file', () => {
      const result = parseSfiaCsv(skillsCp1252(), { levelsFile: 'Level,Guiding phrase,Essence of the level\r\n8,Beyond,Too far\r\n' });
      expect(result.errors).toContainEqual({
        severity: 'error',
        message: 'Levels file: "8" is not a SFIA level (1–7).',
        location: 'levels file, row 2, column 1 (Level)',
      });
    });
  });
});
