import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { ApiRoutes } from '@proficio/shared/contracts';
import { DEMO_IDS, demoTeams } from '@proficio/web/people/data-access/testing';
import { AXE_TIMEOUT_MS, seriousA11yViolations } from '../testing/axe';
import { TeamTreePage } from './team-tree-page';

@Component({ template: '<h1>Directory stub</h1>' })
class DirectoryStub {}

describe('TeamTreePage', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;

  const page = (): HTMLElement => harness.routeNativeElement as HTMLElement;
  const items = (): HTMLElement[] => Array.from(page().querySelectorAll<HTMLElement>('[role="treeitem"]'));
  const squash = (element: Element | null | undefined): string => element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  const settle = () => harness.fixture.whenStable();

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          { path: 'teams', component: TeamTreePage },
          { path: 'people', component: DirectoryStub },
        ]),
        provideHttpClient(),
        provideHttpClientTesting(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create('/teams');
  });

  afterEach(() => http.verify());

  it('shows a labelled progress indicator while the teams load', () => {
    expect(page().querySelector('[data-testid="teams-loading"] [role="progressbar"]')?.getAttribute('aria-label')).toBe('Loading teams');
    http.expectOne(ApiRoutes.teams).flush(demoTeams());
  });

  it('shows the nested teams with their member counts, each linking to its people', async () => {
    http.expectOne(ApiRoutes.teams).flush(demoTeams());
    await settle();

    expect(squash(page().querySelector('h1'))).toBe('Teams');
    expect(page().querySelector('[role="tree"]')?.getAttribute('aria-label')).toBe('Teams');
    expect(items().map((item) => [item.getAttribute('aria-level'), squash(item)])).toEqual([
      ['1', 'Proficio Demo Ltd No members'],
      ['2', 'IT Services 1 member'],
      ['3', 'Service Desk 3 members'],
      ['3', 'Service Delivery 3 members'],
      ['2', 'People & Culture 1 member'],
    ]);

    const desk = items()[2].querySelector('a');
    expect(desk?.getAttribute('href')).toBe(`/people?teamId=${DEMO_IDS.desk}`);
    desk?.click();
    await settle();
    expect(TestBed.inject(Router).url).toBe(`/people?teamId=${DEMO_IDS.desk}`);
  });

  it('says so when there are no teams', async () => {
    http.expectOne(ApiRoutes.teams).flush([]);
    await settle();
    expect(squash(page().querySelector('[data-testid="teams-empty"]'))).toBe('There are no teams yet.');
  });

  it('shows the problem when the API fails, and tries again on request', async () => {
    http
      .expectOne(ApiRoutes.teams)
      .flush({ type: 'about:blank', title: 'Internal Server Error', status: 500 }, { status: 500, statusText: 'Internal Server Error' });
    await settle();

    const error = page().querySelector('[data-testid="teams-error"]');
    expect(error?.getAttribute('role')).toBe('alert');
    expect(squash(error)).toContain('Could not load the teams');
    error?.querySelector('button')?.click();
    await settle();
    http.expectOne(ApiRoutes.teams).flush(demoTeams());
    await settle();
    expect(items()).toHaveLength(5);
  });

  it(
    'has no serious accessibility violations',
    async () => {
      http.expectOne(ApiRoutes.teams).flush(demoTeams());
      await settle();
      expect(await seriousA11yViolations(page())).toEqual([]);
    },
    AXE_TIMEOUT_MS,
  );
});
