import { TestRequest } from '@angular/common/http/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestBed } from '@angular/core/testing';
import { MAT_DATE_LOCALE, MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatSelectHarness } from '@angular/material/select/testing';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { ApiRoutes, AuditEventView, Page } from '@proficio/shared/contracts';
import { AXE_TIMEOUT_MS, httpTesting, paramsOf, seriousA11yViolations, textOf } from '@proficio/web/shared/util/testing';
import { AuditLogPage } from './audit-log-page';

const EVENTS: AuditEventView[] = [
  {
    id: 12,
    occurredAt: '2026-03-02T10:15:00.000Z',
    actor: { userId: 'u-1', email: 'hana.ito@demo.proficio.local' },
    action: 'update',
    entityType: 'employee',
    entityId: 'e-1',
    entityName: 'Sara Bianchi',
    before: { id: 'e-1', name: 'Sara Bianchi', jobTitle: 'Analyst', updatedAt: 'x' },
    after: { id: 'e-1', name: 'Sara Bianchi', jobTitle: 'Senior Analyst', updatedAt: 'y' },
  },
  {
    id: 11,
    occurredAt: '2026-03-01T09:00:00.000Z',
    action: 'create',
    entityType: 'team',
    entityId: 't-1',
    entityName: 'Field Support',
    after: { id: 't-1', name: 'Field Support', parentId: null },
  },
];

const PUBLISHED: AuditEventView = {
  id: 10,
  occurredAt: '2026-02-28T09:00:00.000Z',
  actor: { userId: 'u-1', email: 'hana.ito@demo.proficio.local' },
  action: 'publish',
  entityType: 'role_profile_version',
  entityId: 'v-2',
  entityName: 'Service Desk Analyst',
  before: { roleProfileId: 'rp-1', roleProfileName: 'Service Desk Analyst', versionNumber: 2, status: 'draft' },
  after: { roleProfileId: 'rp-1', roleProfileName: 'Service Desk Analyst', versionNumber: 2, status: 'published' },
};

const pageOf = (items: AuditEventView[], total = items.length): Page<AuditEventView> => ({ items, total, page: 1, pageSize: 50 });

