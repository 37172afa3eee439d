import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestRequest } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatSelectHarness } from '@angular/material/select/testing';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { ApiRoutes, Role } from '@proficio/shared/contracts';
import { sessionTesting, signInAs } from '@proficio/web/auth/data-access/testing';
import { employeeDetail } from '@proficio/web/people/data-access/testing';
import { REVIEW_CYCLE_IDS, reviewCycle } from '@proficio/web/review-cycles/data-access/testing';
import { DEMO_IDS, REVIEW_IDS, pageOf, reviewSummary } from '@proficio/web/reviews/data-access/testing';
import { AXE_TIMEOUT_MS, paramEntriesOf, seriousA11yViolations, textOf } from '@proficio/web/shared/util/testing';
import { ReviewListPage } from './review-list-page';

@Component({ template: '<h1>Stub</h1>' })
class Stub {}

const SARA = { id: DEMO_IDS.sara, name: 'Sara Bianchi' };
const LUCA = { id: DEMO_IDS.luca, name: 'Luca Esposito' };

describe('ReviewListPage', () => {
  const { http } = sessionTesting([
    provideRouter([
      { path: 'reviews', component: ReviewListPage },
      { path: 'reviews/:id', component: Stub },
    ]),
    { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
  ]);
  let harness: RouterTestingHarness;

  const root = (): HTMLElement => harness.routeNativeElement as HTMLElement;
  const byTestId = (id: string): HTMLElement | null => root().querySelector(`[data-testid="${id}"]`);
  const expectList = (): TestRequest => http().expectOne((req) => req.url === ApiRoutes.reviews);
  const settle = () => harness.fixture.whenStable();

  const THIS_YEAR = reviewCycle({ id: REVIEW_CYCLE_IDS.cycle, name: '2027 annual review' });
  const LAST_YEAR = reviewCycle({ id: REVIEW_CYCLE_IDS.other, name: '2026 annual review', status: 'closed' });

  /** Opens the page; the cycle filter's cycles answer with `cycles`. */
  async function open(url: string, roles: Role[], me: { id: string; name: string }, cycles = [THIS_YEAR, LAST_YEAR]): Promise<TestRequest> {
    await signInAs(http(), roles, me);
    harness = await RouterTestingHarness.create(url);
    const cycleList = http().expectOne((req) => req.url === ApiRoutes.reviewCycles);
    expect(cycleList.request.params.get('pageSize')).toBe('100');
    cycleList.flush(pageOf(cycles));
    return expectList();
  }

  it(
    'lists the reviews in reach with cycle, person, manager, state in words, deadline, and overdue ones marked',
    async () => {
      const list = await open('/reviews', ['employee', 'manager'], LUCA);
      expect(paramEntriesOf(list)).toEqual([
        ['page', '1'],
        ['pageSize', '25'],
      ]);
      list.flush(
        pageOf([
          reviewSummary({ state: 'manager_assessment', overdue: true }),
          reviewSummary({
            id: REVIEW_IDS.other,
            state: 'locked',
            lockedAt: '2027-03-20T09:00:00Z',
            employee: { id: DEMO_IDS.tom, name: 'Tom Becker' },
          }),
        ]),
      );
      await settle();
      expect(textOf(root().querySelector('h1'))).toBe('Reviews');
      const items = Array.from(root().querySelectorAll('[data-testid="review-item"]'));
      expect(items.map((item) => textOf(item.querySelector('.review-head')))).toEqual([
        'Sara Bianchi · 2027 annual review Manager assessment Overdue',
        'Tom Becker · 2027 annual review Locked',
      ]);
      expect(items.map((item) => item.classList.contains('overdue'))).toEqual([true, false]);
      expect(textOf(items[0]?.querySelectorAll('.meta')[0])).toBe('Sara Bianchi · reviewed by Luca Esposito · 2 competencies');
      expect(textOf(items[0]?.querySelectorAll('.meta')[1])).toBe('Manager assessment due March 15, 2027');
      expect(textOf(items[1]?.querySelectorAll('.meta')[1])).toBe('Locked on March 20, 2027');
      expect(items[0]?.querySelector('a')?.getAttribute('href')).toBe(`/reviews/${REVIEW_IDS.review}`);
      expect(await seriousA11yViolations(root())).toEqual([]);
    },
    AXE_TIMEOUT_MS,
  );

  it('filters by state through the URL, and offers to show everything when nothing matches', async () => {
    (await open('/reviews', ['employee', 'manager'], LUCA)).flush(pageOf([reviewSummary()]));
    await settle();
    const loader = TestbedHarnessEnvironment.loader(harness.fixture);
    const state = await loader.getHarness(MatSelectHarness.with({ selector: '[data-testid="review-state-filter"]' }));
    await state.open();
    await state.clickOptions({ text: 'Discussion' });
    const filtered = expectList();
    expect(filtered.request.params.get('state')).toBe('discussion');
    filtered.flush(pageOf([]));
    await settle();
    expect(TestBed.inject(Router).url).toBe('/reviews?state=discussion');
    expect(textOf(byTestId('reviews-empty'))).toContain('No review matches these filters.');
  });

  it('filters by cycle through the URL, among the cycles with a review in reach, and "Show all reviews" clears it', async () => {
    (await open('/reviews', ['employee', 'manager'], LUCA)).flush(pageOf([reviewSummary()]));
    await settle();
    const loader = TestbedHarnessEnvironment.loader(harness.fixture);
    const cycle = await loader.getHarness(MatSelectHarness.with({ selector: '[data-testid="review-cycle-filter"]' }));
    await cycle.open();
    expect(await Promise.all((await cycle.getOptions()).map((option) => option.getText()))).toEqual([
      'Any cycle',
      '2027 annual review',
      '2026 annual review',
    ]);
    await cycle.clickOptions({ text: '2026 annual review' });
    const filtered = expectList();
    expect(filtered.request.params.get('cycleId')).toBe(REVIEW_CYCLE_IDS.other);
    filtered.flush(pageOf([]));
    await settle();
    expect(TestBed.inject(Router).url).toBe(`/reviews?cycleId=${REVIEW_CYCLE_IDS.other}`);

    (byTestId('reviews-empty')?.querySelector('button') as HTMLButtonElement).click();
    await settle();
    const all = expectList();
    expect(all.request.params.has('cycleId')).toBe(false);
    all.flush(pageOf([reviewSummary()]));
    await settle();
    expect(TestBed.inject(Router).url).toBe('/reviews');
  });

  it('offers no cycle filter with a single cycle, and ignores a cycle in the URL that is not an id', async () => {
    const list = await open('/reviews?cycleId=not-an-id', ['employee'], SARA, [THIS_YEAR]);
    expect(list.request.params.has('cycleId')).toBe(false);
    list.flush(pageOf([reviewSummary()]));
    await settle();
    expect(byTestId('review-cycle-filter')).toBeNull();
  });

  it('reads the search and state from the URL, and says "Your review" and "My reviews" to an employee', async () => {
    const list = await open('/reviews?q=sara&state=self_assessment', ['employee'], SARA);
    expect([list.request.params.get('q'), list.request.params.get('state')]).toEqual(['sara', 'self_assessment']);
    list.flush(pageOf([reviewSummary()]));
    await settle();
    expect(textOf(root().querySelector('h1'))).toBe('My reviews');
    expect(textOf(root().querySelector('.review-title'))).toBe('Your review · 2027 annual review');
  });

  it(
    'lists one person\'s reviews from ?employeeId=, named on a chip that removes the filter, as "Show all reviews" does',
    async () => {
      const list = await open(`/reviews?employeeId=${DEMO_IDS.sara}&state=discussion`, ['employee', 'manager'], LUCA);
      expect([list.request.params.get('employeeId'), list.request.params.get('state')]).toEqual([DEMO_IDS.sara, 'discussion']);
      list.flush(pageOf([]));
      http().expectOne(ApiRoutes.employee(DEMO_IDS.sara)).flush(employeeDetail('sara', 'manager'));
      await settle();
      expect(textOf(byTestId('review-employee-filter'))).toBe('Employee: Sara Bianchi');
      expect(byTestId('review-employee-filter')?.querySelector('button')?.getAttribute('aria-label')).toBe(
        'Remove the filter Employee: Sara Bianchi',
      );
      expect(await seriousA11yViolations(root())).toEqual([]);

      (byTestId('reviews-empty')?.querySelector('button') as HTMLButtonElement).click();
      await settle();
      const all = expectList();
      expect([all.request.params.has('employeeId'), all.request.params.has('state')]).toEqual([false, false]);
      all.flush(pageOf([reviewSummary()]));
      await settle();
      expect(TestBed.inject(Router).url).toBe('/reviews');
      expect(byTestId('review-employee-filter')).toBeNull();

      await harness.navigateByUrl(`/reviews?employeeId=${DEMO_IDS.sara}&q=bianchi`);
      expectList().flush(pageOf([reviewSummary()]));
      http().expectOne(ApiRoutes.employee(DEMO_IDS.sara)).flush(employeeDetail('sara', 'manager'));
      await settle();
      (byTestId('review-employee-filter')?.querySelector('button') as HTMLButtonElement).click();
      await settle();
      const unfiltered = expectList();
      expect([unfiltered.request.params.has('employeeId'), unfiltered.request.params.get('q')]).toEqual([false, 'bianchi']);
      unfiltered.flush(pageOf([reviewSummary()]));
      await settle();
      expect(TestBed.inject(Router).url).toBe('/reviews?q=bianchi');
    },
    AXE_TIMEOUT_MS,
  );

  it('names the person from their reviews on screen when they cannot be looked up, and ignores an employeeId that is not an id', async () => {
    const list = await open(`/reviews?employeeId=${DEMO_IDS.sara}`, ['employee', 'manager'], LUCA);
    list.flush(pageOf([reviewSummary()]));
    http().expectOne(ApiRoutes.employee(DEMO_IDS.sara)).flush({ title: 'Forbidden' }, { status: 403, statusText: 'Forbidden' });
    await settle();
    expect(textOf(byTestId('review-employee-filter'))).toBe('Employee: Sara Bianchi');

    await harness.navigateByUrl('/reviews?employeeId=sara');
    const plain = expectList();
    expect(plain.request.params.has('employeeId')).toBe(false);
    plain.flush(pageOf([reviewSummary()]));
    await settle();
    expect(byTestId('review-employee-filter')).toBeNull();
  });

  it('says what happens when there are no reviews yet', async () => {
    (await open('/reviews', ['employee'], SARA)).flush(pageOf([]));
    await settle();
    expect(textOf(byTestId('reviews-empty'))).toContain('There are no reviews for you yet.');
  });
});
