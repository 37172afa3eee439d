import { TestRequest } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MatDialog } from '@angular/material/dialog';
import { RouterTestingHarness } from '@angular/router/testing';
import { ApiRoutes, ReviewState, ReviewView, Role } from '@proficio/shared/contracts';
import { sessionTesting, signInAs } from '@proficio/web/auth/data-access/testing';
import { PEOPLE_SEARCH_DEBOUNCE_MS } from '@proficio/web/people/data-access/people-search';
import { DEMO_IDS, REVIEW_IDS, pageOf, reviewView } from '@proficio/web/reviews/data-access/testing';
import { AXE_TIMEOUT_MS, seriousA11yViolations, textOf } from '@proficio/web/shared/util/testing';
import { reviewPageProviders } from './testing';

const HANA = { id: DEMO_IDS.hana, name: 'Hana Kim' };
const LUCA = { id: DEMO_IDS.luca, name: 'Luca Esposito' };
const MARCO = { id: DEMO_IDS.marco, name: 'Marco Rossi' };
const SARA = { id: DEMO_IDS.sara, name: 'Sara Bianchi' };
const ID = REVIEW_IDS.review;

/** Sara's review as an administrator sees it at the manager assessment. */
const asAdmin = (overrides: Partial<ReviewView> = {}): ReviewView =>
  reviewView({ viewer: 'admin', state: 'manager_assessment', actions: [], mayEdit: [], ...overrides });

const person = (ref: { id: string; name: string }) => ({
  ...ref,
  email: `${ref.name.split(' ')[0]?.toLowerCase()}@example.org`,
  status: 'active',
});

