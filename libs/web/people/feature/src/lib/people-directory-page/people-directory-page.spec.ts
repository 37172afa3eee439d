import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestRequest } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { ApiRoutes, EmployeeSummary, Role } from '@proficio/shared/contracts';
import { DEMO_IDS, MANAGER_LINE, demoTeams, employeeSummary, pageOf } from '@proficio/web/people/data-access/testing';
import { AXE_TIMEOUT_MS, answerServerError, listPage, seriousA11yViolations } from '@proficio/web/shared/util/testing';
import { sessionTesting, signInAs } from '@proficio/web/auth/data-access/testing';
import { SEARCH_DEBOUNCE_MS } from '@proficio/web/shared/ui';
import { PeopleDirectoryPage } from './people-directory-page';

@Component({ template: '<h1>Employee stub</h1>' })
class EmployeeStub {}

const MARCOS_LINE: EmployeeSummary[] = MANAGER_LINE.map(employeeSummary);

describe('PeopleDirectoryPage', () => {
  const { http } = sessionTesting([
    provideRouter([
      { path: 'people', component: PeopleDirectoryPage },
      { path: 'people/:id', component: EmployeeStub },
    ]),
  ]);
  let harness: RouterTestingHarness;

  const page = (): HTMLElement => harness.routeNativeElement as HTMLElement;
  const text = (): string => page().textContent?.replace(/\s+/g, ' ') ?? '';
  const rows = (): HTMLElement[] => Array.from(page().querySelectorAll<HTMLElement>('tr[data-employee-id]'));
  const cells = (row: HTMLElement | undefined): string[] =>
    Array.from(row?.querySelectorAll('td') ?? []).map((td) => td.textContent?.replace(/\s+/g, ' ').trim() ?? '');
  const expectList = (): TestRequest => http().expectOne((req) => req.url === ApiRoutes.employees);
  const ANALYST = { id: '0b000000-0000-4000-8000-000000000001', name: 'Service Desk Analyst' };
  const flushRoleProfiles = () =>
    http()
      .expectOne((req) => req.url === ApiRoutes.roleProfiles)
      .flush(
        pageOf([
          {
            ...ANALYST,
            requirementCounts: { required: 3, niceToHave: 1 },
            employeeCount: 2,
            targetEmployeeCount: 0,
            archived: false,
            updatedAt: '2026-01-01T00:00:00Z',
          },
        ]),
      );
  /** The filters' own lists: teams and role profiles. */
  const flushTeams = () => {
    http().expectOne(ApiRoutes.teams).flush(demoTeams());
    flushRoleProfiles();
  };
  const settle = () => harness.fixture.whenStable();
  const directory = listPage(page, settle, SEARCH_DEBOUNCE_MS);

  async function open(url: string, roles: Role[] = ['manager', 'employee']): Promise<void> {
    await signInAs(http(), roles, { id: DEMO_IDS.marco, name: 'Marco Rossi' });
    harness = await RouterTestingHarness.create(url);
  }

  it('shows a labelled progress indicator while the list loads', async () => {
    await open('/people');
    const spinner = page().querySelector('[data-testid="directory-loading"] [role="progressbar"]');
    expect(spinner?.getAttribute('aria-label')).toBe('Loading people');
    flushTeams();
    expectList().flush(pageOf(MARCOS_LINE));
  });

  it('shows a manager their reporting line: one row per person with a link, job title, team, manager and status', async () => {
    await open('/people');
    flushTeams();
    const req = expectList();
    expect(req.request.headers.get('Authorization')).toBe('Bearer t');
    expect(req.request.params.get('page')).toBe('1');
    expect(req.request.params.get('pageSize')).toBe('25');
    expect(req.request.params.has('q')).toBe(false);
    expect(req.request.params.has('teamId')).toBe(false);
    req.flush(pageOf(MARCOS_LINE));
    await settle();

    expect(page().querySelector('h1')?.textContent).toBe('Your reporting line');
    expect(rows().map((row) => row.querySelector('a')?.textContent)).toEqual([
      'Aisha Khan',
      'Luca Esposito',
      'Marco Rossi',
      'Sara Bianchi',
      'Tom Becker',
    ]);
    const sara = rows().find((row) => row.dataset['employeeId'] === DEMO_IDS.sara);
    expect(cells(sara)).toEqual([
      'Sara Bianchi sara.bianchi@demo.proficio.local',
      'Service Desk Analyst',
      'Service Desk',
      'Luca Esposito',
      'Active',
    ]);
    expect(sara?.querySelector('a')?.getAttribute('href')).toBe(`/people/${DEMO_IDS.sara}`);
    // on a phone each cell shows its column's name (data-label); the name cell heads its card
    const headers = Array.from(page().querySelectorAll('th')).map((th) => th.textContent?.trim());
    expect(Array.from(sara?.querySelectorAll('td') ?? []).map((td) => td.getAttribute('data-label'))).toEqual([null, ...headers.slice(1)]);
    expect(text()).toContain('5 people');
  });

  it('tells an admin the list holds everyone', async () => {
    await open('/people', ['admin', 'employee']);
    flushTeams();
    expectList().flush(pageOf([employeeSummary('hana'), employeeSummary('nadia')]));
    await settle();
    expect(page().querySelector('h1')?.textContent).toBe('Everyone');
  });

  it('reads the search, team and page from the URL and asks the API for them', async () => {
    await open(`/people?q=analyst&teamId=${DEMO_IDS.desk}&page=2&pageSize=10`);
    flushTeams();
    const req = expectList();
    expect(req.request.params.get('q')).toBe('analyst');
    expect(req.request.params.get('teamId')).toBe(DEMO_IDS.desk);
    expect(req.request.params.get('page')).toBe('2');
    expect(req.request.params.get('pageSize')).toBe('10');
    req.flush(pageOf([employeeSummary('tom')], { page: 2, pageSize: 10, total: 11 }));
    await settle();

    expect(page().querySelector<HTMLInputElement>('input[type="search"]')?.value).toBe('analyst');
    const select = await TestbedHarnessEnvironment.loader(harness.fixture).getHarness(MatSelectHarness);
    expect(await select.getValueText()).toBe('Service Desk');
    expect(page().querySelector('.mat-mdc-paginator-range-label')?.textContent).toContain('11 – 11 of 11');
    expect(text()).toContain('11 people match “analyst” in Service Desk');
  });

  it('puts the debounced search into ?q= and asks again from page 1', async () => {
    await open('/people?page=2');
    flushTeams();
    expectList().flush(pageOf(MARCOS_LINE, { page: 2, total: 30 }));
    await settle();

    await directory.search('  sara ');

    expect(TestBed.inject(Router).url).toBe('/people?q=sara');
    const req = expectList();
    expect(req.request.params.get('q')).toBe('sara');
    expect(req.request.params.get('page')).toBe('1');
    req.flush(pageOf([employeeSummary('sara')]));
    await settle();
    expect(rows()).toHaveLength(1);
    expect(text()).toContain('1 person match “sara”');
  });

  it('filters by a team chosen from the team tree, through ?teamId=', async () => {
    await open('/people');
    flushTeams();
    expectList().flush(pageOf(MARCOS_LINE));
    await settle();

    const select = await TestbedHarnessEnvironment.loader(harness.fixture).getHarness(MatSelectHarness);
    await select.open();
    const options = await select.getOptions();
    expect(await Promise.all(options.map((option) => option.getText()))).toEqual([
      'All teams',
      'Proficio Demo Ltd',
      'IT Services',
      'Service Desk',
      'Service Delivery',
      'People & Culture',
    ]);
    await select.clickOptions({ text: 'Service Desk' });
    await settle();

    expect(TestBed.inject(Router).url).toBe(`/people?teamId=${DEMO_IDS.desk}`);
    const req = expectList();
    expect(req.request.params.get('teamId')).toBe(DEMO_IDS.desk);
    expect(req.request.params.has('includeSubTeams')).toBe(false);
    req.flush(pageOf((['luca', 'sara', 'tom'] as const).map(employeeSummary)));
    await settle();
    expect(rows()).toHaveLength(3);

    // sub-teams are included until the box is cleared
    const subTeams = page().querySelector<HTMLInputElement>('[data-testid="sub-teams-filter"] input');
    expect(subTeams?.checked).toBe(true);
    subTeams?.click();
    await settle();
    expect(TestBed.inject(Router).url).toBe(`/people?teamId=${DEMO_IDS.desk}&subTeams=false`);
    const teamOnly = expectList();
    expect(teamOnly.request.params.get('includeSubTeams')).toBe('false');
    teamOnly.flush(pageOf([employeeSummary('sara')]));
    await settle();
    expect(rows()).toHaveLength(1);
  });

  it('pages through ?page= with the paginator', async () => {
    await open('/people');
    flushTeams();
    expectList().flush(pageOf(MARCOS_LINE, { total: 30 }));
    await settle();

    page().querySelector<HTMLButtonElement>('button[aria-label="Next page"]')?.click();
    await settle();

    expect(TestBed.inject(Router).url).toBe('/people?page=2');
    const req = expectList();
    expect(req.request.params.get('page')).toBe('2');
    req.flush(pageOf([], { page: 2, total: 30 }));
  });

  it('says when no one matches the filters, and can clear them', async () => {
    await open(`/people?q=zzz&teamId=${DEMO_IDS.desk}`);
    flushTeams();
    expectList().flush(pageOf([]));
    await settle();

    const empty = page().querySelector('[data-testid="directory-empty"]');
    expect(empty?.textContent).toContain('No people match “zzz” in Service Desk.');
    expect(page().querySelector('table')).toBeNull();

    empty?.querySelector('button')?.click();
    await settle();
    expect(TestBed.inject(Router).url).toBe('/people');
    const req = expectList();
    expect(req.request.params.has('q')).toBe(false);
    expect(req.request.params.has('teamId')).toBe(false);
    req.flush(pageOf(MARCOS_LINE));
  });

  it('says so when there is no one to show', async () => {
    await open('/people');
    flushTeams();
    expectList().flush(pageOf([]));
    await settle();
    expect(page().querySelector('[data-testid="directory-empty"]')?.textContent).toContain('There is no one to show yet.');
  });

  it('shows the problem when the API fails, and tries again on request', async () => {
    await open('/people');
    flushTeams();
    answerServerError(expectList());
    await settle();

    const error = directory.error('directory');
    expect([error.role, error.heading, error.problem]).toEqual([
      'alert',
      'Could not load the people',
      'Internal Server Error: Database unavailable',
    ]);
    await error.retry();
    expectList().flush(pageOf(MARCOS_LINE));
    await settle();
    expect(rows()).toHaveLength(5);
  });

  it('still lists people when the teams cannot be loaded, and says the filter is unavailable', async () => {
    await open('/people');
    http().expectOne(ApiRoutes.teams).error(new ProgressEvent('error'));
    flushRoleProfiles();
    expectList().flush(pageOf(MARCOS_LINE));
    await settle();
    expect(rows()).toHaveLength(5);
    expect(text()).toContain('The teams could not be loaded');
  });

  it('filters by role profile and status through the URL, and says when nobody matches', async () => {
    await open('/people', ['admin']);
    flushTeams();
    expectList().flush(pageOf(MARCOS_LINE));
    await settle();
    expect(page().querySelector('[data-testid="new-person"]')?.getAttribute('href')).toBe('/people/new');

    const loader = TestbedHarnessEnvironment.loader(harness.fixture);
    const roleSelect = await loader.getHarness(MatSelectHarness.with({ selector: '[data-testid="role-profile-filter"]' }));
    await roleSelect.clickOptions({ text: 'Service Desk Analyst' });
    await settle();
    expect(TestBed.inject(Router).url).toBe(`/people?roleProfileId=${ANALYST.id}`);
    expect(expectList().request.params.get('roleProfileId')).toBe(ANALYST.id);

    const statusSelect = await loader.getHarness(MatSelectHarness.with({ selector: '[data-testid="status-filter"]' }));
    await statusSelect.clickOptions({ text: 'Has left' });
    await settle();
    const req = expectList();
    expect(req.request.params.get('status')).toBe('left');
    expect(req.request.params.get('roleProfileId')).toBe(ANALYST.id);
    req.flush(pageOf([]));
    await settle();
    expect(text()).toContain('No people match these filters.');
  });

  it('filters by manager: searches people, then lists the chosen manager’s direct reports', async () => {
    await open(`/people?managerId=${DEMO_IDS.luca}`, ['admin']);
    flushTeams();
    const list = expectList();
    expect(list.request.params.get('managerId')).toBe(DEMO_IDS.luca);
    list.flush(pageOf([employeeSummary('sara'), employeeSummary('tom')]));
    // the filter shows the manager's name, looked up by id
    http()
      .expectOne(ApiRoutes.employee(DEMO_IDS.luca))
      .flush({ ...employeeSummary('luca'), directReports: [], reportCount: 2, access: 'admin' });
    await settle();
    const input = page().querySelector<HTMLInputElement>('[data-testid="manager-filter"]');
    expect(input?.value).toBe('Luca Esposito');
    expect(page().querySelector('[data-testid="new-person"]')).not.toBeNull();

    // emptying the field drops the filter
    if (!input) throw new Error('no manager filter');
    input.value = '';
    input.dispatchEvent(new Event('input'));
    await settle();
    expect(TestBed.inject(Router).url).toBe('/people');
    expectList().flush(pageOf(MARCOS_LINE));
    await settle();
  });

  it('gives a manager no "New person" button', async () => {
    await open('/people');
    flushTeams();
    expectList().flush(pageOf(MARCOS_LINE));
    await settle();
    expect(page().querySelector('[data-testid="new-person"]')).toBeNull();
  });

  it(
    'has no serious accessibility violations',
    async () => {
      await open('/people');
      flushTeams();
      expectList().flush(pageOf(MARCOS_LINE));
      await settle();
      expect(await seriousA11yViolations(page())).toEqual([]);
    },
    AXE_TIMEOUT_MS,
  );
});
