import { AssessedLevel, TeamGrid, TeamGridCell } from '@proficio/shared/contracts';
import { DEMO_IDS, TEAM_GRID_IDS, teamGridFixture } from '@proficio/web/people/data-access/testing';
import { teamAttention } from './team-attention';

const level = (overrides: Partial<AssessedLevel> = {}): AssessedLevel => ({
  outcome: 'rated',
  level: 3,
  levelCode: '3',
  assessmentId: 'a-1',
  assessedOn: '2026-03-01',
  stale: false,
  fromEarlierVersion: false,
  ...overrides,
});

const cell = (employeeId: string, competencyId: string, target: number | undefined, manager?: AssessedLevel): TeamGridCell => ({
  employeeId,
  competencyId,
  ...(target === undefined ? {} : { target }),
  ...(manager ? { manager } : {}),
});

describe('teamAttention', () => {
  it('counts, per person, the targets without a current manager level, most waiting first', () => {
    const grid: TeamGrid = teamGridFixture({
      cells: [
        // Sara: one target met, one missing, one "not assessed" (missing), one stale, one from an earlier version
        cell(DEMO_IDS.sara, TEAM_GRID_IDS.c1, 4, level()),
        cell(DEMO_IDS.sara, TEAM_GRID_IDS.c4, 3),
        cell(DEMO_IDS.sara, TEAM_GRID_IDS.e3, 2, level({ outcome: 'not_assessed', level: undefined })),
        cell(DEMO_IDS.sara, TEAM_GRID_IDS.itmg, 5, level({ stale: true })),
        // Tom: "not applicable" is an answer; a stale level where his role asks nothing waits for no one
        cell(DEMO_IDS.tom, TEAM_GRID_IDS.c1, 2, level({ outcome: 'not_applicable', level: undefined })),
        cell(DEMO_IDS.tom, TEAM_GRID_IDS.e3, undefined, level({ stale: true })),
        cell(DEMO_IDS.tom, TEAM_GRID_IDS.itmg, 6, level({ fromEarlierVersion: true })),
      ],
    });
    expect(teamAttention(grid)).toEqual({
      people: 3,
      waiting: [
        { id: DEMO_IDS.sara, name: 'Sara Bianchi', missing: 2, outdated: 1 },
        { id: DEMO_IDS.tom, name: 'Tom Becker', missing: 0, outdated: 1 },
      ],
      missing: 2,
      outdated: 2,
      // Aisha
      withoutRoleProfile: 1,
    });
  });

  it('finds nothing waiting when every target has a current level, and nothing at all without reports', () => {
    const met = teamGridFixture({ cells: [cell(DEMO_IDS.sara, TEAM_GRID_IDS.c1, 4, level())] });
    expect(teamAttention(met)).toMatchObject({ people: 3, waiting: [], missing: 0, outdated: 0 });
    expect(teamAttention(teamGridFixture({ people: [], cells: [] }))).toEqual({
      people: 0,
      waiting: [],
      missing: 0,
      outdated: 0,
      withoutRoleProfile: 0,
    });
  });

  it('orders people with as much waiting by name', () => {
    const grid = teamGridFixture({ cells: [cell(DEMO_IDS.tom, TEAM_GRID_IDS.c1, 2), cell(DEMO_IDS.sara, TEAM_GRID_IDS.c1, 4)] });
    expect(teamAttention(grid).waiting.map((person) => person.name)).toEqual(['Sara Bianchi', 'Tom Becker']);
  });
});