describe('ReassignReviewDialog on the review page', () => {
  const { http } = sessionTesting(reviewPageProviders());
  let harness: RouterTestingHarness;

  const root = (): HTMLElement => harness.routeNativeElement as HTMLElement;
  const settle = () => harness.fixture.whenStable();
  const dialog = () => document.querySelector('mat-dialog-container') as HTMLElement | null;
  const reassignButton = () => root().querySelector<HTMLButtonElement>('[data-testid="review-reassign"]');
  const confirmButton = () => dialog()?.querySelector<HTMLButtonElement>('[data-testid="reassign-confirm"]');
  const options = () => Array.from(document.querySelectorAll<HTMLElement>('mat-option'));

  afterEach(() => TestBed.inject(MatDialog).closeAll());

  async function open(view: ReviewView, roles: Role[], me: { id: string; name: string }): Promise<void> {
    await signInAs(http(), roles, me);
    harness = await RouterTestingHarness.create(`/reviews/${ID}`);
    http().expectOne(ApiRoutes.review(ID)).flush(view);
    await settle();
  }

  /** The employee searches with `q` still open (the search waits for typing to pause). */
  async function searchFor(q: string): Promise<TestRequest> {
    const searches = () => http().match((req) => req.url === ApiRoutes.employees && req.params.get('q') === q);
    let found = searches();
    for (let waited = 0; !found.length && waited < PEOPLE_SEARCH_DEBOUNCE_MS * 20; waited += 25) {
      await new Promise((resolve) => setTimeout(resolve, 25));
      found = searches();
    }
    expect(found.length).toBe(1);
    return found[0] as TestRequest;
  }

  async function type(text: string): Promise<void> {
    const input = dialog()?.querySelector<HTMLInputElement>('[data-testid="reassign-search"]');
    if (!input) throw new Error('no search field');
    input.focus();
    input.value = text;
    input.dispatchEvent(new Event('input'));
    await settle();
  }

  it.each<[string, ReviewView['viewer'], ReviewState, boolean]>([
    ['an admin, at the manager assessment', 'admin', 'manager_assessment', true],
    ['an admin, before the review starts', 'admin', 'not_started', true],
    ['an admin, at the discussion', 'admin', 'discussion', true],
    ['an admin, once the manager signed', 'admin', 'manager_signed', false],
    ['an admin, once locked', 'admin', 'locked', false],
    ['the reviewing manager', 'manager', 'manager_assessment', false],
    ['the person reviewed', 'employee', 'self_assessment', false],
  ])('offers "Change manager" to %s', async (_name, viewer, state, shown) => {
    await open(asAdmin({ viewer, state }), viewer === 'admin' ? ['employee', 'admin'] : ['employee', 'manager'], HANA);
    expect(reassignButton() !== null).toBe(shown);
  });

  it(
    'picks the new manager by searching active people, says what changes, and assigns the review once confirmed',
    async () => {
      await open(asAdmin(), ['employee', 'admin'], HANA);
      reassignButton()?.click();
      await settle();
      expect(textOf(dialog()?.querySelector('h2'))).toBe('Change the manager of Sara Bianchi’s review');
      expect(textOf(dialog()?.querySelector('mat-dialog-content p'))).toBe('2027 annual review: now reviewed by Luca Esposito.');

      // confirming with nobody picked asks for someone, and sends nothing
      confirmButton()?.click();
      await settle();
      expect(textOf(dialog()?.querySelector('mat-error'))).toBe('Choose the new manager from the list');

      await type('ma');
      const search = await searchFor('ma');
      // the first people, asked for when the empty field got focus, gave way to the search
      http()
        .match((req) => req.url === ApiRoutes.employees && req.params.get('q') !== 'ma')
        .forEach((req) => expect(req.cancelled).toBe(true));
      expect(search.request.params.get('status')).toBe('active');
      search.flush(pageOf([person(SARA), person(LUCA), person(MARCO)], { total: 13 }));
      await settle();
      // neither the person reviewed nor the manager the review has now are offered
      expect(options().map(textOf)).toEqual(['Marco Rossi', '10 more match: type more to narrow the search']);
      options()[0]?.click();
      await settle();

      expect(dialog()?.querySelector<HTMLInputElement>('[data-testid="reassign-search"]')?.value).toBe('Marco Rossi');
      expect(Array.from(dialog()?.querySelectorAll('[data-testid="reassign-consequences"] li') ?? []).map(textOf)).toEqual([
        'Marco Rossi sees the review and takes the manager’s steps from now on.',
        'Luca Esposito no longer does (unless Sara Bianchi is in their line).',
        'Drafts, notes and the history stay with the review; the change is recorded in its history.',
      ]);
      expect(textOf(confirmButton())).toBe('Assign to Marco Rossi');
      expect(await seriousA11yViolations(dialog() as HTMLElement)).toEqual([]);

      confirmButton()?.click();
      await settle();
      const put = http().expectOne(ApiRoutes.reviewManager(ID));
      expect(put.request.method).toBe('PUT');
      expect(put.request.body).toEqual({ managerId: DEMO_IDS.marco });
      const saved = asAdmin({
        manager: MARCO,
        events: [...asAdmin().events, { kind: 'reassign', by: HANA, at: '2027-02-03T09:00:00Z' }],
      });
      put.flush(saved);
      await settle();
      // the store's write reloads the review
      http().expectOne(ApiRoutes.review(ID)).flush(saved);
      await settle();

      expect(dialog()).toBeNull();
      expect(textOf(root().querySelector('.lead'))).toBe('Sara Bianchi · reviewed by Marco Rossi');
      expect(textOf(root().querySelector('[role="status"]'))).toBe('The review is now assigned to Marco Rossi.');
      expect(textOf(root().querySelector('[data-testid="review-history"]'))).toContain('Reassigned by Hana Kim');
    },
    AXE_TIMEOUT_MS,
  );

  it('says in the dialog why the API refused, and keeps it open to pick again', async () => {
    await open(asAdmin(), ['employee', 'admin'], HANA);
    reassignButton()?.click();
    await settle();
    await type('marco');
    (await searchFor('marco')).flush(pageOf([person(MARCO)]));
    await settle();
    options()[0]?.click();
    await settle();
    // the first people, asked for on focus, gave way to the search
    http()
      .match((req) => req.url === ApiRoutes.employees)
      .forEach((req) => expect(req.cancelled).toBe(true));
    confirmButton()?.click();
    await settle();
    http()
      .expectOne(ApiRoutes.reviewManager(ID))
      .flush(
        {
          type: 'about:blank',
          title: 'Conflict',
          status: 409,
          errors: [{ field: 'state', message: 'is manager_signed (signed by the manager): a signed review keeps its manager' }],
        },
        { status: 409, statusText: 'Conflict' },
      );
    await settle();
    expect(dialog()).not.toBeNull();
    expect(textOf(dialog()?.querySelector('[data-testid="reassign-problem"]'))).toContain('a signed review keeps its manager');
    expect(confirmButton()?.disabled).toBe(false);
  });

  it('closes without a change when cancelled', async () => {
    await open(asAdmin(), ['employee', 'admin'], HANA);
    reassignButton()?.click();
    await settle();
    Array.from(dialog()?.querySelectorAll<HTMLButtonElement>('button') ?? [])
      .find((button) => textOf(button) === 'Cancel')
      ?.click();
    await settle();
    expect(dialog()).toBeNull();
    http().expectNone(ApiRoutes.reviewManager(ID));
    expect(textOf(root().querySelector('.lead'))).toBe('Sara Bianchi · reviewed by Luca Esposito');
  });
});
