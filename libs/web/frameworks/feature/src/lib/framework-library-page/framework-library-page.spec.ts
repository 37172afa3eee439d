import type { Role } from '@proficio/shared/contracts';
import { SessionStore } from '@proficio/web/auth/data-access';
import { TestRequest } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { ApiRoutes, FrameworkSummary } from '@proficio/shared/contracts';
import {
  FIXTURE_IDS,
  ecfAreaCRunTree,
  frameworkSummaryFromTree,
  pageOf,
  serviceManagementProcessesTree,
  sfiaItmgTree,
  sfiaSlmoTree,
} from '@proficio/web/frameworks/data-access/testing';
import { SEARCH_DEBOUNCE_MS } from '@proficio/web/shared/ui';
import { answerServerError, httpTesting, listPage } from '@proficio/web/shared/util/testing';
import { FrameworkLibraryPage } from './framework-library-page';

@Component({ template: '<h1>Browser stub</h1>' })
class BrowserStub {}

const LIBRARY: FrameworkSummary[] = [ecfAreaCRunTree(), serviceManagementProcessesTree(), sfiaItmgTree(), sfiaSlmoTree()].map(
  frameworkSummaryFromTree,
);

describe('FrameworkLibraryPage', () => {
  const { http } = httpTesting({
    providers: [
      provideRouter([
        { path: 'frameworks', component: FrameworkLibraryPage },
        { path: 'frameworks/:id', component: BrowserStub },
      ]),
    ],
  });
  let harness: RouterTestingHarness;

  const page = (): HTMLElement => harness.routeNativeElement as HTMLElement;
  const text = (): string => page().textContent?.replace(/\s+/g, ' ') ?? '';
  const rows = (): HTMLElement[] => Array.from(page().querySelectorAll<HTMLElement>('tr[data-framework-id]'));
  const expectList = (): TestRequest => http().expectOne((req) => req.url === ApiRoutes.frameworks);
  const settle = () => harness.fixture.whenStable();
  const library = listPage(page, settle, SEARCH_DEBOUNCE_MS);

  async function open(url: string, roles: Role[] = ['admin']): Promise<void> {
    TestBed.configureTestingModule({
      providers: [{ provide: SessionStore, useValue: { hasRole: (role: Role) => roles.includes(role) } }],
    });
    harness = await RouterTestingHarness.create(url);
  }

  it('shows a labelled progress indicator while the list loads', async () => {
    await open('/frameworks');
    const spinner = page().querySelector('[data-testid="library-loading"] [role="progressbar"]');
    expect(spinner?.getAttribute('aria-label')).toBe('Loading frameworks');
    expectList().flush(pageOf(LIBRARY));
  });

  it('renders one row per framework with version, status, languages, counts and a link to the browser', async () => {
    await open('/frameworks');
    const req = expectList();
    expect(req.request.params.get('page')).toBe('1');
    expect(req.request.params.get('pageSize')).toBe('20');
    req.flush(pageOf(LIBRARY));
    await settle();

    expect(rows()).toHaveLength(4);
    const sfia = rows().find((row) => row.dataset['frameworkId'] === FIXTURE_IDS.sfiaItmg);
    const cells = Array.from(sfia?.querySelectorAll('td') ?? []).map((td) => td.textContent?.replace(/\s+/g, ' ').trim());
    expect(cells[0]).toContain('SFIA 9: Technology service management (ITMG)');
    expect(cells[0]).toContain('SFIA-ITMG');
    expect(cells[0]).toContain('SFIA Foundation');
    expect(cells.slice(1, 9)).toEqual(['9', 'Published', 'English', '1', '3', '0', '0', 'None']);
    expect(sfia?.querySelector('a')?.getAttribute('href')).toBe(`/frameworks/${FIXTURE_IDS.sfiaItmg}`);

    // on a phone each cell shows its column's name (data-label); the name cell heads its card
    const headers = Array.from(page().querySelectorAll('th')).map((th) => th.textContent?.trim());
    expect(Array.from(sfia?.querySelectorAll('td') ?? []).map((td) => td.getAttribute('data-label'))).toEqual([null, ...headers.slice(1)]);

    const slmo = rows().find((row) => row.dataset['frameworkId'] === FIXTURE_IDS.sfiaSlmo);
    expect(slmo?.textContent).toContain('Italian');
    expect(text()).toContain('4 frameworks');
  });

  it('has an "Import framework" button in the header that opens the import wizard', async () => {
    await open('/frameworks');
    expectList().flush(pageOf(LIBRARY));
    await settle();

    const link = page().querySelector<HTMLAnchorElement>('.page-header [data-testid="import-framework"]');
    expect(link?.textContent?.trim()).toBe('Import framework');
    expect(link?.getAttribute('href')).toBe('/frameworks/import');
  });

  it('shows the "Import framework" button to administrators only', async () => {
    await open('/frameworks', ['manager', 'employee']);
    expectList().flush(pageOf(LIBRARY));
    await settle();

    expect(page().querySelector('[data-testid="import-framework"]')).toBeNull();
  });

  it('shows a warnings badge with accessible text only where a framework has warnings', async () => {
    await open('/frameworks');
    expectList().flush(pageOf(LIBRARY));
    await settle();

    const badges = page().querySelectorAll('[data-testid="warnings-badge"]');
    expect(badges).toHaveLength(1);
    const smp = rows().find((row) => row.dataset['frameworkId'] === FIXTURE_IDS.serviceManagementProcesses);
    expect(smp?.querySelector('[data-testid="warnings-badge"] .visually-hidden')?.textContent).toBe('3 data-quality warnings');
    const smpCounts = Array.from(smp?.querySelectorAll('td.number') ?? []).map((td) => td.textContent?.trim());
    expect(smpCounts).toEqual([
      '1',
      '5',
      String(serviceManagementProcessesTree().counts.indicators),
      String(serviceManagementProcessesTree().counts.questions),
    ]);
  });

  it('puts the debounced search into ?q= and asks the API again from page 1', async () => {
    await open('/frameworks?page=2');
    expectList().flush(pageOf(LIBRARY, { page: 2, total: 24 }));
    await settle();

    await library.search('  sfia ');

    expect(TestBed.inject(Router).url).toBe('/frameworks?q=sfia');
    const req = expectList();
    expect(req.request.params.get('q')).toBe('sfia');
    expect(req.request.params.get('page')).toBe('1');
    req.flush(pageOf(LIBRARY.filter((f) => f.code.startsWith('SFIA'))));
    await settle();

    expect(rows()).toHaveLength(2);
    expect(text()).toContain('2 frameworks match “sfia”');
  });

  it('reads the search and page from the URL', async () => {
    await open('/frameworks?q=service&page=2&pageSize=10');
    const req = expectList();
    expect(req.request.params.get('q')).toBe('service');
    expect(req.request.params.get('page')).toBe('2');
    expect(req.request.params.get('pageSize')).toBe('10');
    req.flush(pageOf(LIBRARY.slice(1, 2), { page: 2, pageSize: 10, total: 11 }));
    await settle();

    expect(page().querySelector<HTMLInputElement>('input[type="search"]')?.value).toBe('service');
    expect(page().querySelector('.mat-mdc-paginator-range-label')?.textContent).toContain('11 – 11 of 11');
  });

  it('pages through ?page= with the paginator', async () => {
    await open('/frameworks');
    expectList().flush(pageOf(LIBRARY, { total: 24 }));
    await settle();

    page().querySelector<HTMLButtonElement>('button[aria-label="Next page"]')?.click();
    await settle();

    expect(TestBed.inject(Router).url).toBe('/frameworks?page=2');
    const req = expectList();
    expect(req.request.params.get('page')).toBe('2');
    req.flush(pageOf([], { page: 2, total: 24 }));
  });

  it('says when nothing matches the search, and can clear it', async () => {
    await open('/frameworks?q=zzz');
    expectList().flush(pageOf([]));
    await settle();

    const empty = page().querySelector('[data-testid="library-empty"]');
    expect(empty?.textContent).toContain('No frameworks match “zzz”.');
    expect(page().querySelector('table')).toBeNull();

    empty?.querySelector('button')?.click();
    await settle();
    expect(TestBed.inject(Router).url).toBe('/frameworks');
    expect(expectList().request.params.has('q')).toBe(false);
  });

  it('shows the problem when the API fails, and tries again on request', async () => {
    await open('/frameworks');
    answerServerError(expectList());
    await settle();

    const error = library.error('library');
    expect([error.role, error.heading, error.problem]).toEqual([
      'alert',
      'Could not load the frameworks',
      'Internal Server Error: Database unavailable',
    ]);
    await error.retry();
    expectList().flush(pageOf(LIBRARY));
    await settle();
    expect(rows()).toHaveLength(4);
  });

  it('says so when the API cannot be reached', async () => {
    await open('/frameworks');
    expectList().error(new ProgressEvent('error'));
    await settle();
    expect(text()).toContain('The Proficio API could not be reached');
  });
});
