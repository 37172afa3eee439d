import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { FrameworkDocument } from '@proficio/shared/contracts';
import { parseFramework } from '../import-result';
import { parseSfiaCsv } from './sfia-csv';

const FIXTURES = path.join(__dirname, '..', '..', '..', '..', 'test', 'fixtures');
const fixture = (...parts: string[]) => new Uint8Array(readFileSync(path.join(FIXTURES, ...parts)));
const skillsCp1252 = () => fixture('ok', 'sfia', 'hand-made-sfia-skills-cp1252.csv');
const levelsCp1252 = () => fixture('ok', 'sfia', 'hand-made-sfia-levels-cp1252.csv');

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
