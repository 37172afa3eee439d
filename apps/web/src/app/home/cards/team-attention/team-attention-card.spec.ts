import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { ApiRoutes, TeamGrid, TeamGridCell } from '@proficio/shared/contracts';
import { sessionTesting, signIn } from '@proficio/web/auth/data-access/testing';
import { DEMO_IDS, TEAM_GRID_IDS, teamGridFixture } from '@proficio/web/people/data-access/testing';
import { AXE_TIMEOUT_MS, seriousA11yViolations } from '@proficio/web/shared/util/testing';
import { ATTENTION_LIST_LENGTH, TeamAttentionCard } from './team-attention-card';

describe('TeamAttentionCard', () => {
  let fixture: ComponentFixture<TeamAttentionCard>;
  const { http } = sessionTesting([provideRouter([])]);

  const card = () => fixture.nativeElement as HTMLElement;
  const squash = (element: Element | null | undefined): string => element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  const missing = (employeeId: string, competencyId: string): TeamGridCell => ({ employeeId, competencyId, target: 3 });

  beforeEach(async () => {
    await signIn(http(), {
      id: 'u-3',
      email: 'luca@demo.proficio.local',
      roles: ['employee', 'manager'],
      employee: { id: DEMO_IDS.luca, name: 'Luca Esposito' },
      reportCount: 3,
    });
    fixture = TestBed.createComponent(TeamAttentionCard);
    await fixture.whenStable();
  });

  async function answer(grid: TeamGrid): Promise<void> {
    const request = http().expectOne((req) => req.url === ApiRoutes.teamGrid);
    // the whole line, not only the direct reports
    expect(request.request.params.get('scope')).toBe('line');
    request.flush(grid);
    await fixture.whenStable();
  }

  it('names the people whose assessments wait, with what waits, and links each to their competencies', async () => {
    expect(card().querySelector('[data-testid="team-attention-loading"] [role="progressbar"]')).not.toBeNull();
    await answer(teamGridFixture());
    // Sara's C.4 target has no level (her stale E.3 is not asked for by her role); Aisha has no role profile
    expect(squash(card().querySelector('[data-testid="team-attention-summary"]'))).toBe(
      '1 assessment missing, for 1 of the 3 people in your line.',
    );
    const rows = Array.from(card().querySelectorAll('.people li'));
    expect(rows.map(squash)).toEqual(['Sara Bianchi 1 missing']);
    expect(rows[0]?.querySelector('a')?.getAttribute('href')).toBe(`/people/${DEMO_IDS.sara}?tab=competencies`);
    expect(squash(card().querySelector('.note'))).toBe('1 person has no role profile, so nothing is asked of them yet.');
    const grid = Array.from(card().querySelectorAll('a')).find((link) => squash(link) === 'Open the team grid');
    expect(grid?.getAttribute('href')).toBe('/team?scope=line');
  });

  it('lists the first people only, and says how many more wait', async () => {
    const people = Array.from({ length: ATTENTION_LIST_LENGTH + 2 }, (_, i) => ({ id: `p-${i}`, name: `Person ${i}`, direct: true }));
    await answer(
      teamGridFixture({
        people: people.map((person) => ({ ...person, roleProfile: { id: 'rp', name: 'Analyst' } })),
        cells: people.flatMap((person, i) => Array.from({ length: i + 1 }, (_, c) => missing(person.id, `c-${c}`))),
      }),
    );
    const rows = Array.from(card().querySelectorAll('.people li')).map(squash);
    expect(rows).toHaveLength(ATTENTION_LIST_LENGTH);
    // most waiting first
    expect(rows[0]).toBe(`Person ${ATTENTION_LIST_LENGTH + 1} ${ATTENTION_LIST_LENGTH + 2} missing`);
    expect(squash(card().querySelector('.more'))).toBe('and 2 more people.');
    expect(squash(card().querySelector('[data-testid="team-attention-summary"]'))).toBe(
      '28 assessments missing, for 7 of the 7 people in your line.',
    );
    expect(card().querySelector('.note')).toBeNull();
  });

  it('counts levels out of date beside the missing ones', async () => {
    const stale = {
      outcome: 'rated' as const,
      level: 2,
      assessmentId: 'a',
      assessedOn: '2024-01-01',
      stale: true,
      fromEarlierVersion: false,
    };
    await answer(
      teamGridFixture({
        cells: [
          missing(DEMO_IDS.sara, TEAM_GRID_IDS.c1),
          { employeeId: DEMO_IDS.sara, competencyId: TEAM_GRID_IDS.c4, target: 3, manager: stale },
          { employeeId: DEMO_IDS.tom, competencyId: TEAM_GRID_IDS.c1, target: 2, manager: stale },
        ],
      }),
    );
    expect(squash(card().querySelector('[data-testid="team-attention-summary"]'))).toBe(
      '1 assessment missing and 2 assessments out of date, for 2 of the 3 people in your line.',
    );
    expect(Array.from(card().querySelectorAll('.people li')).map(squash)).toEqual([
      'Sara Bianchi 1 missing, 1 out of date',
      'Tom Becker 1 out of date',
    ]);
  });

  it('says when nothing waits', async () => {
    await answer(
      teamGridFixture({
        cells: [
          {
            employeeId: DEMO_IDS.sara,
            competencyId: TEAM_GRID_IDS.c1,
            target: 4,
            manager: { outcome: 'rated', level: 3, assessmentId: 'a', assessedOn: '2026-03-01', stale: false, fromEarlierVersion: false },
          },
        ],
      }),
    );
    expect(squash(card().querySelector('[data-testid="team-attention-done"]'))).toBe(
      'Nothing waits for you: every target of the 3 people in your line has a current assessment.',
    );
    expect(card().querySelector('.people')).toBeNull();
  });

  it('says when no one reports to the manager any more', async () => {
    await answer(teamGridFixture({ people: [], cells: [], competencies: [] }));
    expect(squash(card().querySelector('[data-testid="team-attention-empty"]'))).toBe(
      'No one reports to you yet, so no assessment waits for you.',
    );
    expect(Array.from(card().querySelectorAll('a')).map(squash)).not.toContain('Open the team grid');
  });

  it('says when the grid could not be loaded, and loads it again on "Try again"', async () => {
    http()
      .expectOne((req) => req.url === ApiRoutes.teamGrid)
      .flush({ type: 'about:blank', title: 'Service Unavailable', status: 503 }, { status: 503, statusText: 'Service Unavailable' });
    await fixture.whenStable();
    const error = card().querySelector('[data-testid="team-attention-error"]');
    expect(squash(error)).toContain("Could not load your team's assessments.");
    (error?.querySelector('button') as HTMLButtonElement).click();
    await fixture.whenStable();
    await answer(teamGridFixture());
    expect(card().querySelector('[data-testid="team-attention-summary"]')).not.toBeNull();
  });

  it(
    'has no serious accessibility violations',
    async () => {
      await answer(teamGridFixture());
      expect(await seriousA11yViolations(card())).toEqual([]);
    },
    AXE_TIMEOUT_MS,
  );
});
