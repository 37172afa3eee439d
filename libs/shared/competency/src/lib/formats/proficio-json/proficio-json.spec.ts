import { BUILT_IN_PACKS } from '../../packs/built-in-packs';
import { parseFramework } from '../import-result';
import { exportProficioJson, parseProficioJson } from './proficio-json';
import { fixture } from '../../../testing';

describe('Proficio JSON', () => {
  it.each(BUILT_IN_PACKS.map((pack) => [pack.framework.key, pack] as const))(
    'parses the exported %s pack without errors or warnings',
    (_key, pack) => {
      const result = parseProficioJson(exportProficioJson(pack));
      expect(result.errors).toEqual([]);
      expect(result.warnings).toEqual([]);
      expect(result.document).toEqual(pack);
    },
  );

  it('accepts bytes with a UTF-8 byte order mark', () => {
    const bytes = new TextEncoder().encode(`\uFEFF${exportProficioJson(BUILT_IN_PACKS[0])}`);
    expect(parseFramework('proficio-json', bytes).document).toEqual(BUILT_IN_PACKS[0]);
  });

  describe('bad input names the place', () => {
    it.each([
      ['not-json.json', /not valid JSON/, 'line 4, column 30'],
      ['wrong-encoding.json', /Wrong encoding.*UTF-8/, /^byte \d+$/],
      ['level-outside-scale.json', /Level 9 of competency "C.4" is outside the scale \(1–5\)/, '/competencies/3/levels/3/level'],
      ['duplicate-keys.json', /Duplicate competency key "C.2" \(also at \/competencies\/1\)/, '/competencies/4/key'],
      ['unknown-category.json', /Unknown category "D" of competency "C.2"/, '/competencies/1/categoryKey'],
      ['category-cycle.json', /Cycle in the category hierarchy: A → C → B → A/, '/categories/0/parentKey'],
    ])('%s', (file, message, location) => {
      const result = parseProficioJson(fixture('bad', 'proficio-json', file));
      expect(result.document).toBeUndefined();
      expect(result.errors).toContainEqual({
        severity: 'error',
        message: expect.stringMatching(message),
        location: typeof location === 'string' ? location : expect.stringMatching(location),
      });
    });

    it('reports every schema violation with its JSON pointer', () => {
      const result = parseProficioJson(fixture('bad', 'proficio-json', 'schema-violations.json'));
      expect(result.document).toBeUndefined();
      expect(result.errors).toEqual(
        expect.arrayContaining([
          { severity: 'error', message: 'Missing required property "title".', location: '/competencies/2' },
          { severity: 'error', message: 'Unknown property "colour".', location: '/competencies/0/levels/1/colour' },
        ]),
      );
    });

    it.each([
      ['a Moodle CSV', ['ok', 'moodle', 'oecd-core-competencies.csv'], /not valid JSON/, 'line 1, column 19'],
      [
        'a CASE package',
        ['ok', 'case', 'opensalt-ItemTypeTestFramework.json'],
        /"format" must be "proficio-framework" \(missing\)\. This looks like a CASE package/,
        '/format',
      ],
    ])('rejects %s (wrong format)', (_what, file, message, location) => {
      const result = parseProficioJson(fixture(...file));
      expect(result.errors).toEqual([{ severity: 'error', message: expect.stringMatching(message), location }]);
    });

    it('rejects a scale whose levels do not run 1..n', () => {
      const pack = structuredClone(BUILT_IN_PACKS[0]);
      pack.scale.levels[1].number = 7;
      expect(parseProficioJson(JSON.stringify(pack)).errors).toContainEqual({
        severity: 'error',
        message: 'Scale level numbers must run 1..n in order: expected 2, found 7.',
        location: '/scale/levels/1/number',
      });
    });
  });
});
