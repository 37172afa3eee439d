import { FrameworkOutline, ScaleLevelView } from '@proficio/shared/contracts';
import { competency, en, tinyTree } from '../testing-tree';
import { distinctLevelLabel, frameworkOutline, levelShortTitle, levelTitle, outlinedCompetencies, readOutline } from './framework-outline';

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

describe('readOutline', () => {
  const { categories, uncategorisedCompetencyIds, competencies, ...header } = tinyTree();
  const sent: FrameworkOutline = {
    ...header,
    requestedLanguage: 'it',
    categories: [
      {
        id: 'cat-a',
        key: 'a',
        code: 'A',
        name: en('Area A'),
        competencies: [0],
        children: [{ id: 'cat-a1', key: 'a1', name: en('Sub A1'), competencies: [1], children: [] }],
      },
    ],
    uncategorised: [2],
    competencies: [
      { id: 'c1', key: 'k1', code: 'A.1', title: 'Uno', levels: [1, 2] },
      { id: 'c2', key: 'k2', code: 'A.2', title: 'Two', titleLanguage: 'en', levels: [2, 3], notPractisedLevels: [1] },
      { id: 'c3', key: 'k3', code: 'X', title: 'Tre', levels: [] },
    ],
  };

  it('names competencies by id where the API sends indexes, and keeps the rest as sent', () => {
    const read = readOutline(sent);
    expect(read.categories).toEqual([
      { ...categories[0], competencyIds: ['c1'], children: [{ ...categories[0]?.children[0], competencyIds: ['c2'] }] },
    ]);
    expect(read.uncategorisedCompetencyIds).toEqual(uncategorisedCompetencyIds);
    expect(read).toMatchObject({ ...header, requestedLanguage: 'it' });
    expect(read.competencies.map((competency) => competency.id)).toEqual(competencies.map((competency) => competency.id));
  });

  it('reads each title in the language asked for unless the API names another, and no levels declared not practised as none', () => {
    expect(readOutline(sent).competencies).toEqual([
      { id: 'c1', key: 'k1', code: 'A.1', title: { text: 'Uno', language: 'it', fallback: false }, levels: [1, 2], notPractisedLevels: [] },
      { id: 'c2', key: 'k2', code: 'A.2', title: { text: 'Two', language: 'en', fallback: true }, levels: [2, 3], notPractisedLevels: [1] },
      { id: 'c3', key: 'k3', code: 'X', title: { text: 'Tre', language: 'it', fallback: false }, levels: [], notPractisedLevels: [] },
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
