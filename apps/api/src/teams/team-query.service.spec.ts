import { teamTree } from './team-query.service';

const row = (id: string, parent_id: string | null, member_count = 0) => ({ id, parent_id, name: id.toUpperCase(), member_count });

describe('teamTree', () => {
  it('puts each team under its parent, keeping the order of the rows', () => {
    const tree = teamTree([row('a', null, 2), row('b', 'a'), row('c', null), row('d', 'b', 5), row('e', 'a', 1)]);
    expect(tree).toEqual([
      {
        id: 'a',
        name: 'A',
        memberCount: 2,
        children: [
          { id: 'b', name: 'B', memberCount: 0, children: [{ id: 'd', name: 'D', memberCount: 5, children: [] }] },
          { id: 'e', name: 'E', memberCount: 1, children: [] },
        ],
      },
      { id: 'c', name: 'C', memberCount: 0, children: [] },
    ]);
  });

  it('places a child listed before its parent under it', () => {
    expect(teamTree([row('b', 'z'), row('z', null)])).toEqual([
      { id: 'z', name: 'Z', memberCount: 0, children: [{ id: 'b', name: 'B', memberCount: 0, children: [] }] },
    ]);
  });

  it('is empty without teams', () => {
    expect(teamTree([])).toEqual([]);
  });
});
