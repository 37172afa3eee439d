import { BUILT_IN_PACKS } from '../../packs/built-in-packs';
import { fixture, sfiaSkillsCsv } from '../../../testing';
import { parseFramework } from '../import-result';
import { detectFormat } from './detect-format';

/** Invented skills (not SFIA text), defined at levels 2 and 3: enough rows for a wall of errors in another format. */
const sfiaSkills = (rows: number): string =>
  sfiaSkillsCsv(
    Array.from({ length: rows }, (_, index) => ({
      code: `SK${index + 1}`,
      url: `https://example.org/${index + 1}`,
      skill: `Skill ${index + 1}`,
      category: 'Work',
      subcategory: 'Area',
      overall: 'Does things.',
      guidance: '',
      levels: [undefined, 'Does it.', 'Does it well.'],
    })),
  );
const SFIA_LEVELS = 'Level,1,2\r\nGuiding phrase,Watch,Help\r\nEssence of the level,Looks on.,Lends a hand.\r\n';
const only = (message: string) => [{ severity: 'error', message, location: 'file' }];

describe('a file in the wrong format', () => {
  it('an SFIA CSV declared as Moodle CSV: one error naming the format, not a wall of errors', () => {
    const result = parseFramework('moodle-csv', sfiaSkills(40));
    expect(result.document).toBeUndefined();
    expect(result.errors).toEqual(
      only('This looks like an SFIA skills CSV, not a Moodle competency framework CSV: choose the format "sfia-csv".'),
    );
    expect(result.warnings).toEqual([]);
    expect(parseFramework('sfia-csv', sfiaSkills(40)).errors).toEqual([]);
  });

  it.each([
    ['sfia-csv', 'moodle-csv', fixture('ok', 'moodle', 'oecd-core-competencies.csv'), 'a Moodle competency framework CSV'],
    ['case', 'moodle-csv', fixture('ok', 'moodle', 'oecd-core-competencies.csv'), 'a Moodle competency framework CSV'],
    ['moodle-csv', 'case', fixture('ok', 'case', 'opensalt-ItemTypeTestFramework.json'), 'a CASE package (JSON)'],
    ['proficio-json', 'case', fixture('ok', 'case', 'opensalt-ItemTypeTestFramework.json'), 'a CASE package (JSON)'],
    ['case', 'proficio-json', JSON.stringify(BUILT_IN_PACKS[0]), 'a Proficio framework file (JSON)'],
    ['sfia-csv', 'case', fixture('ok', 'case', 'opensalt-sample-framework-20c5134f.json'), 'a CASE package (JSON)'],
  ] as const)('declared as %s, a %s file says what it looks like', (declared, format, file, name) => {
    const result = parseFramework(declared, file);
    expect(result.errors).toEqual([
      {
        severity: 'error',
        message: expect.stringMatching(
          new RegExp(`^This looks like ${name.replace(/[()]/g, '\\$&')}, not .*: choose the format "${format}"\\.$`),
        ),
        location: 'file',
      },
    ]);
  });

  it('the SFIA levels file uploaded as the skills file: says where it goes', () => {
    expect(parseFramework('sfia-csv', SFIA_LEVELS).errors).toEqual(
      only(
        'This looks like the SFIA levels file (levels of responsibility), not an SFIA skills CSV: choose the format "sfia-csv", with the skills CSV as the file and this one as the levels file.',
      ),
    );
  });

  it('keeps the errors of a file in the right format, and of a file that looks like nothing known', () => {
    const duplicate = parseFramework('sfia-csv', fixture('bad', 'sfia', 'duplicate-codes.csv'));
    expect(duplicate.errors.map((e) => e.message)).toContain('Duplicate skill code "ITMG" (first at row 2).');
    const unknown = parseFramework('moodle-csv', 'a,b\r\n1,2\r\n');
    expect(unknown.errors).toEqual([
      { severity: 'error', message: expect.stringMatching(/^Not a Moodle competency framework CSV/), location: 'row 1' },
    ]);
  });
});

describe('detectFormat', () => {
  it.each([
    ['a Moodle header in another order', 'Is framework;ID number;Short name\n1;FW;Framework', 'moodle-csv'],
    ['an SFIA header named "1".."7"', '#,1,2,3,4,5,6,7,Code,URL,Skill\n', 'sfia-csv'],
    ['a transposed SFIA levels file', SFIA_LEVELS, 'sfia-levels'],
    ['a broken CASE package', '{"CFDocument": {"identifier": "x",', 'case'],
    ['plain text', 'hello', undefined],
    ['JSON of something else', '{"a": 1}', undefined],
  ])('%s', (_name, text, format) => {
    expect(detectFormat(text)).toBe(format);
  });
});
