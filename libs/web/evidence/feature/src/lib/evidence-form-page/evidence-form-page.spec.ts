import { HttpEventType } from '@angular/common/http';
import { TestRequest } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MAT_DATE_LOCALE, MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatDialog } from '@angular/material/dialog';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { ApiRoutes, CompetencySearchHit, CreateEvidenceRequest, EvidenceView } from '@proficio/shared/contracts';
import { sessionTesting, signInAs } from '@proficio/web/auth/data-access/testing';
import {
  DEMO_IDS,
  ECF,
  EVIDENCE_IDS,
  c1Claim,
  c1Detail,
  en,
  changesRequested,
  evidenceRevision,
  evidenceView,
  pageOf,
  smpDetail,
} from '@proficio/web/evidence/data-access/testing';
import { employeeDetail } from '@proficio/web/people/data-access/testing';
import { unsavedChangesGuard } from '@proficio/web/shared/ui';
import { AXE_TIMEOUT_MS, seriousA11yViolations, textOf } from '@proficio/web/shared/util/testing';
import { evidenceFormMatcher } from './evidence-form-matcher';
import { EvidenceFormPage } from './evidence-form-page';

@Component({ template: '<h1>Stub</h1>' })
class Stub {}

const SARA = { id: DEMO_IDS.sara, name: 'Sara Bianchi' };
const ID = EVIDENCE_IDS.evidence;
const SMP_HIT: CompetencySearchHit = {
  id: smpDetail().id,
  code: 'SMP',
  title: en('Service Management Processes'),
  framework: { id: EVIDENCE_IDS.smpFramework, code: 'SMP', name: en('Service Management Processes'), versionLabel: '1', versionNumber: 1 },
  levels: [1, 2, 3],
};
const C1_HIT: CompetencySearchHit = { id: c1Detail().id, code: 'C.1', title: en('User Support'), framework: ECF, levels: [1, 2, 3] };

/** A draft as the API answers a save: Sara's, for SMP at level 2, not submitted. */
function draft(overrides: Partial<EvidenceView> = {}): EvidenceView {
  return evidenceView({
    status: 'draft',
    submittedAt: undefined,
    revisions: [
      evidenceRevision({
        submittedAt: undefined,
        files: [],
        claims: [c1Claim({ competency: { id: smpDetail().id, code: 'SMP', title: en('Service Management Processes') }, level: 2 })],
      }),
    ],
    may: { edit: true, submit: true, amend: false, review: false, comment: false, discard: true },
    ...overrides,
  });
}

