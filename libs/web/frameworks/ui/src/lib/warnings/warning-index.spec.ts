import { FrameworkWarning } from '@proficio/shared/contracts';
import { competency, en, tinyTree } from '../testing-tree';
import { WarningIndex, describeWarningPlace, placeOfWarning } from './warning-index';

const warning = (location: string, extra: Partial<FrameworkWarning> = {}): FrameworkWarning => ({
  code: 'placeholder-key',
  message: `at ${location}`,
  location,
  ...extra,
});

describe('placeOfWarning', () => {
  const tree = tinyTree();

  it.each([
    [
      'an indicator (level index → level number)',
      '/competencies/1/levels/1/indicators/0',
      { competencyId: 'c2', level: 3, part: 'indicator', index: 0 },
    ],
    ['a level', '/competencies/0/levels/0', { competencyId: 'c1', level: 1, part: 'level' }],
    ['a level description', '/competencies/0/levels/1/description', { competencyId: 'c1', level: 2, part: 'level' }],
    ['a question', '/competencies/0/levels/0/questions/2/text', { competencyId: 'c1', level: 1, part: 'question', index: 2 }],
    [
      'a probing question',
      '/competencies/0/levels/0/questions/2/probes/4',
      { competencyId: 'c1', level: 1, part: 'probe', index: 2, probeIndex: 4 },
    ],
    ['a competency description', '/competencies/2/description', { competencyId: 'c3', part: 'description' }],
    ['the framework', '/framework/name', { part: 'competency' }],
  ])('resolves %s', (_name, location, place) => {
    expect(placeOfWarning(tree, warning(location))).toEqual(place);
  });

  it('falls back to competencyKey and level when the pointer does not reach a competency', () => {
    expect(placeOfWarning(tree, warning('/competencies/9', { competencyKey: 'A.2', level: 2 }))).toEqual({
      competencyId: 'c2',
      level: 2,
      part: 'level',
    });
  });
});

describe('WarningIndex', () => {
  const tree = tinyTree({
    warnings: [
      warning('/competencies/0/levels/0/indicators/1'),
      warning('/competencies/0/levels/0/indicators/1', { code: 'near-duplicate-indicator' }),
      warning('/competencies/0/levels/1'),
      warning('/competencies/1/title'),
    ],
  });
  const index = new WarningIndex(tree);

  it('finds the warnings of one indicator, one level and one competency', () => {
    expect(index.at('c1', 'indicator', 1, 1)).toHaveLength(2);
    expect(index.at('c1', 'indicator', 1, 0)).toEqual([]);
    expect(index.at('c1', 'level', 2)).toHaveLength(1);
    expect(index.inLevel('c1', 1)).toHaveLength(2);
    expect(index.inCompetency('c1')).toHaveLength(3);
    expect(index.at('c2', 'title')).toHaveLength(1);
    expect(index.inCompetency('c3')).toEqual([]);
  });

  it('describes where a warning applies', () => {
    expect(tree.warnings.map((w) => describeWarningPlace(tree, w))).toEqual([
      'A.1 › Level 1: Follow › Behaviour indicator 2',
      'A.1 › Level 1: Follow › Behaviour indicator 2',
      'A.1 › Level 2: Assist',
      'A.2 › Title',
    ]);
  });

  it('names a competency without a code by its title', () => {
    const codeless = tinyTree({
      competencies: [competency('c1', '', [1], { title: en('Count to ten') })],
      warnings: [warning('/competencies/0/levels/0')],
    });
    expect(describeWarningPlace(codeless, codeless.warnings[0])).toBe('Count to ten › Level 1: Follow');
  });
});
