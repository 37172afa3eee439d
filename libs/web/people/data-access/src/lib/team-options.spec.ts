import { TeamNode } from '@proficio/shared/contracts';
import { DEMO_IDS, demoTeams } from '../testing';
import { deleteBlocker, moveTargets, teamOptions, teamRows } from './team-options';

describe('teamOptions', () => {
  it.each<[string, TeamNode[], { name: string; depth: number; path: string }[]]>([
    ['no teams', [], []],
    ['one team', [{ id: 'a', name: 'Sales', memberCount: 2, children: [] }], [{ name: 'Sales', depth: 0, path: 'Sales' }]],
    [
      'the demo tree, depth first',
      demoTeams(),
      [
        { name: 'Proficio Demo Ltd', depth: 0, path: 'Proficio Demo Ltd' },
        { name: 'IT Services', depth: 1, path: 'Proficio Demo Ltd › IT Services' },
        { name: 'Service Desk', depth: 2, path: 'Proficio Demo Ltd › IT Services › Service Desk' },
        { name: 'Service Delivery', depth: 2, path: 'Proficio Demo Ltd › IT Services › Service Delivery' },
        { name: 'People & Culture', depth: 1, path: 'Proficio Demo Ltd › People & Culture' },
      ],
    ],
  ])('flattens %s', (_case, tree, expected) => {
    expect(teamOptions(tree).map(({ name, depth, path }) => ({ name, depth, path }))).toEqual(expected);
  });

  it('keeps each team id', () => {
    expect(teamOptions(demoTeams()).find((option) => option.name === 'Service Desk')?.id).toBe(DEMO_IDS.desk);
  });
});

describe('teamRows', () => {
  it('lists each team with its parent and why it cannot be deleted', () => {
    const rows = teamRows(demoTeams());
    expect(rows.map(({ name, parentId, deleteBlocker }) => [name, parentId, deleteBlocker])).toEqual([
      ['Proficio Demo Ltd', null, 'Has 2 sub-teams'],
      ['IT Services', DEMO_IDS.company, 'Has 1 member and 2 sub-teams'],
      ['Service Desk', DEMO_IDS.it, 'Has 3 members'],
      ['Service Delivery', DEMO_IDS.it, 'Has 3 members'],
      ['People & Culture', DEMO_IDS.company, 'Has 1 member'],
    ]);
  });

  it.each([
    [0, 0, null],
    [1, 0, 'Has 1 member'],
    [0, 1, 'Has 1 sub-team'],
    [2, 3, 'Has 2 members and 3 sub-teams'],
  ])('says why %i members and %i sub-teams block a delete', (members, subTeams, expected) => {
    expect(deleteBlocker(members, subTeams)).toBe(expected);
  });
});

describe('moveTargets', () => {
  it('leaves out the team itself and everything below it', () => {
    expect(moveTargets(demoTeams(), DEMO_IDS.it).map((option) => option.name)).toEqual(['Proficio Demo Ltd', 'People & Culture']);
    expect(moveTargets(demoTeams(), DEMO_IDS.desk).map((option) => option.name)).toEqual([
      'Proficio Demo Ltd',
      'IT Services',
      'Service Delivery',
      'People & Culture',
    ]);
  });
});
