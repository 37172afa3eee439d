import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { ApiRoutes } from '@proficio/shared/contracts';
import { sessionTesting, signIn } from '@proficio/web/auth/data-access/testing';
import { demoTeams, employeeSummary, pageOf } from '@proficio/web/people/data-access/testing';
import { AXE_TIMEOUT_MS, seriousA11yViolations } from '@proficio/web/shared/util/testing';
import { OrganisationCard } from './organisation-card';

describe('OrganisationCard', () => {
  let fixture: ComponentFixture<OrganisationCard>;
  const { http } = sessionTesting([provideRouter([])]);

  const card = () => fixture.nativeElement as HTMLElement;
  const squash = (element: Element | null | undefined): string => element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  const counts = () =>
    Array.from(card().querySelectorAll('[data-testid="organisation-counts"] a')).map((link) => [squash(link), link.getAttribute('href')]);

  beforeEach(async () => {
    await signIn(http(), { id: 'u-8', email: 'hr.admin@demo.proficio.local', roles: ['admin'], reportCount: 0 });
    fixture = TestBed.createComponent(OrganisationCard);
    await fixture.whenStable();
  });

  /** Answers the four lists, each asked for one item only (their totals are what counts). */
  async function answer(totals: { people: number; roleProfiles: number; frameworks: number }): Promise<void> {
    const people = http().expectOne((req) => req.url === ApiRoutes.employees);
    expect([people.request.params.get('pageSize'), people.request.params.get('status')]).toEqual(['1', 'active']);
    people.flush(pageOf(totals.people ? [employeeSummary('sara')] : [], { total: totals.people, pageSize: 1 }));
    http().expectOne(ApiRoutes.teams).flush(demoTeams());
    const profiles = http().expectOne((req) => req.url === ApiRoutes.roleProfiles);
    expect(profiles.request.params.get('pageSize')).toBe('1');
    profiles.flush(pageOf([], { total: totals.roleProfiles, pageSize: 1 }));
    const frameworks = http().expectOne((req) => req.url === ApiRoutes.frameworks);
    expect(frameworks.request.params.get('pageSize')).toBe('1');
    frameworks.flush(pageOf([], { total: totals.frameworks, pageSize: 1 }));
    await fixture.whenStable();
  }

  it("shows the organisation's people, teams, role profiles and frameworks, each a way into its page", async () => {
    expect(card().querySelector('[data-testid="organisation-loading"]')).not.toBeNull();
    await answer({ people: 8, roleProfiles: 1, frameworks: 12 });
    expect(counts()).toEqual([
      ['8 people', '/people'],
      ['5 teams', '/teams'],
      ['1 role profile', '/role-profiles'],
      ['12 frameworks', '/frameworks'],
    ]);
    expect(card().querySelector('[data-testid="organisation-start"]')).toBeNull();
  });

  it('says where to begin while there is no one, then while there is no role profile', async () => {
    await answer({ people: 0, roleProfiles: 0, frameworks: 12 });
    const start = card().querySelector('[data-testid="organisation-start"]');
    expect(squash(start)).toBe('No one is here yet: import your people from a spreadsheet, or add them one by one.');
    expect(Array.from(start?.querySelectorAll('a') ?? []).map((link) => link.getAttribute('href'))).toEqual([
      '/people-imports',
      '/people/new',
    ]);
  });

  it('says when the figures could not be loaded', async () => {
    http()
      .expectOne((req) => req.url === ApiRoutes.employees)
      .flush({ type: 'about:blank', title: 'Service Unavailable', status: 503 }, { status: 503, statusText: 'Service Unavailable' });
    // the other requests are cancelled with it
    for (const url of [ApiRoutes.teams, ApiRoutes.roleProfiles, ApiRoutes.frameworks]) {
      expect(
        http()
          .match((req) => req.url === url)
          .every((req) => req.cancelled),
      ).toBe(true);
    }
    await fixture.whenStable();
    expect(squash(card().querySelector('[data-testid="organisation-error"]'))).toContain("Could not load the organisation's figures.");
  });

  it(
    'has no serious accessibility violations',
    async () => {
      await answer({ people: 8, roleProfiles: 2, frameworks: 12 });
      expect(await seriousA11yViolations(card())).toEqual([]);
    },
    AXE_TIMEOUT_MS,
  );
});
