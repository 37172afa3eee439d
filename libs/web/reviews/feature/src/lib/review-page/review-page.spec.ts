import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestRequest } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MatDialog } from '@angular/material/dialog';
import { MatSelectHarness } from '@angular/material/select/testing';
import { RouterTestingHarness } from '@angular/router/testing';
import { ApiRoutes, ReviewView, Role } from '@proficio/shared/contracts';
import { sessionTesting, signInAs } from '@proficio/web/auth/data-access/testing';
import { ASSESSMENT_IDS, DEMO_IDS, REVIEW_IDS, c1Row, c4Row, lockedReview, reviewView } from '@proficio/web/reviews/data-access/testing';
import { AXE_TIMEOUT_MS, seriousA11yViolations, textOf } from '@proficio/web/shared/util/testing';
import { ReviewPage } from './review-page';
import { reviewPageProviders } from './testing';

const SARA = { id: DEMO_IDS.sara, name: 'Sara Bianchi' };
const LUCA = { id: DEMO_IDS.luca, name: 'Luca Esposito' };
const ID = REVIEW_IDS.review;

/** The review as Luca sees it at the manager assessment: her self-assessment in, his ratings to give. */
function atManagerAssessment(overrides: Partial<ReviewView> = {}): ReviewView {
  return reviewView({
    viewer: 'manager',
    state: 'manager_assessment',
    actions: ['share'],
    mayEdit: ['manager', 'note'],
    competencies: [
      c1Row({ manager: undefined, note: undefined }),
      c4Row({ self: { outcome: 'not_assessed', evidenceIds: [], updatedAt: '2027-02-01T09:00:00Z' } }),
    ],
    ...overrides,
  });
}

