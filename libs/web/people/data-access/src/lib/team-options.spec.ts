import { TeamNode } from '@proficio/shared/contracts';
import { DEMO_IDS, demoTeams } from '../testing';
import { teamOptions } from './team-options';

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
