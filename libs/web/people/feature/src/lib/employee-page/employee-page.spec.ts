import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, TestRequest, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { Title } from '@angular/platform-browser';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { ApiRoutes, Role } from '@proficio/shared/contracts';
import { SessionStore, authInterceptor } from '@proficio/web/auth/data-access';
import { DEMO_IDS, employeeCompetencies, employeeDetail } from '@proficio/web/people/data-access/testing';
import { REVIEW_IDS, pageOf, reviewSummary } from '@proficio/web/reviews/data-access/testing';
import { AXE_TIMEOUT_MS, seriousA11yViolations, textOf } from '@proficio/web/shared/util/testing';
import { signInAs } from '@proficio/web/auth/data-access/testing';
import { EmployeePage, relationSentence } from './employee-page';

@Component({ template: '<h1>Directory stub</h1>' })
class DirectoryStub {}

const MARCO = { id: DEMO_IDS.marco, name: 'Marco Rossi' };
const SARA = { id: DEMO_IDS.sara, name: 'Sara Bianchi' };

describe('EmployeePage', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;

  const page = (): HTMLElement => harness.routeNativeElement as HTMLElement;
  const byTestId = (id: string): HTMLElement | null => page().querySelector(`[data-testid="${id}"]`);
  /** The terms and descriptions of a description list, as "term: description" lines. */
  const described = (list: Element | null | undefined): string[] =>
    Array.from(list?.querySelectorAll('dt') ?? []).map((dt) => `${textOf(dt)}: ${textOf(dt.nextElementSibling)}`);
  const tabs = (): HTMLElement[] => Array.from(page().querySelectorAll<HTMLElement>('[role="tab"]'));
  const expectEmployee = (id: string): TestRequest => http.expectOne(ApiRoutes.employee(id));
  const settle = () => harness.fixture.whenStable();

  async function open(url: string, roles: Role[], me: { id: string; name: string }): Promise<void> {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          { path: 'people', component: DirectoryStub },
          { path: 'people/:id', component: EmployeePage },
        ]),
        provideHttpClient(withInterceptors([authInterceptor])),
        provideHttpClientTesting(),
        // jsdom runs no CSS animations: without this a newly selected tab's content never appears.
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    await signInAs(http, roles, me);
    harness = await RouterTestingHarness.create(url);
  }

  async function openTab(label: string): Promise<void> {
    tabs()
      .find((tab) => textOf(tab) === label)
      ?.click();
    await settle();
  }

  afterEach(() => {
    TestBed.inject(SessionStore).clear();
    // an admin's page also asks for the person's sign-in account (see employee-account.spec.ts)
    http
      .match((req) => req.url === ApiRoutes.users)
      .forEach((req) => req.cancelled || req.flush({ items: [], total: 0, page: 1, pageSize: 1 }));
    http.verify();
  });

  it('shows a labelled progress indicator while the person loads', async () => {
    await open(`/people/${DEMO_IDS.sara}`, ['manager', 'employee'], MARCO);
    expect(byTestId('employee-loading')?.querySelector('[role="progressbar"]')?.getAttribute('aria-label')).toBe('Loading this person');
    expectEmployee(DEMO_IDS.sara).flush(employeeDetail('sara', 'manager'));
  });

  it("shows a manager an indirect report's header: job title, team, manager as a link, and how they relate", async () => {
    await open(`/people/${DEMO_IDS.sara}`, ['manager', 'employee'], MARCO);
    const req = expectEmployee(DEMO_IDS.sara);
    expect(req.request.headers.get('Authorization')).toBe('Bearer t');
    req.flush(employeeDetail('sara', 'manager'));
    await settle();

    expect(textOf(page().querySelector('h1'))).toBe('Sara Bianchi');
    expect(textOf(page().querySelector('.job-title'))).toBe('Service Desk Analyst');
    const team = byTestId('employee-team')?.querySelector('a');
    expect(textOf(team)).toBe('Service Desk');
    expect(team?.getAttribute('href')).toBe(`/people?teamId=${DEMO_IDS.desk}`);
    const manager = byTestId('employee-manager')?.querySelector('a');
    expect(textOf(manager)).toBe('Luca Esposito');
    expect(manager?.getAttribute('href')).toBe(`/people/${DEMO_IDS.luca}`);
    expect(textOf(byTestId('employee-access'))).toBe('Manager: this person is in your reporting line');
    expect(textOf(byTestId('employee-relation'))).toBe('You manage Sara Bianchi through Luca Esposito.');
    expect(TestBed.inject(Title).getTitle()).toBe('Sara Bianchi | Proficio');
  });

  it('has the Overview, Competencies and Evidence tabs (Reports only for someone with reports), the overview with email, start date, status and team', async () => {
    await open(`/people/${DEMO_IDS.sara}`, ['manager', 'employee'], MARCO);
    expectEmployee(DEMO_IDS.sara).flush(employeeDetail('sara', 'manager'));
    await settle();

    expect(tabs().map(textOf)).toEqual(['Overview', 'Competencies', 'Evidence', 'Reviews']);
    expect(tabs()[0].getAttribute('aria-selected')).toBe('true');
    expect(described(byTestId('employee-overview'))).toEqual([
      'Email: sara.bianchi@demo.proficio.local',
      'Start date: March 15, 2021',
      'Status: Active',
      'Team: Service Desk',
    ]);
    expect(byTestId('employee-overview')?.querySelector('a')?.getAttribute('href')).toBe('mailto:sara.bianchi@demo.proficio.local');
  });

  it('lists the direct reports as links with the total count on the Reports tab, and keeps the tab in ?tab=', async () => {
    await open(`/people/${DEMO_IDS.luca}`, ['manager', 'employee'], MARCO);
    expectEmployee(DEMO_IDS.luca).flush(employeeDetail('luca', 'manager'));
    await settle();
    expect(textOf(byTestId('employee-relation'))).toBe('You manage Luca Esposito directly.');

    await openTab('Reports');
    expect(TestBed.inject(Router).url).toBe(`/people/${DEMO_IDS.luca}?tab=reports`);
    const links = Array.from(byTestId('employee-reports')?.querySelectorAll('a') ?? []);
    expect(links.map((link) => [textOf(link), link.getAttribute('href')])).toEqual([
      ['Sara Bianchi', `/people/${DEMO_IDS.sara}`],
      ['Tom Becker', `/people/${DEMO_IDS.tom}`],
    ]);
    expect(textOf(byTestId('report-count'))).toBe('2 people report to Luca Esposito in total, directly or through others.');
  });

  it("shows the person's competencies on the Competencies tab, kept in ?tab=competencies, loading them only when it opens", async () => {
    await open(`/people/${DEMO_IDS.sara}`, ['manager', 'employee'], MARCO);
    expectEmployee(DEMO_IDS.sara).flush(employeeDetail('sara', 'manager'));
    await settle();
    http.expectNone(ApiRoutes.employeeCompetencies(DEMO_IDS.sara));

    await openTab('Competencies');
    expect(TestBed.inject(Router).url).toBe(`/people/${DEMO_IDS.sara}?tab=competencies`);
    http.expectOne(ApiRoutes.employeeCompetencies(DEMO_IDS.sara)).flush(employeeCompetencies());
    await settle();
    const row = byTestId('competency-row');
    expect(textOf(row?.querySelector('th'))).toBe('C.1 User Support e-CF 4.0');
    expect(textOf(byTestId('rate-competency'))).toBe('Rate C.1 User Support');
  });

  it("shows the person's evidence on the Evidence tab, kept in ?tab=evidence, loading it only when it opens", async () => {
    await open(`/people/${DEMO_IDS.sara}`, ['employee'], SARA);
    expectEmployee(DEMO_IDS.sara).flush(employeeDetail('sara', 'self'));
    await settle();
    http.expectNone((req) => req.url === ApiRoutes.evidenceList);

    await openTab('Evidence');
    expect(TestBed.inject(Router).url).toBe(`/people/${DEMO_IDS.sara}?tab=evidence`);
    const list = http.expectOne((req) => req.url === ApiRoutes.evidenceList);
    expect(list.request.params.get('employeeId')).toBe(DEMO_IDS.sara);
    list.flush({ items: [], total: 0, page: 1, pageSize: 10 });
    http.expectOne(ApiRoutes.employeeCompetencies(DEMO_IDS.sara)).flush(employeeCompetencies({ mayRate: ['self'] }));
    await settle();
    expect(byTestId('evidence-empty')).not.toBeNull();
    expect(byTestId('submit-evidence')?.getAttribute('href')).toBe(`/evidence/new?employee=${DEMO_IDS.sara}`);
  });

  it("lists the person's reviews on the Reviews tab, a locked one with its date and a link to the review as signed", async () => {
    await open(`/people/${DEMO_IDS.sara}?tab=reviews`, ['employee'], SARA);
    expectEmployee(DEMO_IDS.sara).flush(employeeDetail('sara', 'self'));
    await settle();
    const list = http.expectOne((req) => req.url === ApiRoutes.reviews);
    expect(list.request.params.get('employeeId')).toBe(DEMO_IDS.sara);
    list.flush(
      pageOf([
        reviewSummary(),
        reviewSummary({
          id: REVIEW_IDS.previous,
          state: 'locked',
          lockedAt: '2026-12-20T09:00:00Z',
          cycle: { ...reviewSummary().cycle, name: '2026 annual review' },
        }),
      ]),
    );
    await settle();
    const reviews = Array.from(page().querySelectorAll('[data-testid="employee-review"]'));
    expect(reviews.map((review) => textOf(review.querySelector('a')))).toEqual(['2027 annual review', '2026 annual review']);
    expect(reviews[0]?.querySelector('a')?.getAttribute('href')).toBe(`/reviews/${REVIEW_IDS.review}`);
    expect(textOf(reviews[1]?.querySelector('.meta'))).toBe('Reviewed by Luca Esposito · Locked on December 20, 2026 · As signed');
    expect(byTestId('employee-review-snapshot')?.getAttribute('href')).toBe(`/reviews/${REVIEW_IDS.previous}/snapshots/latest`);
  });

  it('opens the Competencies tab from the address', async () => {
    await open(`/people/${DEMO_IDS.sara}?tab=competencies`, ['employee'], SARA);
    expectEmployee(DEMO_IDS.sara).flush(employeeDetail('sara', 'self'));
    await settle();
    expect(tabs()[1].getAttribute('aria-selected')).toBe('true');
    http.expectOne(ApiRoutes.employeeCompetencies(DEMO_IDS.sara)).flush(employeeCompetencies({ mayRate: ['self'], items: [] }));
    await settle();
    expect(byTestId('competencies-empty')).not.toBeNull();
  });

  it('counts the whole reporting line, not only the direct reports', async () => {
    await open(`/people/${DEMO_IDS.marco}?tab=reports`, ['manager', 'employee'], MARCO);
    expectEmployee(DEMO_IDS.marco).flush(employeeDetail('marco', 'self'));
    await settle();

    expect(tabs()[1].getAttribute('aria-selected')).toBe('true');
    expect(Array.from(byTestId('employee-reports')?.querySelectorAll('a') ?? []).map(textOf)).toEqual(['Aisha Khan', 'Luca Esposito']);
    expect(textOf(byTestId('report-count'))).toBe('4 people report to Marco Rossi in total, directly or through others.');
  });

  it('shows an employee their own page, with their manager (whom they may not open) as plain text', async () => {
    await open(`/people/${DEMO_IDS.sara}`, ['employee'], SARA);
    expectEmployee(DEMO_IDS.sara).flush(employeeDetail('sara', 'self'));
    await settle();

    expect(textOf(byTestId('employee-manager'))).toBe('Luca Esposito');
    expect(byTestId('employee-manager')?.querySelector('a')).toBeNull();
    expect(textOf(byTestId('employee-team'))).toBe('Service Desk');
    expect(byTestId('employee-team')?.querySelector('a')).toBeNull();
    expect(textOf(byTestId('employee-access'))).toBe('This is you');
    expect(byTestId('employee-relation')).toBeNull();

    // someone without reports has no Reports tab
    expect(tabs().map(textOf)).toEqual(['Overview', 'Competencies', 'Evidence', 'Reviews']);
  });

  it('tells an admin they see everyone', async () => {
    await open(`/people/${DEMO_IDS.nadia}`, ['admin', 'employee'], { id: DEMO_IDS.hana, name: 'Hana Ito' });
    expectEmployee(DEMO_IDS.nadia).flush(employeeDetail('nadia', 'admin'));
    await settle();
    expect(textOf(byTestId('employee-access'))).toBe('Administrator: you can see everyone');
    expect(byTestId('employee-relation')).toBeNull();
    expect(byTestId('employee-manager')?.querySelector('a')?.getAttribute('href')).toBe(`/people/${DEMO_IDS.giulia}`);
  });

  it('explains a 403: people see only themselves and those who report to them', async () => {
    await open(`/people/${DEMO_IDS.tom}`, ['employee'], SARA);
    expectEmployee(DEMO_IDS.tom).flush(
      { type: 'about:blank', title: 'Forbidden', status: 403, detail: 'You may only see yourself and the people who report to you.' },
      { status: 403, statusText: 'Forbidden' },
    );
    await settle();

    const message = byTestId('employee-forbidden');
    expect(message?.getAttribute('role')).toBe('alert');
    expect(textOf(message)).toContain('You can only see yourself and the people who report to you');
    expect(message?.querySelector('a')?.getAttribute('href')).toBe('/');
    expect(tabs()).toHaveLength(0);
  });

  it.each([
    [404, 'Not Found'],
    [400, 'Bad Request'],
  ])('says "Person not found" for a %i', async (status, statusText) => {
    await open('/people/nobody', ['manager', 'employee'], MARCO);
    expectEmployee('nobody').flush({ type: 'about:blank', title: statusText, status }, { status, statusText });
    await settle();

    const message = byTestId('employee-not-found');
    expect(textOf(message?.querySelector('h1'))).toBe('Person not found');
    expect(message?.querySelector('a')?.getAttribute('href')).toBe('/people');
  });

  it('shows other problems and tries again on request', async () => {
    await open(`/people/${DEMO_IDS.sara}`, ['manager', 'employee'], MARCO);
    expectEmployee(DEMO_IDS.sara).error(new ProgressEvent('error'));
    await settle();

    const error = byTestId('employee-error');
    expect(textOf(error)).toContain('The Proficio API could not be reached');
    error?.querySelector('button')?.click();
    await settle();
    expectEmployee(DEMO_IDS.sara).flush(employeeDetail('sara', 'manager'));
    await settle();
    expect(textOf(page().querySelector('h1'))).toBe('Sara Bianchi');
  });

  it('loads the next person when a report link is followed', async () => {
    await open(`/people/${DEMO_IDS.luca}?tab=reports`, ['manager', 'employee'], MARCO);
    expectEmployee(DEMO_IDS.luca).flush(employeeDetail('luca', 'manager'));
    await settle();

    byTestId('employee-reports')?.querySelector('a')?.click();
    await settle();
    expectEmployee(DEMO_IDS.sara).flush(employeeDetail('sara', 'manager'));
    await settle();
    expect(textOf(page().querySelector('h1'))).toBe('Sara Bianchi');
  });

  it('shows the role profile and target role profile in the header, and no admin controls to a manager', async () => {
    await open(`/people/${DEMO_IDS.sara}`, ['manager', 'employee'], MARCO);
    expectEmployee(DEMO_IDS.sara).flush(employeeDetail('sara', 'manager', { roleProfile: { id: 'rp-1', name: 'Service Desk Analyst' } }));
    await settle();
    expect(textOf(byTestId('employee-role-profile'))).toBe('Service Desk Analyst');
    expect(byTestId('employee-role-profile')?.querySelector('a')?.getAttribute('href')).toBe('/role-profiles/rp-1');
    expect(textOf(byTestId('employee-target-role-profile'))).toBe('None');
    expect(byTestId('employee-target-role-profile')?.querySelector('a')).toBeNull();
    expect(byTestId('edit-employee')).toBeNull();
    expect(byTestId('anonymise-employee')).toBeNull();
    expect(byTestId('download-employee-data')).toBeNull();
  });

  it('gives an admin an Edit link, Download data, and Anonymise… only for someone who has left', async () => {
    await open(`/people/${DEMO_IDS.sara}`, ['admin'], { id: DEMO_IDS.hana, name: 'Hana Ito' });
    expectEmployee(DEMO_IDS.sara).flush(employeeDetail('sara', 'admin'));
    await settle();
    expect(byTestId('edit-employee')?.getAttribute('href')).toBe(`/people/${DEMO_IDS.sara}/edit`);
    expect(textOf(byTestId('download-employee-data'))).toBe('Download data');
    expect(byTestId('anonymise-employee')).toBeNull();
  });

  it('anonymises someone who has left only after a confirmation that says what happens', async () => {
    await open(`/people/${DEMO_IDS.sara}`, ['admin'], { id: DEMO_IDS.hana, name: 'Hana Ito' });
    expectEmployee(DEMO_IDS.sara).flush(employeeDetail('sara', 'admin', { status: 'left' }));
    await settle();

    byTestId('anonymise-employee')?.click();
    await settle();
    const dialog = document.querySelector('mat-dialog-container') as HTMLElement;
    expect(textOf(dialog.querySelector('h2'))).toBe('Anonymise Sara Bianchi?');
    expect(textOf(dialog)).toContain('This cannot be undone.');
    http.expectNone(ApiRoutes.employeeAnonymisation(DEMO_IDS.sara));
    Array.from(dialog.querySelectorAll('button'))
      .find((button) => textOf(button) === 'Anonymise for good')
      ?.click();
    await settle();

    const req = http.expectOne(ApiRoutes.employeeAnonymisation(DEMO_IDS.sara));
    expect(req.request.method).toBe('POST');
    req.flush({});
    await settle();
    expectEmployee(DEMO_IDS.sara).flush(
      employeeDetail('sara', 'admin', { status: 'left', name: 'Anonymised person', anonymisedAt: '2026-11-22T10:00:00.000Z' }),
    );
    await settle();
    expect(textOf(page().querySelector('h1'))).toBe('Anonymised person');
    // once anonymised, there is nothing left to anonymise
    expect(byTestId('anonymise-employee')).toBeNull();
  });

  it('keeps the person when the anonymisation is cancelled', async () => {
    await open(`/people/${DEMO_IDS.sara}`, ['admin'], { id: DEMO_IDS.hana, name: 'Hana Ito' });
    expectEmployee(DEMO_IDS.sara).flush(employeeDetail('sara', 'admin', { status: 'left' }));
    await settle();
    byTestId('anonymise-employee')?.click();
    await settle();
    Array.from(document.querySelectorAll('mat-dialog-container button'))
      .find((button) => textOf(button) === 'Cancel')
      ?.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    await settle();
    http.expectNone(ApiRoutes.employeeAnonymisation(DEMO_IDS.sara));
    expect(document.querySelector('mat-dialog-container')).toBeNull();
  });

  it(
    'has no serious accessibility violations',
    async () => {
      await open(`/people/${DEMO_IDS.luca}`, ['manager', 'employee'], MARCO);
      expectEmployee(DEMO_IDS.luca).flush(employeeDetail('luca', 'manager'));
      await settle();
      expect(await seriousA11yViolations(page())).toEqual([]);
    },
    AXE_TIMEOUT_MS,
  );
});

describe('relationSentence', () => {
  it.each([
    ['self', DEMO_IDS.sara, 'sara', 'self', null],
    ['an admin on someone else', DEMO_IDS.hana, 'nadia', 'admin', null],
    ['a manager on themselves', DEMO_IDS.marco, 'marco', 'self', null],
    ['a manager on a direct report', DEMO_IDS.marco, 'luca', 'manager', 'You manage Luca Esposito directly.'],
    ['a manager on an indirect report', DEMO_IDS.marco, 'sara', 'manager', 'You manage Sara Bianchi through Luca Esposito.'],
  ] as const)('%s', (_case, me, person, access, sentence) => {
    expect(relationSentence(employeeDetail(person, access), me)).toBe(sentence);
  });
});
