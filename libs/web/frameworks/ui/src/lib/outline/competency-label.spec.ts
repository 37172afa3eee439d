import { competency, en, tinyTree } from '../testing-tree';
import { competencyCode, competencyLabel, competencyName, competencyShortName, outlinePositions } from './competency-label';
import { frameworkOutline } from './framework-outline';

const named = (code: string, title: string) => ({ code, title: en(title) });

describe('competency names', () => {
  it.each([
    ['a code', named('C.1', 'User Support'), 'C.1', 'C.1 User Support', 'C.1'],
    ['an empty code (CASE without humanCodingScheme)', named('', 'Use fractions'), null, 'Use fractions', 'Use fractions'],
    ['a blank code', named('  ', 'Use fractions'), null, 'Use fractions', 'Use fractions'],
    ['a code with spaces around it', named(' L1.2 ', ' Count to ten '), 'L1.2', 'L1.2 Count to ten', 'L1.2'],
    ['a code and no title', named('X', ''), 'X', 'X', 'X'],
  ])('%s', (_case, named, code, name, shortName) => {
    expect(competencyCode(named)).toBe(code);
    expect(competencyName(named)).toBe(name);
    expect(competencyShortName(named)).toBe(shortName);
  });
});

describe('outlinePositions', () => {
  it('numbers every node by its place among its siblings, categories and competencies alike', () => {
    // Area A (1): A.1 (1.1), Sub A1 (1.2): A.2 (1.2.1); Uncategorised (2): X (2.1)
    expect(Object.fromEntries(outlinePositions(frameworkOutline(tinyTree())))).toEqual({
      'cat-a': '1',
      c1: '1.1',
      'cat-a1': '1.2',
      c2: '1.2.1',
      uncategorised: '2',
      c3: '2.1',
    });
  });

  it('numbers a framework without categories 1, 2, 3', () => {
    const tree = tinyTree({
      categories: [],
      uncategorisedCompetencyIds: ['c2', 'c1'],
      competencies: [competency('c1', '', [1]), competency('c2', '', [1])],
    });
    expect(Object.fromEntries(outlinePositions(frameworkOutline(tree)))).toEqual({ c2: '1', c1: '2' });
  });

  it('is empty for an empty framework', () => {
    expect(outlinePositions([]).size).toBe(0);
  });
});

describe('competencyLabel', () => {
  it.each([
    ['its code', named('C.1', 'User Support'), '1.2', { text: 'C.1', isPosition: false }],
    ['its code even without a position', named('C.1', 'User Support'), undefined, { text: 'C.1', isPosition: false }],
    ['its position when it has no code', named('', 'Use fractions'), '1.2.3', { text: '1.2.3', isPosition: true }],
    ['its position when its code is blank', named(' ', 'Use fractions'), '4', { text: '4', isPosition: true }],
    ['nothing when it has neither', named('', 'Use fractions'), null, null],
  ])('is %s', (_case, named, position, label) => {
    expect(competencyLabel(named, position)).toEqual(label);
  });
});
