import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { sessionTesting, signIn } from '@proficio/web/auth/data-access/testing';
import { DEMO_IDS } from '@proficio/web/people/data-access/testing';
import { MyTeamCard } from './my-team-card';

describe('MyTeamCard', () => {
  let fixture: ComponentFixture<MyTeamCard>;
  const { http } = sessionTesting([provideRouter([])]);

  const card = () => fixture.nativeElement as HTMLElement;
  const squash = (element: Element | null | undefined): string => element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

  async function create(reportCount: number): Promise<void> {
    await signIn(http(), {
      id: 'u-2',
      email: 'marco.rossi@demo.proficio.local',
      roles: ['employee', 'manager'],
      employee: { id: DEMO_IDS.marco, name: 'Marco Rossi' },
      reportCount,
    });
    fixture = TestBed.createComponent(MyTeamCard);
    await fixture.whenStable();
  }

  it('says how many people report to the manager and links the team grid, their direct reports, their line and the teams', async () => {
    await create(4);
    expect(squash(card().querySelector('[data-testid="my-team-summary"]'))).toBe('4 people report to you, directly or through others.');
    expect(Array.from(card().querySelectorAll('a')).map((link) => [squash(link), link.getAttribute('href')])).toEqual([
      ['Rate your team in the team grid', '/team'],
      ['Your direct reports', `/people?managerId=${DEMO_IDS.marco}`],
      ['Everyone in your line', '/people'],
      ['Teams', '/teams'],
    ]);
  });

  it.each([
    [1, '1 person reports to you, directly or through others.'],
    [0, 'No one reports to you at the moment.'],
  ])('words a team of %i', async (count, text) => {
    await create(count);
    expect(squash(card().querySelector('[data-testid="my-team-summary"]'))).toBe(text);
  });
});
