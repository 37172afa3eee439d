import { ScaleLevelView } from '@proficio/shared/contracts';
import { competency, en, tinyTree } from '../testing-tree';
import { distinctLevelLabel, frameworkOutline, levelShortTitle, levelTitle, outlinedCompetencies } from './framework-outline';

describe('frameworkOutline', () => {
  it('nests categories and puts uncategorised competencies in their own group', () => {
    const describe = (nodes: ReturnType<typeof frameworkOutline>): unknown[] =>
      nodes.map((node) => (node.kind === 'category' ? { [node.name.text]: describe(node.children) } : node.code));
    expect(describe(frameworkOutline(tinyTree()))).toEqual([{ 'Area A': ['A.1', { 'Sub A1': ['A.2'] }] }, { Uncategorised: ['X'] }]);
  });

  it('lists competencies at the top level when the framework has no categories', () => {
    const tree = tinyTree({
      categories: [],
      uncategorisedCompetencyIds: ['c1', 'c2'],
      competencies: [competency('c1', 'A', [1]), competency('c2', 'B', [1])],
    });
    expect(frameworkOutline(tree).map((node) => node.kind + ':' + node.id)).toEqual(['competency:c1', 'competency:c2']);
  });

  it('orders competencies depth first with their category path', () => {
    expect(outlinedCompetencies(tinyTree()).map((entry) => [entry.competency.code, entry.categoryPath.join(' › ')])).toEqual([
      ['A.1', 'A Area A'],
      ['A.2', 'A Area A › Sub A1'],
      ['X', 'Uncategorised'],
    ]);
  });
});

describe('levelTitle', () => {
  const level = (code: string, label: string): ScaleLevelView => ({ number: 1, code, label: en(label) });

  it.each([
    ['SFIA', level('5', 'Ensure, advise'), 'Level 5: Ensure, advise', 'Ensure, advise', 'Level 5'],
    ['e-CF', level('e-1', 'e-1'), 'e-1', '', 'e-1'],
    ['profile levels', level('1', 'Level 1'), 'Level 1', '', 'Level 1'],
    ['Italian labels', level('1', 'Livello 1'), 'Livello 1', '', 'Level 1'],
    ['seed 002', level('2', 'Assist'), 'Level 2: Assist', 'Assist', 'Level 2'],
  ])('%s', (_name, scaleLevel, title, label, short) => {
    expect(levelTitle(scaleLevel)).toBe(title);
    expect(distinctLevelLabel(scaleLevel)).toBe(label);
    expect(levelShortTitle(scaleLevel)).toBe(short);
  });

  it('names a level missing from the scale by its number', () => {
    expect(levelTitle(undefined, 4)).toBe('Level 4');
  });
});