describe('AuditLogPage', () => {
  const { http } = httpTesting({
    providers: [
      provideRouter([{ path: 'audit-events', component: AuditLogPage }]),
      { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
    ],
  });
  let harness: RouterTestingHarness;

  const page = (): HTMLElement => harness.routeNativeElement as HTMLElement;
  const expectList = (): TestRequest => http().expectOne((req) => req.url === ApiRoutes.auditEvents);
  const settle = () => harness.fixture.whenStable();
  const rows = () => Array.from(page().querySelectorAll<HTMLElement>('tr[data-event-id]'));

  /** Opens the page in a browser whose language is `locale`. */
  async function open(url: string, locale = 'en-US'): Promise<void> {
    TestBed.configureTestingModule({ providers: [{ provide: MAT_DATE_LOCALE, useValue: locale }] });
    harness = await RouterTestingHarness.create(url);
  }

  it('names a role profile’s publication by the profile as it was called then, and links to the profile', async () => {
    await open('/audit-events');
    expectList().flush(pageOf([PUBLISHED]));
    await settle();
    const cells = Array.from(rows()[0].querySelectorAll('td')).slice(1).map(textOf);
    expect(cells.slice(2)).toEqual(['Published', 'Role profile version Service Desk Analyst v-2']);
    expect(rows()[0].querySelector('a')?.getAttribute('href')).toBe('/role-profiles/rp-1');
  });

  it('lists events newest first with time, actor, action and record', async () => {
    await open('/audit-events');
    expect(page().querySelector('[data-testid="audit-loading"] [role="progressbar"]')).not.toBeNull();
    const req = expectList();
    expect(req.request.params.get('page')).toBe('1');
    expect(req.request.params.get('pageSize')).toBe('50');
    req.flush(pageOf(EVENTS));
    await settle();

    expect(textOf(page().querySelector('h1'))).toBe('Audit log');
    const cells = (row: HTMLElement) => Array.from(row.querySelectorAll('td')).slice(1).map(textOf);
    expect(cells(rows()[0])[1]).toBe('hana.ito@demo.proficio.local');
    expect(cells(rows()[0]).slice(2)).toEqual(['Changed', 'Person Sara Bianchi e-1']);
    expect(cells(rows()[1]).slice(1)).toEqual(['Proficio (system)', 'Created', 'Team Field Support t-1']);
    expect(rows()[0].querySelector('a')?.getAttribute('href')).toBe('/people/e-1');
  });

  it('opens a row to show what changed, before and after', async () => {
    await open('/audit-events');
    expectList().flush(pageOf(EVENTS));
    await settle();
    const toggle = rows()[0].querySelector('button') as HTMLButtonElement;
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    const detail = page().querySelector('#audit-detail-12')?.closest('tr') as HTMLElement;
    expect(detail.hidden).toBe(true);

    toggle.click();
    await settle();
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(detail.hidden).toBe(false);
    const changes = Array.from(detail.querySelectorAll('.changes tbody tr')).map((row) => Array.from(row.children).map(textOf));
    expect(changes).toEqual([['jobTitle', 'Analyst', 'Senior Analyst']]);
    expect(textOf(detail.querySelector('details pre'))).toContain('"jobTitle": "Analyst"');
  });

  it('reads the filters from the URL and sends them to the API', async () => {
    await open('/audit-events?entityType=employee&action=update&actor=hana&from=2026-03-01&to=2026-03-02&entityId=e-1&page=2');
    const req = expectList();
    expect(paramsOf(req)).toEqual({
      entityType: 'employee',
      entityId: 'e-1',
      actor: 'hana',
      action: 'update',
      from: '2026-03-01',
      to: '2026-03-02',
      page: '2',
      pageSize: '50',
    });
    req.flush({ ...pageOf([]), page: 2 });
    await settle();
    expect(textOf(page().querySelector('[data-testid="audit-empty"]'))).toContain('No events match these filters.');
  });

  it.each([
    ['en-GB', 'DD/MM/YYYY', '02/03/2026', '2026-02-01'],
    ['en-US', 'MM/DD/YYYY', '3/2/2026', '2026-01-02'],
  ])(
    'in %s, hints %s, shows the URL dates that way, and reads a typed 01/02/2026 that way too',
    async (locale, hint, shownTo, typedFrom) => {
      await open('/audit-events?from=2026-03-01&to=2026-03-02', locale);
      expectList().flush(pageOf([]));
      await settle();
      const dateField = (label: string) =>
        Array.from(page().querySelectorAll('mat-form-field')).find((field) => textOf(field.querySelector('mat-label')) === label);
      expect(['From', 'To (including)'].map((label) => textOf(dateField(label)?.querySelector('mat-hint')))).toEqual([hint, hint]);
      expect((dateField('To (including)')?.querySelector('input') as HTMLInputElement).value).toBe(shownTo);

      const from = dateField('From')?.querySelector('input') as HTMLInputElement;
      from.value = '01/02/2026';
      from.dispatchEvent(new Event('input'));
      from.dispatchEvent(new Event('change'));
      await settle();
      expect(TestBed.inject(Router).url).toBe(`/audit-events?from=${typedFrom}&to=2026-03-02`);
      expect(expectList().request.params.get('from')).toBe(typedFrom);
    },
  );

  it('puts a chosen filter into the URL and starts again from the first page', async () => {
    await open('/audit-events?page=3');
    expectList().flush(pageOf(EVENTS, 200));
    await settle();
    const loader = TestbedHarnessEnvironment.loader(harness.fixture);
    const action = await loader.getHarness(MatSelectHarness.with({ selector: '[data-testid="action-filter"]' }));
    await action.clickOptions({ text: 'Deleted' });
    await settle();
    expect(TestBed.inject(Router).url).toBe('/audit-events?action=delete');
    expect(expectList().request.params.get('action')).toBe('delete');
  });

  it('says so when nothing has been changed yet', async () => {
    await open('/audit-events');
    expectList().flush(pageOf([]));
    await settle();
    expect(textOf(page().querySelector('[data-testid="audit-empty"]'))).toBe('Nothing has been changed yet.');
  });

  it('shows the problem with the fields the API names, and tries again', async () => {
    await open('/audit-events');
    expectList().flush(
      {
        type: 'urn:proficio:problem:validation',
        title: 'Invalid request',
        status: 400,
        errors: [{ field: 'to', message: 'must be after from' }],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await settle();
    const error = page().querySelector('[data-testid="audit-error"]');
    expect(error?.getAttribute('role')).toBe('alert');
    expect(textOf(error)).toContain('to must be after from');
    error?.querySelector('button')?.click();
    await settle();
    expectList().flush(pageOf(EVENTS));
    await settle();
    expect(rows()).toHaveLength(2);
  });

  it(
    'has no serious accessibility violations, with a row open',
    async () => {
      await open('/audit-events');
      expectList().flush(pageOf(EVENTS));
      await settle();
      (rows()[0].querySelector('button') as HTMLButtonElement).click();
      await settle();
      expect(await seriousA11yViolations(page())).toEqual([]);
    },
    AXE_TIMEOUT_MS,
  );
});
