import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MAT_DATE_LOCALE, MATERIAL_ANIMATIONS } from '@angular/material/core';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { ApiRoutes, EmployeeDetail } from '@proficio/shared/contracts';
import { DEMO_IDS, demoTeams, employeeDetail, employeeSummary, pageOf } from '@proficio/web/people/data-access/testing';
import { summaryOf } from '@proficio/web/role-profiles/data-access/testing';
import { AXE_TIMEOUT_MS, formFields, httpTesting, seriousA11yViolations, textOf } from '@proficio/web/shared/util/testing';
import { EmployeeFormPage, PICKER_DEBOUNCE_MS, PICKER_PAGE_SIZE } from './employee-form-page';

@Component({ template: '<h1>Person stub</h1>' })
class PersonStub {}

describe('EmployeeFormPage', () => {
  const { http } = httpTesting({
    providers: [
      provideRouter([
        { path: 'people/new', component: EmployeeFormPage },
        { path: 'people/:id/edit', component: EmployeeFormPage },
        { path: 'people/:id', component: PersonStub },
      ]),
      { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
    ],
  });
  let harness: RouterTestingHarness;

  const page = (): HTMLElement => harness.routeNativeElement as HTMLElement;
  const settle = () => harness.fixture.whenStable();
  const { field, type, submit } = formFields(page, settle);

  /** Opens the form in a browser whose language is `locale`. */
  async function open(url: string, locale = 'en-US'): Promise<void> {
    TestBed.configureTestingModule({ providers: [{ provide: MAT_DATE_LOCALE, useValue: locale }] });
    harness = await RouterTestingHarness.create(url);
  }

  /** Opens the form to add a person, once the teams it offers have loaded. */
  async function openNew(locale?: string): Promise<void> {
    await open('/people/new', locale);
    http().expectOne(ApiRoutes.teams).flush(demoTeams());
    await settle();
  }

  /** Opens the form to edit Sara, once `sara` (her record as an admin reads it, unless given) and the teams have loaded. */
  async function openSarasEdit({
    sara = employeeDetail('sara', 'admin'),
    locale,
  }: { sara?: EmployeeDetail; locale?: string } = {}): Promise<void> {
    await open(`/people/${DEMO_IDS.sara}/edit`, locale);
    http().expectOne(ApiRoutes.employee(DEMO_IDS.sara)).flush(sara);
    http().expectOne(ApiRoutes.teams).flush(demoTeams());
    await settle();
  }

  it('adds a person with a team and a manager chosen by searching, then opens their page', async () => {
    await openNew();
    expect(textOf(page().querySelector('h1'))).toBe('Add a person');
    expect(Array.from(page().querySelectorAll('mat-label')).map(textOf)).not.toContain('Status');

    await type('Name', ' Ann Example ');
    await type('Email', 'ann@example.org');
    (field('Team').querySelector('mat-select') as HTMLElement).click();
    await settle();
    Array.from(document.querySelectorAll<HTMLElement>('mat-option'))
      .find((option) => textOf(option) === 'Service Desk')
      ?.click();
    await settle();

    await type('Manager', 'luc');
    await new Promise((resolve) => setTimeout(resolve, PICKER_DEBOUNCE_MS + 50));
    // the first options asked for on focus give way to the search for what was typed
    const [firstOptions, search] = http().match((req) => req.url === ApiRoutes.employees);
    expect(firstOptions.request.params.get('q')).toBeNull();
    expect(firstOptions.cancelled).toBe(true);
    expect(search.request.params.get('q')).toBe('luc');
    search.flush(pageOf([employeeSummary('luca')]));
    await settle();
    Array.from(document.querySelectorAll<HTMLElement>('mat-option'))
      .find((option) => textOf(option) === 'Luca Esposito')
      ?.click();
    await settle();
    expect((field('Manager').querySelector('input') as HTMLInputElement).value).toBe('Luca Esposito');

    await submit();
    const post = http().expectOne(ApiRoutes.employees);
    expect(post.request.method).toBe('POST');
    expect(post.request.body).toEqual({ name: 'Ann Example', email: 'ann@example.org', teamId: DEMO_IDS.desk, managerId: DEMO_IDS.luca });
    post.flush({ ...employeeDetail('sara', 'admin'), id: 'new-id' });
    await settle();
    expect(TestBed.inject(Router).url).toBe('/people/new-id');
  });

  it.each([
    ['en-GB', 'DD/MM/YYYY', '2026-02-01'],
    ['en-US', 'MM/DD/YYYY', '2026-01-02'],
  ])('in %s, hints %s and reads a typed start date of 01/02/2026 that way, sending %s', async (locale, hint, sent) => {
    await openNew(locale);
    expect(textOf(field('Start date').querySelector('mat-hint'))).toBe(hint);

    await type('Name', 'Ann Example');
    await type('Email', 'ann@example.org');
    await type('Start date', '01/02/2026');
    await submit();
    const post = http().expectOne(ApiRoutes.employees);
    expect(post.request.body).toEqual({ name: 'Ann Example', email: 'ann@example.org', startDate: sent });
    post.flush({ ...employeeDetail('sara', 'admin'), id: 'new-id' });
    await settle();
  });

  it.each([
    ['en-GB', '15/03/2021'],
    ['en-US', '3/15/2021'],
  ])("shows a person's start date in %s as %s, and keeps it when nothing was changed", async (locale, shown) => {
    await openSarasEdit({ locale });
    expect((field('Start date').querySelector('input') as HTMLInputElement).value).toBe(shown);

    await type('Job title', 'Senior Analyst');
    await submit();
    const patch = http().expectOne(ApiRoutes.employee(DEMO_IDS.sara));
    expect(patch.request.body).toEqual({ jobTitle: 'Senior Analyst' });
    patch.flush(employeeDetail('sara', 'admin'));
    await settle();
  });

  it('says how to write a start date it cannot read', async () => {
    await openNew('en-GB');
    await type('Start date', '31/31/2026');
    await submit();
    expect(textOf(field('Start date').querySelector('mat-error'))).toBe('Enter a date as DD/MM/YYYY');
  });

  it('refuses to send a form with missing or unchosen values', async () => {
    await openNew();
    await type('Manager', 'someone I typed');
    await submit();
    const errors = Array.from(page().querySelectorAll('mat-error')).map(textOf);
    expect(errors).toEqual(["Enter the person's name", 'Enter an email address', 'Choose a person from the list, or leave it empty']);
    http().expectNone(ApiRoutes.employees);
    // the manager search for the typed text may still be pending
    await new Promise((resolve) => setTimeout(resolve, PICKER_DEBOUNCE_MS + 50));
    http()
      .match((req) => req.url === ApiRoutes.employees)
      .filter((req) => !req.cancelled)
      .forEach((req) => req.flush(pageOf([])));
  });

  it('offers the first people and role profiles as soon as an empty picker gets focus, and says how many more there are', async () => {
    await openNew();
    // the options of the panel the focused field controls (it opens once its options have rendered)
    const options = async () => {
      await new Promise((resolve) => setTimeout(resolve));
      await settle();
      const panelId = document.activeElement?.getAttribute('aria-controls');
      return panelId ? Array.from(document.querySelectorAll<HTMLElement>(`#${panelId} mat-option`)) : [];
    };

    (field('Manager').querySelector('input') as HTMLInputElement).focus();
    await settle();
    const firstPeople = http().expectOne((req) => req.url === ApiRoutes.employees);
    expect(firstPeople.request.params.get('q')).toBeNull();
    expect(firstPeople.request.params.get('pageSize')).toBe(String(PICKER_PAGE_SIZE));
    expect(firstPeople.request.params.get('status')).toBe('active');
    const people = Array.from({ length: PICKER_PAGE_SIZE }, (_, i) => ({ ...employeeSummary('luca'), id: `p${i}`, name: `Person ${i}` }));
    firstPeople.flush(pageOf(people, { total: 25 }));
    await settle();
    expect((await options()).map(textOf)).toEqual([...people.map((person) => person.name), 'Type to search among 15 more']);
    const more = (await options()).at(-1);
    expect(more?.getAttribute('aria-disabled')).toBe('true');

    // typing narrows the search; when more match than are shown, the list says so
    await type('Manager', 'per');
    await new Promise((resolve) => setTimeout(resolve, PICKER_DEBOUNCE_MS + 50));
    const search = http().expectOne((req) => req.url === ApiRoutes.employees && req.params.get('q') === 'per');
    search.flush(pageOf(people.slice(0, 10), { total: 12 }));
    await settle();
    expect((await options()).map(textOf).at(-1)).toBe('2 more match: type more to narrow the search');

    (field('Role profile').querySelector('input') as HTMLInputElement).focus();
    await settle();
    const firstProfiles = http().expectOne((req) => req.url === ApiRoutes.roleProfiles);
    expect(firstProfiles.request.params.get('q')).toBeNull();
    firstProfiles.flush(pageOf([summaryOf('Service Desk Analyst'), summaryOf('Team Lead')]));
    await settle();
    // all of them are shown: nothing more to say
    expect((await options()).map(textOf)).toEqual(['Service Desk Analyst', 'Team Lead']);
  });

  it('offers nothing on focus when the picker shows a choice already', async () => {
    await openSarasEdit({ sara: employeeDetail('sara', 'admin', { roleProfile: { id: 'rp-1', name: 'Service Desk Analyst' } }) });
    (field('Role profile').querySelector('input') as HTMLInputElement).focus();
    await settle();
    http().expectNone((req) => req.url === ApiRoutes.roleProfiles);
  });

  it('changes only what was edited and shows the API refusal next to its field', async () => {
    await openSarasEdit({ sara: employeeDetail('sara', 'admin', { roleProfile: { id: 'rp-1', name: 'Service Desk Analyst' } }) });
    expect(textOf(page().querySelector('h1'))).toBe('Edit Sara Bianchi');
    expect((field('Role profile').querySelector('input') as HTMLInputElement).value).toBe('Service Desk Analyst');
    expect(textOf(field('Status').querySelector('mat-select'))).toBe('Active');

    await type('Job title', 'Senior Analyst');
    await type('Email', 'tom.becker@demo.proficio.local');
    await submit();
    const patch = http().expectOne(ApiRoutes.employee(DEMO_IDS.sara));
    expect(patch.request.method).toBe('PATCH');
    expect(patch.request.body).toEqual({ jobTitle: 'Senior Analyst', email: 'tom.becker@demo.proficio.local' });
    patch.flush(
      {
        type: 'about:blank',
        title: 'Conflict',
        status: 409,
        detail: 'email is already used.',
        errors: [{ field: 'email', message: 'is already used by another employee' }],
      },
      { status: 409, statusText: 'Conflict' },
    );
    await settle();
    expect(textOf(field('Email').querySelector('mat-error'))).toBe('Email is already used by another employee');
    expect(page().querySelector('[data-testid="employee-form-problem"]')).toBeNull();
    expect(TestBed.inject(Router).url).toBe(`/people/${DEMO_IDS.sara}/edit`);
  });

  it('shows a problem that belongs to no field above the form', async () => {
    await openSarasEdit();
    await type('Job title', 'Lead');
    await submit();
    http().expectOne(ApiRoutes.employee(DEMO_IDS.sara)).flush(null, { status: 0, statusText: 'Unknown Error' });
    await settle();
    const problem = page().querySelector('[data-testid="employee-form-problem"]');
    expect(problem?.getAttribute('role')).toBe('alert');
    expect(textOf(problem)).toContain('The person could not be saved');
  });

  it(
    'has no serious accessibility violations',
    async () => {
      await openSarasEdit();
      expect(await seriousA11yViolations(page())).toEqual([]);
    },
    AXE_TIMEOUT_MS,
  );
});
