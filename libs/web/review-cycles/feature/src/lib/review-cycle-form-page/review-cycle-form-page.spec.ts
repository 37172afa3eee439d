import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MAT_DATE_LOCALE, MATERIAL_ANIMATIONS } from '@angular/material/core';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { ApiRoutes, FieldError, ReviewCycleView } from '@proficio/shared/contracts';
import { DEMO_IDS, demoTeams } from '@proficio/web/people/data-access/testing';
import { REVIEW_CYCLE_IDS, pageOf, reviewCycle } from '@proficio/web/review-cycles/data-access/testing';
import { summaryOf } from '@proficio/web/role-profiles/data-access/testing';
import { formFields, httpTesting, textOf } from '@proficio/web/shared/util/testing';
import { ReviewCycleFormPage } from './review-cycle-form-page';

@Component({ template: '<h1>Cycle stub</h1>' })
class CycleStub {}

describe('ReviewCycleFormPage', () => {
  const { http } = httpTesting({
    providers: [
      provideRouter([
        { path: 'review-cycles/new', component: ReviewCycleFormPage },
        { path: 'review-cycles/:id/edit', component: ReviewCycleFormPage },
        { path: 'review-cycles/:id', component: CycleStub },
      ]),
      { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      { provide: MAT_DATE_LOCALE, useValue: 'en-GB' },
    ],
  });
  let harness: RouterTestingHarness;

  const page = (): HTMLElement => harness.routeNativeElement as HTMLElement;
  const settle = () => harness.fixture.whenStable();
  const { field, error, type, choose, submit } = formFields(page, settle, { leaveAfterTyping: true });
  const fillDates = async () => {
    await type('Start of the period', '2027-01-01');
    await type('End of the period', '2027-12-31');
    await type('Self-assessment deadline', '2028-01-15');
    await type('Manager assessment deadline', '2028-01-31');
  };

  /** Opens `url` and answers the pickers' lists: the demo teams and two role profiles. */
  async function open(url: string): Promise<void> {
    harness = await RouterTestingHarness.create(url);
    http().expectOne(ApiRoutes.teams).flush(demoTeams());
    const profiles = http().expectOne((req) => req.url === ApiRoutes.roleProfiles);
    expect(profiles.request.params.get('pageSize')).toBe('100');
    profiles.flush(pageOf([summaryOf('Service Desk Analyst'), summaryOf('Service Desk Manager')]));
  }

  /** Opens the form for a new cycle, its pickers loaded. */
  async function openNew(): Promise<void> {
    await open('/review-cycles/new');
    await settle();
  }

  /** Opens the form to edit `cycle` (the demo cycle, as given), its pickers loaded. */
  async function openEdit(cycle: ReviewCycleView): Promise<void> {
    await open(`/review-cycles/${REVIEW_CYCLE_IDS.cycle}/edit`);
    http().expectOne(ApiRoutes.reviewCycle(REVIEW_CYCLE_IDS.cycle)).flush(cycle);
    await settle();
  }

  it('creates a cycle for a team with its target roles, from dates typed in the locale or as ISO, then opens its page', async () => {
    await openNew();
    expect(textOf(page().querySelector('h1'))).toBe('New review cycle');
    expect(textOf(field('Start of the period').querySelector('mat-hint'))).toBe('DD/MM/YYYY');

    await type('Name', ' 2027 annual review ');
    await type('Start of the period', '01/02/2027');
    await type('End of the period', '2027-12-31');
    await type('Self-assessment deadline', '15/01/2028');
    await type('Manager assessment deadline', '31/01/2028');
    await choose('Team', 'Service Desk');
    (page().querySelector('mat-checkbox input') as HTMLInputElement).click();
    await settle();

    await submit();
    const post = http().expectOne(ApiRoutes.reviewCycles);
    expect(post.request.method).toBe('POST');
    expect(post.request.body).toEqual({
      name: '2027 annual review',
      periodStart: '2027-02-01',
      periodEnd: '2027-12-31',
      selfDue: '2028-01-15',
      managerDue: '2028-01-31',
      participants: { kind: 'team', teamId: DEMO_IDS.desk },
      includeTargetRole: true,
    });
    post.flush(reviewCycle({ id: 'new-id' }));
    await settle();
    expect(TestBed.inject(Router).url).toBe('/review-cycles/new-id');
  });

  it('sends nothing while fields are missing or out of order, and says what each needs', async () => {
    await openNew();

    await submit();
    expect(error('Name')).toBe('Enter the cycle’s name');
    expect(error('Start of the period')).toBe('Enter the first day of the period');
    expect(error('Manager assessment deadline')).toBe('Enter when managers rate by');
    expect(error('Team')).toBe('Choose a team');

    await type('Start of the period', '2027-06-01');
    await type('End of the period', '2027-05-31');
    await type('Self-assessment deadline', '2028-01-15');
    await type('Manager assessment deadline', '2028-01-14');
    await type('Name', 'Mid-year');
    await submit();
    expect(error('End of the period')).toBe('The period cannot end before it starts');
    expect(error('Manager assessment deadline')).toBe('Managers rate after the self-assessment: choose this day or a later one');

    // people picked by hand need at least one person
    const peopleRadio = Array.from(page().querySelectorAll<HTMLElement>('mat-radio-button')).find(
      (radio) => textOf(radio) === 'People picked by hand',
    );
    (peopleRadio?.querySelector('input') as HTMLInputElement).click();
    await settle();
    await submit();
    expect(error('People')).toBe('Choose at least one person');
    http().expectNone(ApiRoutes.reviewCycles);
  });

  it.each<[string, number, FieldError[], string, string]>([
    [
      'a taken name (409)',
      409,
      [{ field: 'name', message: 'is already used by another review cycle' }],
      'Name',
      'Name is already used by another review cycle',
    ],
    [
      'a team that is gone (422)',
      422,
      [{ field: 'participants.teamId', message: 'is not an existing team' }],
      'Team',
      'Team is not an existing team',
    ],
    [
      'deadlines out of order (400)',
      400,
      [{ field: 'managerDue', message: 'must be on or after selfDue' }],
      'Manager assessment deadline',
      'Manager assessment deadline must be on or after the self-assessment deadline',
    ],
  ])('shows %s on its field', async (_name, status, errors, label, message) => {
    await openNew();
    await type('Name', '2027 annual review');
    await fillDates();
    await choose('Team', 'Service Desk');
    await submit();
    http().expectOne(ApiRoutes.reviewCycles).flush({ title: 'Refused', status, errors }, { status, statusText: 'Refused' });
    await settle();
    expect(error(label)).toBe(message);
    expect(page().querySelector('[data-testid="cycle-form-problem"]')).toBeNull();
    expect(TestBed.inject(Router).url).toBe('/review-cycles/new');
  });

  it('shows what no field can show above the form', async () => {
    await openNew();
    await type('Name', '2027 annual review');
    await fillDates();
    await choose('Team', 'Service Desk');
    await submit();
    http()
      .expectOne(ApiRoutes.reviewCycles)
      .flush({ title: 'Conflict', status: 409, detail: 'A closed review cycle cannot change.' }, { status: 409, statusText: 'Conflict' });
    await settle();
    expect(textOf(page().querySelector('[data-testid="cycle-form-problem"] ul'))).toBe('A closed review cycle cannot change.');
  });

  it('names a person picked who does not exist on the people field', async () => {
    await openEdit(
      reviewCycle({ participants: { kind: 'people', employeeIds: [REVIEW_CYCLE_IDS.sara] }, participantsLabel: '1 person picked' }),
    );
    http().expectOne(ApiRoutes.employee(REVIEW_CYCLE_IDS.sara)).flush({ id: REVIEW_CYCLE_IDS.sara, name: 'Sara Bianchi' });
    await settle();
    expect(textOf(field('People').querySelector('mat-chip-row'))).toContain('Sara Bianchi');

    await submit();
    const put = http().expectOne(ApiRoutes.reviewCycle(REVIEW_CYCLE_IDS.cycle));
    expect(put.request.method).toBe('PUT');
    expect(put.request.body.participants).toEqual({ kind: 'people', employeeIds: [REVIEW_CYCLE_IDS.sara] });
    put.flush(
      { title: 'The change cannot be made', errors: [{ field: 'participants.employeeIds.0', message: 'is not an existing employee' }] },
      { status: 422, statusText: 'Unprocessable Entity' },
    );
    await settle();
    expect(error('People')).toBe('Sara Bianchi is not an existing employee');
  });

  it('once the cycle is open, changes only its name and dates, and says why the rest is fixed', async () => {
    await openEdit(reviewCycle({ status: 'open', includeTargetRole: true }));

    expect(textOf(page().querySelector('[data-testid="cycle-open-notice"]'))).toContain('Only the name and the dates can change now');
    expect((field('Name').querySelector('input') as HTMLInputElement).disabled).toBe(false);
    expect((field('End of the period').querySelector('input') as HTMLInputElement).disabled).toBe(false);
    expect(field('Team').querySelector('mat-select')?.getAttribute('aria-disabled')).toBe('true');
    const radios = Array.from(page().querySelectorAll<HTMLInputElement>('mat-radio-button input'));
    expect(radios.every((radio) => radio.disabled)).toBe(true);
    expect((page().querySelector('mat-checkbox input') as HTMLInputElement).disabled).toBe(true);

    await type('Name', '2027 annual review (extended)');
    await type('Manager assessment deadline', '2028-02-15');
    await submit();
    const put = http().expectOne(ApiRoutes.reviewCycle(REVIEW_CYCLE_IDS.cycle));
    expect(put.request.body).toEqual({
      name: '2027 annual review (extended)',
      periodStart: '2027-01-01',
      periodEnd: '2027-12-31',
      selfDue: '2028-01-15',
      managerDue: '2028-02-15',
      participants: { kind: 'team', teamId: REVIEW_CYCLE_IDS.desk },
      includeTargetRole: true,
    });
    put.flush(reviewCycle({ status: 'open' }));
    await settle();
    expect(TestBed.inject(Router).url).toBe(`/review-cycles/${REVIEW_CYCLE_IDS.cycle}`);
  });

  it('does not offer to save a closed cycle', async () => {
    await openEdit(reviewCycle({ status: 'closed' }));
    expect(textOf(page().querySelector('[data-testid="cycle-closed-notice"]'))).toBe('This cycle is closed and can no longer change.');
    expect(page().querySelector('button[type="submit"]')).toBeNull();
    expect((field('Name').querySelector('input') as HTMLInputElement).disabled).toBe(true);
  });
});
