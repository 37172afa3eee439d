import { TestRequest } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatDialog } from '@angular/material/dialog';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { ApiRoutes, Role } from '@proficio/shared/contracts';
import { RP_IDS, analystDetail, pageOf, summaryOf } from '@proficio/web/role-profiles/data-access/testing';
import { SEARCH_DEBOUNCE_MS } from '@proficio/web/shared/ui';
import { answerServerError, AXE_TIMEOUT_MS, listPage, seriousA11yViolations, textOf } from '@proficio/web/shared/util/testing';
import { sessionTesting, signInAs } from '@proficio/web/auth/data-access/testing';
import { RoleProfileListPage, requirementSummary } from './role-profile-list-page';

@Component({ template: '<h1>Profile stub</h1>' })
class ProfileStub {}

describe('requirementSummary', () => {
  it('summarises the requirements of a profile', () => {
    expect(requirementSummary({ required: 3, niceToHave: 0 }, 'en-GB')).toBe('3 required');
    expect(requirementSummary({ required: 2, niceToHave: 1 }, 'en-GB')).toBe('2 required, 1 nice to have');
    expect(requirementSummary({ required: 0, niceToHave: 0 }, 'en-GB')).toBe('None yet');
    expect(requirementSummary({ required: 1200, niceToHave: 3400 }, 'de-DE')).toBe('1.200 required, 3.400 nice to have');
  });
});