describe('EvidenceFormPage', () => {
  const { http } = sessionTesting([
    provideRouter([
      {
        path: 'evidence',
        children: [
          { matcher: evidenceFormMatcher, component: EvidenceFormPage, canDeactivate: [unsavedChangesGuard] },
          { path: ':id', component: Stub },
        ],
      },
      { path: 'people/:id', component: Stub },
    ]),
    { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
  ]);
  let harness: RouterTestingHarness;

  const root = (): HTMLElement => harness.routeNativeElement as HTMLElement;
  const byTestId = (id: string): HTMLElement | null => root().querySelector(`[data-testid="${id}"]`);
  const settle = () => harness.fixture.whenStable();
  const page = () =>
    harness.fixture.debugElement.query((node) => node.componentInstance instanceof EvidenceFormPage).componentInstance as EvidenceFormPage;
  const type = (element: HTMLElement | null, value: string) => {
    const input = element as HTMLInputElement;
    input.value = value;
    input.dispatchEvent(new Event('input'));
    input.dispatchEvent(new Event('blur'));
  };
  const button = (label: string, within: ParentNode = root()) =>
    Array.from(within.querySelectorAll<HTMLButtonElement>('button')).find((candidate) => textOf(candidate) === label) as HTMLButtonElement;
  const expectSearch = (): TestRequest => http().expectOne((req) => req.url === ApiRoutes.competencies);
  const dialog = () => document.querySelector('mat-dialog-container') as HTMLElement;

  afterEach(() => TestBed.inject(MatDialog).closeAll());

  async function openNew(): Promise<void> {
    await signInAs(http(), ['employee'], SARA);
    harness = await RouterTestingHarness.create(`/evidence/new?employee=${DEMO_IDS.sara}`);
    http().expectOne(ApiRoutes.employee(DEMO_IDS.sara)).flush(employeeDetail('sara', 'self'));
    expectSearch().flush(pageOf([SMP_HIT, C1_HIT]));
    await settle();
  }

  /** Opens `view` (the draft, unless given) to edit as Sara, once it and its competency (`detail`, SMP unless given) have loaded. */
  async function openEdit(view = draft(), detail = smpDetail()): Promise<void> {
    await signInAs(http(), ['employee'], SARA);
    harness = await RouterTestingHarness.create(`/evidence/${ID}/edit`);
    http().expectOne(ApiRoutes.evidence(ID)).flush(view);
    await settle();
    http().expectOne(ApiRoutes.competency(detail.id)).flush(detail);
    await settle();
  }

  /** Title, date, and SMP at level 2 picked from the search. */
  async function fillIn(): Promise<void> {
    type(byTestId('evidence-title'), 'Monitored the SLAs');
    type(byTestId('evidence-from'), '2/2/2026');
    Array.from(root().querySelectorAll<HTMLButtonElement>('[data-testid="claim-hits"] button'))
      .find((hit) => textOf(hit).startsWith('SMP Service Management Processes'))
      ?.click();
    http().expectOne(ApiRoutes.competency(smpDetail().id)).flush(smpDetail());
    await settle();
    root().querySelector<HTMLInputElement>('[data-level="2"] input[type="radio"]')?.click();
    await settle();
  }

  it('guides the narrative by the chosen level: its description, each question with its probes and an answer box, and its indicators', async () => {
    await openNew();
    expect(textOf(root().querySelector('h1'))).toBe('New evidence');
    expect(textOf(root().querySelector('.eyebrow'))).toBe('Evidence · Sara Bianchi');
    await fillIn();

    const prompts = byTestId('claim-prompts-0') as HTMLElement;
    expect(textOf(prompts.querySelector('h3'))).toBe('What 2 Practitioner asks of you');
    const question = prompts.querySelector('[data-testid="claim-question"]') as HTMLElement;
    expect(textOf(question.querySelector('.question-text'))).toBe(
      'Describe a situation where you were responsible for monitoring Service Level Agreements.',
    );
    expect(Array.from(question.querySelectorAll('.probes li')).map(textOf)).toEqual([
      'What was the situation?',
      'What was your role at the time?',
      'What was the outcome?',
    ]);
    const answer = question.querySelector('textarea') as HTMLTextAreaElement;
    expect(answer.getAttribute('aria-describedby')).toContain('claim-0-q0 claim-0-q0-probes');
    expect(Array.from(prompts.querySelectorAll('mat-checkbox')).map(textOf)).toEqual([
      'Monitors service level agreements and escalates problems.',
      'Follows a service management process.',
    ]);
  });

  it('saves a draft with the answers and ticks by position, and moves to the draft’s own address without leaving the page', async () => {
    await openNew();
    await fillIn();
    type(byTestId('answer-0-0'), 'Situation: the desk missed its SLA. I built a daily report.');
    root().querySelector<HTMLInputElement>('[data-testid="indicator-0-1"] input')?.click();
    const before = page();
    expect(before.hasUnsavedChanges()).toBe(true);

    byTestId('save-draft')?.click();
    const create = http().expectOne((req) => req.method === 'POST' && req.url === ApiRoutes.evidenceList);
    expect(create.request.body).toEqual({
      employeeId: DEMO_IDS.sara,
      title: 'Monitored the SLAs',
      activityFrom: '2026-02-02',
      claims: [{ competencyId: smpDetail().id, level: 2 }],
      answers: [{ claim: 0, question: 0, answer: 'Situation: the desk missed its SLA. I built a daily report.' }],
      indicators: [{ claim: 0, indicator: 1 }],
      links: [],
    } satisfies CreateEvidenceRequest);
    create.flush(draft());
    await settle();
    expect(TestBed.inject(Router).url).toBe(`/evidence/${ID}/edit`);
    http().expectOne(ApiRoutes.evidence(ID)).flush(draft());
    await settle();
    expect(page()).toBe(before);
    expect(page().hasUnsavedChanges()).toBe(false);
    expect(textOf(root().querySelector('h1'))).toBe('Edit the draft');
    expect(textOf(byTestId('evidence-form-status'))).toBe('Draft saved.');
  });

  it.each([
    ['en-GB', 'DD/MM/YYYY', '2026-02-01'],
    ['en-US', 'MM/DD/YYYY', '2026-01-02'],
  ])('in %s, hints %s and reads an activity typed as 01/02/2026 that way, sending %s', async (locale, pattern, sent) => {
    TestBed.configureTestingModule({ providers: [{ provide: MAT_DATE_LOCALE, useValue: locale }] });
    await openNew();
    await fillIn();
    expect(textOf(byTestId('evidence-from')?.closest('mat-form-field')?.querySelector('mat-hint'))).toBe(`${pattern}, not in the future`);
    type(byTestId('evidence-from'), '01/02/2026');
    byTestId('save-draft')?.click();

    const create = http().expectOne((req) => req.method === 'POST' && req.url === ApiRoutes.evidenceList);
    expect((create.request.body as CreateEvidenceRequest).activityFrom).toBe(sent);
    create.flush(draft());
    await settle();
    http().expectOne(ApiRoutes.evidence(ID)).flush(draft());
    await settle();
  });

  it('refuses to save without a title, date and level, saying where', async () => {
    await openNew();
    byTestId('save-draft')?.click();
    await settle();
    http().expectNone((req) => req.method === 'POST');
    expect(Array.from(root().querySelectorAll('mat-error')).map(textOf)).toEqual([
      'Give the evidence a title',
      'Enter when the activity took place',
    ]);
    expect(textOf(root().querySelector('.claim .field-error'))).toBe('Find and pick the competency this evidence is for');
  });

  it('saves a new draft first when files are added, then uploads each with its progress and shows a refusal per file', async () => {
    await openNew();
    await fillIn();
    const pdf = new File(['%PDF-1.4'], 'report.pdf', { type: 'application/pdf' });
    const huge = new File(['x'], 'video.pdf', { type: 'application/pdf' });
    const input = byTestId('file-input') as HTMLInputElement;
    Object.defineProperty(input, 'files', { value: [pdf, huge], configurable: true });
    input.dispatchEvent(new Event('change'));
    await settle();
    http()
      .expectOne((req) => req.method === 'POST' && req.url === ApiRoutes.evidenceList)
      .flush(draft());
    await settle();
    http().expectOne(ApiRoutes.evidence(ID)).flush(draft());
    const uploads = http().match(ApiRoutes.evidenceFiles(ID));
    expect(uploads.map((upload) => (upload.request.body as FormData).get('file') instanceof File)).toEqual([true, true]);
    uploads[0]?.event({ type: HttpEventType.UploadProgress, loaded: 4, total: 8 });
    await settle();
    expect(textOf(root().querySelector('[data-testid="evidence-upload"]'))).toBe('report.pdf 8 bytes · uploading 50%');

    const stored = {
      ...evidenceRevision().files[0],
      id: EVIDENCE_IDS.pdf,
      name: 'report.pdf',
    } as EvidenceView['revisions'][number]['files'][number];
    uploads[0]?.flush(stored);
    uploads[1]?.flush(
      { title: 'File too large', status: 413, detail: 'video.pdf is larger than the 10 MB evidence takes.' },
      { status: 413, statusText: 'Payload Too Large' },
    );
    await settle();
    // the stored file shows once the draft is read again
    for (const reload of http().match(ApiRoutes.evidence(ID)))
      if (!reload.cancelled) reload.flush(draft({ revisions: [evidenceRevision({ submittedAt: undefined, files: [stored] })] }));
    await settle();
    expect(Array.from(root().querySelectorAll('[data-testid="evidence-file"] .file-name')).map(textOf)).toEqual(['report.pdf']);
    expect(textOf(byTestId('upload-error'))).toBe('File too large: video.pdf is larger than the 10 MB evidence takes.');
    expect(page().hasUnsavedChanges()).toBe(false);
  });

  it('submits after a confirmation, saving what changed first, and opens the item', async () => {
    await openEdit();
    expect((byTestId('evidence-title') as HTMLInputElement).value).toBe('Led the printer outage response');
    type(byTestId('evidence-narrative'), 'More detail.');

    byTestId('submit-for-review')?.click();
    await settle();
    expect(textOf(dialog().querySelector('h2'))).toBe('Submit this evidence for review?');
    button('Submit for review', dialog()).click();
    await settle();
    const update = http().expectOne((req) => req.method === 'PUT' && req.url === ApiRoutes.evidence(ID));
    expect((update.request.body as { basedOnRevision: number; narrative: string }).basedOnRevision).toBe(1);
    expect((update.request.body as { narrative: string }).narrative).toBe('More detail.');
    update.flush(draft());
    const submit = http().expectOne(ApiRoutes.evidenceSubmission(ID));
    expect(submit.request.body).toEqual({ revision: 1 });
    submit.flush(evidenceView());
    await settle();
    for (const reload of http().match(ApiRoutes.evidence(ID))) expect(reload.cancelled).toBe(true);
    expect(TestBed.inject(Router).url).toBe(`/evidence/${ID}`);
  });

  it('amends after changes were requested: shows the verdict, and saving makes the new version', async () => {
    const reviewed = evidenceView({
      status: 'changes_requested',
      revisions: [
        evidenceRevision({
          verdict: changesRequested(),
        }),
      ],
      may: { edit: false, submit: false, amend: true, review: false, comment: true, discard: false },
    });
    const withoutIndicators = { ...c1Detail(), levels: c1Detail().levels.map((level) => ({ ...level, indicators: [] })) };
    await openEdit(reviewed, withoutIndicators);
    expect(textOf(root().querySelector('h1'))).toBe('Amend the evidence');
    expect(textOf(byTestId('amend-verdict'))).toContain('Changes requested by Luca Esposito');
    expect(textOf(byTestId('amend-verdict'))).toContain('Add the ticket number.');
    // C.1 at e-2 has neither questions nor indicators of its own: its description guides the narrative
    expect(textOf(byTestId('narrative-prompt'))).toContain('This level has no questions or indicators of its own');
    expect(textOf(byTestId('level-text'))).toBe('Interprets problems and identifies solutions and possible side effects.');

    type(byTestId('evidence-narrative'), 'Ticket INC-1042.');
    byTestId('save-draft')?.click();
    const update = http().expectOne((req) => req.method === 'PUT' && req.url === ApiRoutes.evidence(ID));
    expect((update.request.body as { basedOnRevision: number }).basedOnRevision).toBe(1);
    update.flush(draft({ revision: 1, revisions: [evidenceRevision({ number: 2, submittedAt: undefined }), ...reviewed.revisions] }));
    http()
      .expectOne(ApiRoutes.evidence(ID))
      .flush(draft({ revisions: [evidenceRevision({ number: 2, submittedAt: undefined }), ...reviewed.revisions] }));
    await settle();
    expect(textOf(root().querySelector('h1'))).toBe('Edit the draft');
    expect(byTestId('amend-verdict')).toBeNull();
  });

  it('shows a 409 as a newer version to load, dropping what was typed', async () => {
    await openEdit();
    type(byTestId('evidence-title'), 'Changed here');
    byTestId('save-draft')?.click();
    http()
      .expectOne((req) => req.method === 'PUT')
      .flush(
        { title: 'Conflict', status: 409, errors: [{ field: 'basedOnRevision', message: 'is not the latest revision (2)' }] },
        { status: 409, statusText: 'Conflict' },
      );
    await settle();
    expect(textOf(byTestId('evidence-form-problem'))).toContain('This evidence was changed since you opened it.');
    button('Load the latest version').click();
    http()
      .expectOne(ApiRoutes.evidence(ID))
      .flush(
        draft({
          title: 'Changed elsewhere',
          revisions: [evidenceRevision({ number: 2, submittedAt: undefined, title: 'Changed elsewhere' })],
        }),
      );
    await settle();
    http().expectOne(ApiRoutes.competency(c1Detail().id)).flush(c1Detail());
    await settle();
    expect((byTestId('evidence-title') as HTMLInputElement).value).toBe('Changed elsewhere');
    expect(page().hasUnsavedChanges()).toBe(false);
  });

  it(
    'has no serious accessibility violations',
    async () => {
      await openNew();
      await fillIn();
      expect(await seriousA11yViolations(root())).toEqual([]);
    },
    AXE_TIMEOUT_MS,
  );
});
