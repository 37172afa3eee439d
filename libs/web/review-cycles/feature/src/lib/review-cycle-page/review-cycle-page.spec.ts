import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { Component } from '@angular/core';
import { DeferBlockState, TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatDialog } from '@angular/material/dialog';
import { MatSelectHarness } from '@angular/material/select/testing';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { ApiRoutes, Role } from '@proficio/shared/contracts';
import { SessionStore } from '@proficio/web/auth/data-access';
import { PEOPLE_SEARCH_DEBOUNCE_MS } from '@proficio/web/people/data-access/people-search';
import {
  REVIEW_CYCLE_IDS,
  pageOf,
  reviewCycle,
  reviewCyclePreview,
  reviewCycleProgress,
  reviewSummary,
  stateCounts,
} from '@proficio/web/review-cycles/data-access/testing';
import { httpTesting, textOf } from '@proficio/web/shared/util/testing';
import { ReviewCyclePage, openConsequences } from './review-cycle-page';

// jsdom has no canvas: the chart's canvas only keeps its inputs.
jest.mock(
  '@proficio/web/shared/ui/chart',
  () => jest.requireActual<typeof import('@proficio/web/shared/util/testing')>('@proficio/web/shared/util/testing').chartStub,
);

@Component({ template: '<h1>Stub</h1>' })
class Stub {}

