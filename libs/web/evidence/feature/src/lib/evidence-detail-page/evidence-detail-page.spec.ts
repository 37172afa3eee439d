import { TestRequest } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatDialog } from '@angular/material/dialog';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { ApiRoutes, EvidenceView, Role } from '@proficio/shared/contracts';
import { savedFiles, sessionTesting, signInAs } from '@proficio/web/auth/data-access/testing';
import {
  DEMO_IDS,
  EVIDENCE_IDS,
  c1Detail,
  changesRequested,
  evidenceRevision,
  evidenceView,
} from '@proficio/web/evidence/data-access/testing';
import { AXE_TIMEOUT_MS, seriousA11yViolations, textOf } from '@proficio/web/shared/util/testing';
import { EvidenceDetailPage } from './evidence-detail-page';

@Component({ template: '<h1>Stub</h1>' })
class Stub {}

const SARA = { id: DEMO_IDS.sara, name: 'Sara Bianchi' };
const LUCA = { id: DEMO_IDS.luca, name: 'Luca Esposito' };
const ID = EVIDENCE_IDS.evidence;

/** Sara's evidence after Luca asked for changes on version 1 and she amended and resubmitted it as version 2. */
function amended(overrides: Partial<EvidenceView> = {}): EvidenceView {
  return evidenceView({
    revision: 2,
    revisions: [
      evidenceRevision({ number: 2, narrative: 'Ticket INC-1042: rolled the driver back and checked with three users.' }),
      evidenceRevision({
        number: 1,
        submittedAt: '2026-02-01T09:00:00.000Z',
        verdict: changesRequested({ givenAt: '2026-02-02T10:00:00.000Z' }),
      }),
    ],
    comments: [
      {
        id: EVIDENCE_IDS.comment,
        author: { userId: EVIDENCE_IDS.saraUser, name: 'Sara Bianchi' },
        body: 'Added the ticket.',
        createdAt: '2026-02-03T09:00:00.000Z',
      },
    ],
    ...overrides,
  });
}