describe('RoleProfileListPage', () => {
  const { http } = sessionTesting([
    provideRouter([
      { path: 'role-profiles', component: RoleProfileListPage },
      { path: 'role-profiles/:id', component: ProfileStub },
    ]),
    { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
  ]);
  let harness: RouterTestingHarness;

  const page = (): HTMLElement => harness.routeNativeElement as HTMLElement;
  const rows = (): HTMLElement[] => Array.from(page().querySelectorAll<HTMLElement>('tr[data-role-profile-id]'));
  const expectList = (): TestRequest => http().expectOne((req) => req.url === ApiRoutes.roleProfiles && req.method === 'GET');
  const settle = () => harness.fixture.whenStable();
  const buttonNamed = (text: string) => Array.from(page().querySelectorAll('button')).find((button) => textOf(button) === text);

  async function open(url: string, roles: Role[]): Promise<void> {
    await signInAs(http(), roles, { id: 'e-1', name: 'Someone' });
    harness = await RouterTestingHarness.create(url);
  }

  afterEach(() => TestBed.inject(MatDialog).closeAll());

  it('lists the profiles with a link, the version, the competencies and the people in the role; no write controls for an employee', async () => {
    await open('/role-profiles', ['employee']);
    expect(page().querySelector('[data-testid="role-profiles-loading"] [role="progressbar"]')?.getAttribute('aria-label')).toBe(
      'Loading role profiles',
    );
    const req = expectList();
    expect(req.request.params.get('page')).toBe('1');
    expect(req.request.params.get('pageSize')).toBe('20');
    expect(req.request.params.has('includeArchived')).toBe(false);
    req.flush(
      pageOf([
        summaryOf('Service Desk Analyst'),
        summaryOf('Service Delivery Manager', { publishedVersionNumber: 3, requirementCounts: { required: 4, niceToHave: 0 } }),
      ]),
    );
    await settle();

    expect(rows().map((row) => Array.from(row.querySelectorAll('td')).map(textOf))).toEqual([
      ['Service Desk Analyst', 'Version 1', '1 required, 1 nice to have', '2'],
      ['Service Delivery Manager', 'Version 3', '4 required', '2'],
    ]);
    expect(rows()[0]?.querySelector('a')?.getAttribute('href')).toBe(`/role-profiles/${RP_IDS.analyst}`);
    expect(buttonNamed('New role profile')).toBeUndefined();
  });

  it('asks for archived profiles and the page in the URL, and tells an admin about drafts and archived profiles', async () => {
    await open('/role-profiles?archived=true&q=desk&page=2&pageSize=10', ['admin']);
    const req = expectList();
    expect(req.request.params.get('includeArchived')).toBe('true');
    expect(req.request.params.get('q')).toBe('desk');
    expect(req.request.params.get('page')).toBe('2');
    expect(req.request.params.get('pageSize')).toBe('10');
    req.flush(
      pageOf(
        [
          summaryOf('Service Desk Analyst', { archived: true, draftVersionNumber: 2 }),
          summaryOf('Desk Lead', { publishedVersionNumber: undefined, draftVersionNumber: 1 }),
        ],
        {
          page: 2,
          pageSize: 10,
          total: 12,
        },
      ),
    );
    await settle();
    expect(rows().map((row) => textOf(row.querySelector('td')))).toEqual(['Service Desk Analyst Archived', 'Desk Lead']);
    expect(textOf(rows()[0]?.querySelectorAll('td')[1])).toBe('Version 1 Draft of version 2 in progress');
    expect(textOf(rows()[1]?.querySelectorAll('td')[1])).toBe('Not published yet Draft of version 1 in progress');
    expect(buttonNamed('New role profile')).toBeDefined();
  });

  it('says when nothing matches the search and clears it', async () => {
    await open('/role-profiles?q=nurse', ['employee']);
    expectList().flush(pageOf([]));
    await settle();
    expect(textOf(page().querySelector('[data-testid="role-profiles-empty"]'))).toContain('No role profile matches “nurse”.');
    buttonNamed('Clear the search')?.click();
    await settle();
    expect(TestBed.inject(Router).url).toBe('/role-profiles');
    expectList().flush(pageOf([]));
    await settle();
    expect(textOf(page().querySelector('[data-testid="role-profiles-empty"]'))).toBe('No role profiles have been published yet.');
  });

  it('shows an error with a way to try again', async () => {
    await open('/role-profiles', ['employee']);
    answerServerError(expectList());
    await settle();
    const error = listPage(page, settle, SEARCH_DEBOUNCE_MS).error('role-profiles');
    expect([error.role, error.heading, error.problem]).toEqual([
      'alert',
      'Could not load the role profiles',
      'Internal Server Error: Database unavailable',
    ]);
    await error.retry();
    expectList().flush(pageOf([summaryOf('Service Desk Analyst')]));
    await settle();
    expect(rows()).toHaveLength(1);
  });

  it('lets an admin create a profile and opens it', async () => {
    await open('/role-profiles', ['admin']);
    expectList().flush(pageOf([]));
    await settle();
    buttonNamed('New role profile')?.click();
    await settle();
    const dialog = document.querySelector('mat-dialog-container') as HTMLElement;
    const input = dialog.querySelector('input') as HTMLInputElement;
    input.value = '  Service Desk Analyst ';
    input.dispatchEvent(new Event('input'));
    Array.from(dialog.querySelectorAll('button'))
      .find((button) => textOf(button) === 'Create')
      ?.click();
    await settle();
    const post = http().expectOne((req) => req.url === ApiRoutes.roleProfiles && req.method === 'POST');
    expect(post.request.body).toEqual({ name: 'Service Desk Analyst' });
    post.flush(analystDetail({ draft: true }));
    // The saved write refreshes the list (through RoleProfilesStore) as the new profile opens.
    http().expectOne((req) => req.url === ApiRoutes.roleProfiles && req.method === 'GET');
    await settle();
    await new Promise((resolve) => setTimeout(resolve, 0));
    await settle();
    expect(TestBed.inject(Router).url).toBe(`/role-profiles/${RP_IDS.analyst}`);
  });

  it(
    'has no serious accessibility violations',
    async () => {
      await open('/role-profiles', ['admin']);
      expectList().flush(pageOf([summaryOf('Service Desk Analyst')]));
      await settle();
      expect(await seriousA11yViolations(page())).toEqual([]);
    },
    AXE_TIMEOUT_MS,
  );
});