describe('ReviewCyclePage', () => {
  let harness: RouterTestingHarness;
  const { http } = httpTesting({
    providers: [
      provideRouter([
        { path: 'review-cycles', component: Stub },
        { path: 'review-cycles/:id', component: ReviewCyclePage },
        { path: 'reviews/:id', component: Stub },
      ]),
      { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      { provide: SessionStore, useValue: { canAccess: (allowed: Role[]) => allowed.some((role) => roles.includes(role)) } },
    ],
  });
  const id = REVIEW_CYCLE_IDS.cycle;

  const page = (): HTMLElement => harness.routeNativeElement as HTMLElement;
  const settle = () => harness.fixture.whenStable();
  const byTestId = (testId: string) => page().querySelector(`[data-testid="${testId}"]`);
  const button = (root: ParentNode, name: string): HTMLButtonElement => {
    const found = Array.from(root.querySelectorAll<HTMLButtonElement>('button')).find((b) => textOf(b) === name);
    if (!found) throw new Error(`no button ${name}`);
    return found;
  };
  const dialog = () => document.querySelector('mat-dialog-container') as HTMLElement;
  /** Clicks the button named `name` in `root` and lets the page settle. */
  const press = async (root: ParentNode, name: string): Promise<void> => {
    button(root, name).click();
    await settle();
  };
  /** Clicks the page's button `name`, then confirms its dialog with the button named `confirm`. */
  const confirmAction = async (name: string, confirm: string): Promise<void> => {
    await press(page(), name);
    await press(dialog(), confirm);
  };
  /** The caller: an administrator unless a test says otherwise (a manager follows their line's reviews only). */
  let roles: Role[] = ['admin'];

  beforeEach(() => (roles = ['admin']));

  async function open(url = `/review-cycles/${id}`): Promise<void> {
    harness = await RouterTestingHarness.create(url);
  }

  afterEach(() => TestBed.inject(MatDialog).closeAll());

  describe('a draft', () => {
    async function openDraft(): Promise<void> {
      await open();
      http().expectOne(ApiRoutes.reviewCycle(id)).flush(reviewCycle());
      await settle();
      http().expectOne(ApiRoutes.reviewCyclePreview(id)).flush(reviewCyclePreview());
      await settle();
    }

    it('shows who opening it would include: the counts, those without a role profile or manager, and the first names', async () => {
      await openDraft();
      expect(textOf(page().querySelector('h1'))).toBe('2027 annual review Draft');
      expect(textOf(byTestId('preview-participants'))).toBe('3');
      expect(textOf(byTestId('preview-without-role-profile'))).toBe('1');
      expect(textOf(byTestId('preview-without-manager'))).toBe('0');
      const names = Array.from(page().querySelectorAll('[data-testid="cycle-preview-sample"] .name')).map(textOf);
      expect(names).toEqual(['Luca Esposito', 'Sara Bianchi', 'Tom Weber']);
      expect(textOf(byTestId('cycle-preview-sample'))).toContain('No role profile · Manager: Luca Esposito');
      // reviews are not listed before the cycle is open
      expect(byTestId('cycle-state-counts')).toBeNull();
    });

    it('opens only once confirmed, saying how many reviews it creates, then shows the counts of the open cycle', async () => {
      await openDraft();
      await press(page(), 'Open cycle');
      expect(textOf(dialog().querySelector('h2'))).toBe('Open 2027 annual review?');
      expect(textOf(dialog())).toContain('Opening creates 3 reviews now.');
      expect(textOf(dialog().querySelector('[data-testid="confirm-consequences"]'))).toContain(
        '1 person without a role profile start with no competencies to review.',
      );

      await press(dialog(), 'Cancel');
      http().expectNone(ApiRoutes.reviewCycleOpen(id));

      await confirmAction('Open cycle', 'Open and create 3 reviews');
      http()
        .expectOne(ApiRoutes.reviewCycleOpen(id))
        .flush(reviewCycle({ status: 'open', counts: stateCounts({ not_started: 3 }) }));
      await settle();
      // the store reloads the cycle after the write; its reviews load once it shows as open
      http()
        .expectOne(ApiRoutes.reviewCycle(id))
        .flush(reviewCycle({ status: 'open', counts: stateCounts({ not_started: 3 }) }));
      await settle();
      // the preview asked for again is dropped: an open cycle has none
      expect(
        http()
          .match(ApiRoutes.reviewCyclePreview(id))
          .every((req) => req.cancelled),
      ).toBe(true);
      http()
        .expectOne((req) => req.url === ApiRoutes.reviews)
        .flush(pageOf([reviewSummary()], 3));
      await settle();
      expect(textOf(byTestId('cycle-status'))).toBe('Open');
      expect(textOf(byTestId('cycle-state-counts'))).toContain('Not started: 3');
    });

    it('says what the API refused when opening', async () => {
      await openDraft();
      await confirmAction('Open cycle', 'Open and create 3 reviews');
      http()
        .expectOne(ApiRoutes.reviewCycleOpen(id))
        .flush(
          { title: 'Conflict', status: 409, errors: [{ field: 'participants', message: 'include nobody active: choose who takes part' }] },
          { status: 409, statusText: 'Conflict' },
        );
      await settle();
      expect(textOf(byTestId('cycle-action-problem'))).toBe('Conflict — participants include nobody active: choose who takes part');
    });

    it('deletes the draft once confirmed, then goes back to the list', async () => {
      await openDraft();
      await confirmAction('Delete draft', 'Delete draft');
      http()
        .expectOne((req) => req.method === 'DELETE' && req.url === ApiRoutes.reviewCycle(id))
        .flush(null);
      await settle();
      // whatever was asked for again after the write is dropped with the page
      http()
        .match(ApiRoutes.reviewCycle(id))
        .filter((req) => !req.cancelled)
        .forEach((req) => req.flush(reviewCycle()));
      http()
        .match(ApiRoutes.reviewCyclePreview(id))
        .filter((req) => !req.cancelled)
        .forEach((req) => req.flush(reviewCyclePreview()));
      expect(TestBed.inject(Router).url).toBe('/review-cycles');
    });
  });

  describe('an open cycle', () => {
    const counts = stateCounts({ not_started: 2, self_assessment: 1, manager_assessment: 1, locked: 1 });

    async function openOpen(): Promise<void> {
      await open();
      http()
        .expectOne(ApiRoutes.reviewCycle(id))
        .flush(reviewCycle({ status: 'open', counts, overdue: 2 }));
      await settle();
      const reviews = http().expectOne((req) => req.url === ApiRoutes.reviews);
      expect(reviews.request.params.get('cycleId')).toBe(id);
      reviews.flush(
        pageOf(
          [
            reviewSummary({ overdue: true }),
            reviewSummary({ id: 'r-2', employee: { id: 'e-2', name: 'Tom Weber' }, manager: undefined, state: 'locked' }),
          ],
          5,
        ),
      );
      await settle();
    }

    it('shows a manager (who follows their line’s reviews) the counts and the list without the administrators’ controls', async () => {
      roles = ['manager', 'employee'];
      await openOpen();
      expect(page().querySelectorAll('[data-testid="cycle-state-counts"] li')).toHaveLength(6);
      const controls = Array.from(page().querySelectorAll('.actions a, .actions button')).map(textOf);
      expect(controls).toEqual([]);
    });

    it('counts its reviews per state, highlights the overdue ones and lists the reviews with links', async () => {
      await openOpen();
      const states = Array.from(page().querySelectorAll('[data-testid="cycle-state-counts"] li')).map(textOf);
      expect(states).toEqual([
        'Not started: 2',
        'Self-assessment: 1',
        'Manager assessment: 1',
        'Discussion: 0',
        'Manager signed: 0',
        'Locked: 1',
      ]);
      expect(textOf(byTestId('cycle-overdue'))).toBe('2 overdue');
      expect(page().querySelectorAll('.bar .segment')).toHaveLength(4);

      const rows = Array.from(page().querySelectorAll('tr[data-review-id]'));
      expect(rows.map((row) => textOf(row.querySelector('a')))).toEqual(['Sara Bianchi', 'Tom Weber']);
      expect(rows[0].querySelector('a')?.getAttribute('href')).toBe(`/reviews/${REVIEW_CYCLE_IDS.review}`);
      expect(rows[0].classList).toContain('overdue-row');
      expect(textOf(rows[0])).toContain('Overdue');
      expect(textOf(rows[1])).toContain('Administrators');
      expect(rows[1].classList).not.toContain('overdue-row');
      expect(page().querySelector('[data-testid="cycle-preview-counts"]')).toBeNull();
    });

    it('shows its progress over time as a small chart once the section scrolls into view', async () => {
      await openOpen();
      // not asked for until it is shown: a placeholder holds its place
      expect(byTestId('cycle-progress-placeholder')).not.toBeNull();
      http().expectNone(ApiRoutes.reviewCycleProgress(id));
      const [block] = await harness.fixture.getDeferBlocks();
      await block?.render(DeferBlockState.Complete);
      http().expectOne(ApiRoutes.reviewCycleProgress(id)).flush(reviewCycleProgress());
      await settle();
      const figure = page().querySelector('section[aria-labelledby="progress-heading"] [data-testid="cycle-progress-chart"]');
      expect(textOf(figure?.querySelector('[data-testid="cycle-progress-summary"]'))).toContain(
        'Now 1 of 3 reviews past the self-assessment',
      );
      expect(figure?.querySelector('app-line-chart-canvas')).not.toBeNull();
      expect(figure?.querySelectorAll('[data-testid="cycle-progress-numbers"] tbody tr')).toHaveLength(3);
    });

    it('filters the reviews by state through the URL, and "Show every review" clears it', async () => {
      await openOpen();
      await harness.navigateByUrl(`/review-cycles/${id}?state=self_assessment`);
      const filtered = http().expectOne((req) => req.url === ApiRoutes.reviews);
      expect(filtered.request.params.get('state')).toBe('self_assessment');
      filtered.flush(pageOf([]));
      await settle();
      expect(textOf(byTestId('cycle-reviews-empty'))).toContain('No review is at “Self-assessment”.');
      const state = await TestbedHarnessEnvironment.loader(harness.fixture).getHarness(MatSelectHarness);
      expect(await state.getValueText()).toBe('Self-assessment');

      await press(byTestId('cycle-reviews-empty') as HTMLElement, 'Show every review');
      const all = http().expectOne((req) => req.url === ApiRoutes.reviews);
      expect(all.request.params.has('state')).toBe(false);
      all.flush(pageOf([reviewSummary()]));
      await settle();
      expect(TestBed.inject(Router).url).toBe(`/review-cycles/${id}`);
      expect(await state.getValueText()).toBe('Any state');
    });

    it('adds people picked by searching, after showing what adding them would do', async () => {
      await openOpen();
      await press(page(), 'Add people');
      const search = dialog().querySelector('[data-testid="people-search"]') as HTMLInputElement;
      search.focus();
      search.value = 'tom';
      search.dispatchEvent(new Event('input'));
      // the search goes out once typing has paused for PEOPLE_SEARCH_DEBOUNCE_MS: wait for it
      const searches = () => http().match((req) => req.url === ApiRoutes.employees && req.params.get('q') === 'tom');
      let found = searches();
      for (let waited = 0; !found.length && waited < PEOPLE_SEARCH_DEBOUNCE_MS * 20; waited += 25) {
        await new Promise((resolve) => setTimeout(resolve, 25));
        found = searches();
      }
      // the first people, asked for when the empty field got focus, gave way to the search
      http()
        .match((req) => req.url === ApiRoutes.employees)
        .forEach((req) => expect(req.cancelled).toBe(true));
      expect(found.map((req) => req.request.params.get('q'))).toEqual(['tom']);
      expect(found[0].request.params.get('status')).toBe('active');
      found[0].flush(pageOf([{ id: 'e-3', name: 'Tom Weber', email: 'tom@example.org', status: 'active' }]));
      await settle();
      Array.from(document.querySelectorAll<HTMLElement>('mat-option'))
        .find((option) => textOf(option) === 'Tom Weber')
        ?.click();
      await settle();
      expect(textOf(dialog().querySelector('mat-chip-row'))).toContain('Tom Weber');

      await press(dialog(), 'Check who would be added');
      const preview = http().expectOne((req) => req.url === ApiRoutes.reviewCyclePreview(id));
      expect(preview.request.params.get('employeeIds')).toBe('e-3');
      preview.flush(reviewCyclePreview({ participants: 1, withoutRoleProfile: 1, withoutManager: 0, alreadyIn: 0, sample: [] }));
      await settle();
      expect(textOf(dialog().querySelector('[data-testid="add-people-preview"]'))).toContain('1 new to the cycle');
      expect(textOf(dialog().querySelector('[data-testid="add-people-preview"]'))).toContain('1 without a role profile');

      await press(dialog(), 'Add and create 1 review');
      const post = http().expectOne(ApiRoutes.reviewCycleParticipants(id));
      expect(post.request.body).toEqual({ employeeIds: ['e-3'] });
      post.flush(reviewCycle({ status: 'open', counts: { ...counts, not_started: 3 } }));
      await settle();
      http()
        .expectOne(ApiRoutes.reviewCycle(id))
        .flush(reviewCycle({ status: 'open', counts: { ...counts, not_started: 3 } }));
      http()
        .expectOne((req) => req.url === ApiRoutes.reviews)
        .flush(pageOf([]));
      await settle();
      expect(document.querySelector('mat-dialog-container')).toBeNull();
      expect(textOf(byTestId('cycle-state-counts'))).toContain('Not started: 3');
    });

    it('closes only once confirmed, saying how many reviews can still be finished', async () => {
      await openOpen();
      await press(page(), 'Close cycle');
      expect(textOf(dialog().querySelector('[data-testid="confirm-consequences"]'))).toContain(
        '4 reviews not locked yet can still be finished.',
      );
      await press(dialog(), 'Close cycle');
      http()
        .expectOne(ApiRoutes.reviewCycleClose(id))
        .flush(reviewCycle({ status: 'closed', counts }));
      await settle();
      http()
        .expectOne(ApiRoutes.reviewCycle(id))
        .flush(reviewCycle({ status: 'closed', counts }));
      // the reviews reload after the write too
      http()
        .expectOne((req) => req.url === ApiRoutes.reviews)
        .flush(pageOf([]));
      await settle();
      expect(textOf(byTestId('cycle-status'))).toBe('Closed');
      expect(Array.from(page().querySelectorAll('button')).map(textOf)).not.toContain('Add people');
    });
  });

  it.each([
    [
      reviewCyclePreview({ participants: 1, withoutRoleProfile: 0, withoutManager: 1 }),
      'It creates 1 review',
      '1 person without a manager',
    ],
    [reviewCyclePreview({ participants: 12, withoutRoleProfile: 0, withoutManager: 0 }), 'It creates 12 reviews', null],
  ])('words what opening does', (preview, first, extra) => {
    const consequences = openConsequences(preview);
    expect(consequences[0]).toContain(first);
    if (extra) expect(consequences.at(-1)).toContain(extra);
    else expect(consequences).toHaveLength(3);
  });
});