describe('EvidenceDetailPage', () => {
  const { http } = sessionTesting([
    provideRouter([
      { path: 'evidence/:id', component: EvidenceDetailPage },
      { path: 'evidence/:id/edit', component: Stub },
      { path: 'people/:id', component: Stub },
    ]),
    { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
  ]);
  const { saved } = savedFiles();
  let harness: RouterTestingHarness;

  const root = (): HTMLElement => harness.routeNativeElement as HTMLElement;
  const byTestId = (id: string, within: ParentNode = root()): HTMLElement | null => within.querySelector(`[data-testid="${id}"]`);
  const settle = () => harness.fixture.whenStable();
  const dialog = () => document.querySelector('mat-dialog-container') as HTMLElement;
  const dialogButton = (label: string) =>
    Array.from(dialog().querySelectorAll<HTMLButtonElement>('button')).find((button) => textOf(button) === label) as HTMLButtonElement;
  const expectItem = (): TestRequest => http().expectOne(ApiRoutes.evidence(ID));

  afterEach(() => TestBed.inject(MatDialog).closeAll());

  async function open(view: EvidenceView, roles: Role[], me: { id: string; name: string }): Promise<void> {
    await signInAs(http(), roles, me);
    harness = await RouterTestingHarness.create(`/evidence/${ID}`);
    expectItem().flush(view);
    await settle();
    http().expectOne(ApiRoutes.competency(c1Detail().id)).flush(c1Detail());
    await settle();
  }

  it('shows the current version with the level’s text beside what was written, earlier versions with their verdicts, and the comments', async () => {
    await open(amended(), ['employee', 'manager'], LUCA);
    expect(textOf(byTestId('evidence-title'))).toBe('Led the printer outage response');
    expect(textOf(byTestId('evidence-status'))).toBe('Waiting for review');
    expect(textOf(byTestId('evidence-claims'))).toBe('C.1 User Support at e-2 Professional');

    const current = byTestId('current-revision') as HTMLElement;
    expect(textOf(current.querySelector('h2'))).toBe('Version 2');
    expect(textOf(byTestId('revision-when', current))).toBe('Activity on February 2, 2026');
    expect(textOf(byTestId('revision-claim', current)?.querySelector('.level-text'))).toBe(
      'What e-2 Professional means Interprets problems and identifies solutions and possible side effects.',
    );
    expect(textOf(byTestId('revision-narrative', current))).toBe('Ticket INC-1042: rolled the driver back and checked with three users.');
    const link = current.querySelector<HTMLAnchorElement>('.links a');
    expect([link?.getAttribute('href'), link?.getAttribute('rel'), link?.getAttribute('target')]).toEqual([
      'https://tickets.example.test/INC-1042',
      'noopener noreferrer',
      '_blank',
    ]);

    const earlier = Array.from(root().querySelectorAll<HTMLDetailsElement>('[data-testid="earlier-revision"]'));
    expect(earlier.map((details) => [details.open, textOf(details.querySelector('summary'))])).toEqual([
      [false, 'Version 1 · submitted February 1, 2026 · Changes requested by Luca Esposito'],
    ]);
    expect(textOf(earlier[0]?.querySelector('.earlier-comment'))).toBe('Add the ticket number.');
    const comments = Array.from(root().querySelectorAll('[data-testid="evidence-comment"]'));
    expect(comments.map((comment) => [textOf(comment.querySelector('strong')), textOf(comment.querySelector('.comment-body'))])).toEqual([
      ['Sara Bianchi', 'Added the ticket.'],
    ]);
  });

  it('downloads a file through the API, named as it was uploaded', async () => {
    await open(evidenceView(), ['employee', 'manager'], LUCA);
    const download = Array.from(byTestId('current-revision')?.querySelectorAll('button') ?? []).find((button) =>
      textOf(button).startsWith('Download'),
    );
    expect(textOf(download)).toBe('Download incident-report.pdf');
    download?.click();
    const request = http().expectOne(ApiRoutes.evidenceFile(ID, EVIDENCE_IDS.pdf));
    expect(request.request.responseType).toBe('blob');
    request.flush(new Blob(['%PDF-1.4']));
    await settle();
    expect(saved().map((file) => file.name)).toEqual(['incident-report.pdf']);
  });

  it('lets a reviewer request changes only with a comment, confirmed in a dialog, and reloads with the verdict', async () => {
    await open(evidenceView(), ['employee', 'manager'], LUCA);
    byTestId('verdict-changes')?.click();
    await settle();
    expect(textOf(dialog().querySelector('h2'))).toBe('Request changes?');
    dialogButton('Request changes').click();
    await settle();
    expect(textOf(dialog().querySelector('mat-error'))).toBe('Say what should change');
    http().expectNone(ApiRoutes.evidenceVerdicts(ID));

    const comment = dialog().querySelector('textarea') as HTMLTextAreaElement;
    comment.value = 'Add the ticket number.';
    comment.dispatchEvent(new Event('input'));
    dialogButton('Request changes').click();
    const verdict = http().expectOne(ApiRoutes.evidenceVerdicts(ID));
    expect(verdict.request.body).toEqual({ revision: 1, verdict: 'changes_requested', comment: 'Add the ticket number.' });
    verdict.flush(evidenceView({ status: 'changes_requested' }));
    expectItem().flush(
      evidenceView({
        status: 'changes_requested',
        may: { edit: false, submit: false, amend: false, review: false, comment: true, discard: false },
        revisions: [
          evidenceRevision({
            verdict: changesRequested(),
          }),
        ],
      }),
    );
    await settle();
    expect(textOf(byTestId('current-verdict'))).toMatch(/^Changes requested by Luca Esposito on .* Add the ticket number\.$/);
    expect(byTestId('verdict-accept')).toBeNull();
    expect(textOf(byTestId('evidence-status-message'))).toBe('Verdict saved: Changes requested.');
  });

  it('lets a reviewer accept without a comment', async () => {
    await open(evidenceView(), ['employee', 'manager'], LUCA);
    byTestId('verdict-accept')?.click();
    await settle();
    dialogButton('Accept').click();
    const verdict = http().expectOne(ApiRoutes.evidenceVerdicts(ID));
    expect(verdict.request.body).toEqual({ revision: 1, verdict: 'accepted' });
    verdict.flush(evidenceView({ status: 'accepted' }));
    expectItem().flush(evidenceView({ status: 'accepted' }));
    await settle();
    expect(textOf(byTestId('evidence-status'))).toBe('Accepted');
  });

  it('offers the author Amend after changes were requested, and nothing to review', async () => {
    await open(
      evidenceView({
        status: 'changes_requested',
        may: { edit: false, submit: false, amend: true, review: false, comment: true, discard: false },
      }),
      ['employee'],
      SARA,
    );
    expect(byTestId('verdict-accept')).toBeNull();
    expect(byTestId('amend-evidence')?.getAttribute('href')).toBe(`/evidence/${ID}/edit`);
  });

  it('asks before discarding a draft that was never submitted, then goes to the person’s evidence', async () => {
    const draft = evidenceView({
      status: 'draft',
      revisions: [evidenceRevision({ submittedAt: undefined })],
      may: { edit: true, submit: true, amend: false, review: false, comment: false, discard: true },
    });
    await open(draft, ['employee'], SARA);
    expect(textOf(byTestId('current-revision')?.querySelector('h2'))).toBe('Draft');
    byTestId('discard-evidence')?.click();
    await settle();
    expect(textOf(dialog().querySelector('h2'))).toBe('Discard this draft?');
    dialogButton('Discard the draft').click();
    await settle();
    http()
      .expectOne((req) => req.method === 'DELETE' && req.url === ApiRoutes.evidence(ID))
      .flush(null);
    await settle();
    // the item's reload is cancelled as the page goes
    for (const reload of http().match(ApiRoutes.evidence(ID))) expect(reload.cancelled).toBe(true);
    expect(TestBed.inject(Router).url).toBe(`/people/${DEMO_IDS.sara}?tab=evidence`);
  });

  it('submits a draft after a confirmation, with the revision read', async () => {
    const draft = evidenceView({
      status: 'draft',
      revisions: [evidenceRevision({ submittedAt: undefined })],
      may: { edit: true, submit: true, amend: false, review: false, comment: false, discard: true },
    });
    await open(draft, ['employee'], SARA);
    byTestId('submit-evidence')?.click();
    await settle();
    dialogButton('Submit for review').click();
    await settle();
    const submit = http().expectOne(ApiRoutes.evidenceSubmission(ID));
    expect(submit.request.body).toEqual({ revision: 1 });
    submit.flush(evidenceView());
    expectItem().flush(evidenceView({ may: { edit: false, submit: false, amend: false, review: false, comment: true, discard: false } }));
    await settle();
    expect(textOf(byTestId('evidence-status'))).toBe('Waiting for review');
    expect(textOf(byTestId('evidence-status-message'))).toBe('Evidence submitted for review.');
  });

  it('adds a comment, which must not be empty', async () => {
    await open(evidenceView(), ['employee', 'manager'], LUCA);
    const form = byTestId('evidence-comments')?.querySelector('form') as HTMLFormElement;
    (byTestId('comment-send') as HTMLButtonElement).click();
    await settle();
    expect(textOf(form.querySelector('mat-error'))).toBe('Write the comment first');
    const body = byTestId('comment-body') as HTMLTextAreaElement;
    body.value = 'Thanks, looks good so far.';
    body.dispatchEvent(new Event('input'));
    (byTestId('comment-send') as HTMLButtonElement).click();
    const comment = http().expectOne(ApiRoutes.evidenceComments(ID));
    expect(comment.request.body).toEqual({ body: 'Thanks, looks good so far.' });
    comment.flush(evidenceView());
    expectItem().flush(evidenceView());
    await settle();
    expect(body.value).toBe('');
  });

  it('says so when the evidence is not there for the caller', async () => {
    await signInAs(http(), ['employee'], SARA);
    harness = await RouterTestingHarness.create(`/evidence/${ID}`);
    expectItem().flush({ title: 'Not Found', status: 404 }, { status: 404, statusText: 'Not Found' });
    await settle();
    expect(textOf(byTestId('evidence-error')?.querySelector('h1'))).toBe('Evidence not found');
  });

  it(
    'has no serious accessibility violations',
    async () => {
      await open(amended(), ['employee', 'manager'], LUCA);
      expect(await seriousA11yViolations(root())).toEqual([]);
    },
    AXE_TIMEOUT_MS,
  );
});