describe('ReviewPage', () => {
  const { http } = sessionTesting(reviewPageProviders());
  let harness: RouterTestingHarness;

  const root = (): HTMLElement => harness.routeNativeElement as HTMLElement;
  const byTestId = (id: string, within: ParentNode = root()): HTMLElement | null => within.querySelector(`[data-testid="${id}"]`);
  const allByTestId = (id: string, within: ParentNode = root()): HTMLElement[] =>
    Array.from(within.querySelectorAll(`[data-testid="${id}"]`));
  const settle = () => harness.fixture.whenStable();
  const expectReview = (): TestRequest => http().expectOne(ApiRoutes.review(ID));
  const dialog = () => document.querySelector('mat-dialog-container') as HTMLElement;
  const card = (code: string) => root().querySelector(`[data-testid="review-competency"][data-code="${code}"]`) as HTMLElement;

  afterEach(() => TestBed.inject(MatDialog).closeAll());

  async function open(view: ReviewView, roles: Role[], me: { id: string; name: string }): Promise<void> {
    await signInAs(http(), roles, me);
    harness = await RouterTestingHarness.create(`/reviews/${ID}`);
    expectReview().flush(view);
    await settle();
  }

  it(
    'shows the header, the progress, and each competency’s levels, targets and both ratings side by side with the change',
    async () => {
      await open(lockedReview({ viewer: 'manager' }), ['employee', 'manager'], LUCA);
      expect(textOf(byTestId('review-heading'))).toBe('Review of Sara Bianchi');
      const steps = Array.from(byTestId('review-steps')?.querySelectorAll('li') ?? []);
      expect(steps.map((step) => step.querySelector('.step-label')?.textContent?.trim())).toEqual([
        'Not started',
        'Self-assessment',
        'Manager assessment',
        'Discussion',
        'Signed by the manager',
        'Locked',
      ]);
      expect(steps.map((step) => step.getAttribute('aria-current'))).toEqual([null, null, null, null, null, 'step']);

      const c1 = card('C.1');
      expect(textOf(c1.querySelector('h2'))).toBe('C.1 User Support');
      expect(textOf(c1.querySelector('.meta'))).toContain('Target e-2 Professional (required)');
      expect(textOf(byTestId('self-rating', c1))).toBe('e-2 Professional');
      expect(textOf(byTestId('manager-rating', c1))).toBe('e-3 Senior professional');
      expect(textOf(byTestId('manager-side', c1))).toContain('Runs the weekly problem review.');
      expect(textOf(byTestId('manager-side', c1))).toContain('Relied on: Ran the triage rota');
      expect(textOf(byTestId('review-change', c1))).toBe(
        'Up since last time (e-2 Professional at the last review) · gap to the target closed',
      );
      const levels = Array.from(c1.querySelectorAll('.levels li')).map((level) => [
        textOf(level.querySelector('strong')),
        Array.from(level.querySelectorAll('.mark')).map(textOf),
        textOf(level.querySelector('p')),
      ]);
      expect(levels).toEqual([
        ['e-1 Associate', [], 'Solves incidents following prescribed procedures.'],
        ['e-2 Professional', ['Target', 'Self'], 'Systematically interprets user problems.'],
        ['e-3 Senior professional', ['Manager'], 'Manages the support process.'],
      ]);
      expect(c1.querySelector('.evidence a')?.getAttribute('href')).toBe(`/evidence/${ASSESSMENT_IDS.acceptedEvidence}`);
      expect(textOf(byTestId('review-note', c1))).toBe('Note: Ready to lead the rota.');

      expect(textOf(byTestId('review-signatures'))).toContain('Disagree on C.4');
      expect(byTestId('review-snapshots')?.querySelector('a')?.getAttribute('href')).toBe(`/reviews/${ID}/snapshots/1`);
      // locked: nothing to edit, no step for a manager
      expect(allByTestId('self-edit')).toEqual([]);
      expect(allByTestId('manager-edit')).toEqual([]);
      expect(root().querySelectorAll('[data-testid^="review-action-"]').length).toBe(0);
      expect(await seriousA11yViolations(root())).toEqual([]);
    },
    AXE_TIMEOUT_MS,
  );

  it.each([
    [404, 'Not Found', `Review ${ID} does not exist.`],
    [400, 'Bad Request', 'Validation failed (uuid is expected)'],
  ])('says the review is not found on a %s (no such review, or a mistyped address), with no retry', async (status, title, detail) => {
    await signInAs(http(), ['employee'], SARA);
    harness = await RouterTestingHarness.create(`/reviews/${ID}`);
    expectReview().flush({ type: 'about:blank', title, status, detail }, { status, statusText: title });
    await settle();
    expect(textOf(byTestId('review-error')?.querySelector('h1'))).toBe('Review not found');
    expect(byTestId('review-error')?.querySelector('button')).toBeNull();
    expect(byTestId('review-error')?.querySelector('a')?.getAttribute('href')).toBe('/reviews');
  });

  it('offers a retry when the review could not be read for another reason', async () => {
    await signInAs(http(), ['employee'], SARA);
    harness = await RouterTestingHarness.create(`/reviews/${ID}`);
    expectReview().error(new ProgressEvent('error'));
    await settle();
    expect(textOf(byTestId('review-error')?.querySelector('h1'))).toBe('Could not load the review');
    expect(textOf(byTestId('review-error')?.querySelector('button'))).toBe('Try again');
  });

  it('offers only what mayEdit and actions allow: the person rates herself, sees no manager controls and not the manager’s side yet', async () => {
    await open(reviewView(), ['employee'], SARA);
    expect(textOf(byTestId('review-heading'))).toBe('Your review');
    expect(allByTestId('self-edit').length).toBe(2);
    expect(allByTestId('manager-edit')).toEqual([]);
    expect(allByTestId('note')).toEqual([]);
    expect(byTestId('save-self')).not.toBeNull();
    expect(byTestId('save-manager')).toBeNull();
    expect(textOf(byTestId('manager-side', card('C.1'))?.querySelector('.none'))).toBe('Shown at the discussion');
    expect(Array.from(root().querySelectorAll('[data-testid^="review-action-"]')).map(textOf)).toEqual(['Submit self-assessment']);
    // the guide is hers from the discussion on
    expect(byTestId('review-guide-link')).toBeNull();
  });

  it('saves the self-assessment with the right body, and the form starts again from what was saved', async () => {
    await open(
      reviewView({ competencies: [c1Row({ self: undefined, manager: undefined, note: undefined }), c4Row()] }),
      ['employee'],
      SARA,
    );
    const page = harness.routeDebugElement?.componentInstance as ReviewPage;
    const loader = TestbedHarnessEnvironment.loader(harness.fixture);
    const [c1Select, c4Select] = await loader.getAllHarnesses(MatSelectHarness.with({ selector: '[data-testid="self-choice"]' }));
    await c1Select?.open();
    expect(await Promise.all(((await c1Select?.getOptions()) ?? []).map((option) => option.getText()))).toEqual([
      'Not rated yet',
      'e-1 Associate',
      'e-2 Professional',
      'e-3 Senior professional',
      'Not assessed',
      'Not applicable',
    ]);
    await c1Select?.clickOptions({ text: 'e-2 Professional' });
    await c4Select?.open();
    await c4Select?.clickOptions({ text: 'Not applicable' });
    const rationale = byTestId('self-rationale', card('C.1')) as HTMLTextAreaElement;
    rationale.value = '  Closed most tickets at first contact ';
    rationale.dispatchEvent(new Event('input'));
    await settle();
    expect(page.hasUnsavedChanges()).toBe(true);

    byTestId('save-self')?.click();
    const save = http().expectOne(ApiRoutes.reviewRatings(ID));
    expect(save.request.method).toBe('PUT');
    expect(save.request.body).toEqual({
      role: 'self',
      ratings: [
        { competencyId: ASSESSMENT_IDS.c1, outcome: 'rated', level: 2, rationale: 'Closed most tickets at first contact' },
        { competencyId: ASSESSMENT_IDS.c4, outcome: 'not_applicable' },
      ],
    });
    save.flush(reviewView());
    expectReview().flush(reviewView());
    await settle();
    expect(page.hasUnsavedChanges()).toBe(false);
    expect(textOf(root().querySelector('[role="status"]'))).toBe('Your self-assessment is saved.');
  });

  it('asks the manager for a rationale with each rating, and sends the evidence he relies on', async () => {
    await open(atManagerAssessment(), ['employee', 'manager'], LUCA);
    expect(allByTestId('self-edit')).toEqual([]);
    expect(textOf(byTestId('self-rating', card('C.4')))).toBe('Not assessed');
    const loader = TestbedHarnessEnvironment.loader(harness.fixture);
    const [c1Select] = await loader.getAllHarnesses(MatSelectHarness.with({ selector: '[data-testid="manager-choice"]' }));
    await c1Select?.open();
    await c1Select?.clickOptions({ text: 'e-3 Senior professional' });
    byTestId('save-manager')?.click();
    await settle();
    expect(textOf(byTestId('review-failure'))).toBe('Say why for each rating: 1 rating has no rationale.');
    http().expectNone(ApiRoutes.reviewRatings(ID));

    const rationale = byTestId('manager-rationale', card('C.1')) as HTMLTextAreaElement;
    rationale.value = 'Leads the rota';
    rationale.dispatchEvent(new Event('input'));
    (byTestId('manager-evidence', card('C.1'))?.querySelector('input') as HTMLInputElement).click();
    await settle();
    byTestId('save-manager')?.click();
    const save = http().expectOne(ApiRoutes.reviewRatings(ID));
    expect(save.request.body).toEqual({
      role: 'manager',
      ratings: [
        {
          competencyId: ASSESSMENT_IDS.c1,
          outcome: 'rated',
          level: 3,
          rationale: 'Leads the rota',
          evidence: [ASSESSMENT_IDS.acceptedEvidence],
        },
      ],
    });
    save.flush(atManagerAssessment());
    expectReview().flush(atManagerAssessment());
  });

  it('confirms a step in a dialog, posts it with the comment, and shows a 409 as a readable message', async () => {
    await open(lockedReview({ state: 'manager_signed', lockedAt: undefined, actions: ['sign'], signatures: [] }), ['employee'], SARA);
    byTestId('review-action-sign')?.click();
    await settle();
    expect(textOf(dialog().querySelector('h2'))).toBe('Sign your review?');
    const comment = byTestId('review-action-comment', dialog()) as HTMLTextAreaElement;
    comment.value = 'Signed, disagreeing with C.4';
    comment.dispatchEvent(new Event('input'));
    (byTestId('review-action-confirm', dialog()) as HTMLButtonElement).click();
    await settle();
    const sign = http().expectOne(ApiRoutes.reviewAction(ID, 'sign'));
    expect(sign.request.method).toBe('POST');
    expect(sign.request.body).toEqual({ comment: 'Signed, disagreeing with C.4' });
    sign.flush(
      {
        title: 'Conflict',
        status: 409,
        errors: [
          {
            field: 'state',
            message: 'is locked (locked): sign is taken by the person reviewed when the review is discussion or manager_signed',
          },
        ],
      },
      { status: 409, statusText: 'Conflict' },
    );
    await settle();
    expect(textOf(byTestId('review-failure'))).toBe(
      'The review is locked (locked): sign is taken by the person reviewed when the review is discussion or manager_signed',
    );
  });

  it('takes no step without a confirmation', async () => {
    await open(atManagerAssessment(), ['employee', 'manager'], LUCA);
    expect(textOf(byTestId('review-action-share'))).toBe('Share with Sara Bianchi');
    byTestId('review-action-share')?.click();
    await settle();
    expect(textOf(dialog().querySelector('h2'))).toBe('Share your assessment with Sara Bianchi?');
    Array.from(dialog().querySelectorAll('button'))
      .find((button) => textOf(button) === 'Cancel')
      ?.click();
    await settle();
    http().expectNone(ApiRoutes.reviewAction(ID, 'share'));
  });

  it('names the ratings still missing when the API refuses to share', async () => {
    await open(atManagerAssessment(), ['employee', 'manager'], LUCA);
    byTestId('review-action-share')?.click();
    await settle();
    (byTestId('review-action-confirm', dialog()) as HTMLButtonElement).click();
    await settle();
    http()
      .expectOne(ApiRoutes.reviewAction(ID, 'share'))
      .flush(
        { title: 'Conflict', status: 409, errors: [{ field: 'ratings', message: 'lack a manager rating for C.1, C.4' }] },
        { status: 409, statusText: 'Conflict' },
      );
    await settle();
    expect(textOf(byTestId('review-failure'))).toBe('The ratings lack a manager rating for C.1, C.4');
  });
});
