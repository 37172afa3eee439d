import { Component, signal } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { provideRouter } from '@angular/router';
import { ApiRoutes, AssessmentView, AssessorRole, EmployeeCompetencyView } from '@proficio/shared/contracts';
import { ASSESSMENT_IDS, DEMO_IDS, assessmentView, en, pageOf } from '@proficio/web/people/data-access/testing';
import { AXE_TIMEOUT_MS, httpTesting, seriousA11yViolations, textOf } from '@proficio/web/shared/util/testing';
import { TestRequest } from '@angular/common/http/testing';
import { AssessmentHistory } from './assessment-history';
import { sarasSelfRecord, withdrawalRecord } from './testing';

const C1 = { id: ASSESSMENT_IDS.c1, code: 'C.1', title: en('User Support') };

@Component({
  imports: [AssessmentHistory],
  template: `<app-assessment-history
    [employeeId]="employeeId()"
    [competency]="competency()"
    [mayRate]="mayRate()"
    (correct)="corrected.push($event)"
    (withdraw)="withdrawn.push($event)"
  />`,
})
class Host {
  readonly employeeId = signal<string>(DEMO_IDS.sara);
  readonly competency = signal<EmployeeCompetencyView['competency']>(C1);
  readonly mayRate = signal<readonly AssessorRole[]>([]);
  readonly corrected: AssessmentView[] = [];
  readonly withdrawn: AssessmentView[] = [];
}

describe('AssessmentHistory', () => {
  const { http } = httpTesting({
    providers: [{ provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } }, provideRouter([])],
  });
  let fixture: ComponentFixture<Host>;

  const root = (): HTMLElement => fixture.nativeElement as HTMLElement;
  const byTestId = (id: string): HTMLElement | null => root().querySelector(`[data-testid="${id}"]`);
  const records = (): HTMLElement[] => Array.from(root().querySelectorAll<HTMLElement>('[data-testid="assessment-record"]'));
  const settle = () => fixture.whenStable();
  const expectHistory = (): TestRequest => http().expectOne((req) => req.url === ApiRoutes.employeeAssessments(DEMO_IDS.sara));

  async function render(mayRate: readonly AssessorRole[] = [], competency = C1): Promise<void> {
    fixture = TestBed.createComponent(Host);
    fixture.componentInstance.mayRate.set(mayRate);
    fixture.componentInstance.competency.set(competency);
    await settle();
  }

  it('asks for the first ten records of the competency and shows who, role, level, date, rationale and confidence, newest first', async () => {
    await render();
    expect(byTestId('history-loading')).not.toBeNull();
    const req = expectHistory();
    expect([req.request.params.get('competencyId'), req.request.params.get('page'), req.request.params.get('pageSize')]).toEqual([
      ASSESSMENT_IDS.c1,
      '1',
      '10',
    ]);
    req.flush(
      pageOf([
        sarasSelfRecord({ rationale: undefined, confidence: undefined }),
        assessmentView({ stale: true, assessedOn: '2024-11-30', rationale: 'Line one.\nLine two.' }),
      ]),
    );
    await settle();

    expect(textOf(root().querySelector('h3'))).toBe('History of C.1 User Support');
    const [self, manager] = records();
    expect(textOf(self.querySelector('.headline'))).toBe('e-3 Senior professional Self-assessment by Sara Bianchi as of February 1, 2026');
    expect(self.querySelector('[data-testid="record-rationale"]')).toBeNull();
    expect(textOf(manager.querySelector('.headline'))).toBe('e-2 Professional Manager by Luca Esposito as of November 30, 2024 Stale');
    expect(manager.querySelector('[data-testid="record-rationale"]')?.textContent).toBe('Line one.\nLine two.');
    expect(textOf(manager.querySelector('.confidence'))).toBe('Confidence: Medium');
  });

  it('shows corrections and withdrawals as such, with their reasons, and marks the records they replaced', async () => {
    await render();
    expectHistory().flush(
      pageOf([
        withdrawalRecord({ id: 'withdrawal', replaces: ASSESSMENT_IDS.correction, reason: 'Rated the wrong person.' }),
        assessmentView({
          id: ASSESSMENT_IDS.correction,
          kind: 'correction',
          level: 3,
          levelCode: 'e-3',
          levelLabel: en('Senior professional'),
          replaces: ASSESSMENT_IDS.managerRecord,
          reason: 'Typo: meant e-3.',
          replacedBy: 'withdrawal',
        }),
        assessmentView({ replacedBy: ASSESSMENT_IDS.correction }),
        assessmentView({ id: 'older', outcome: 'not_assessed', level: undefined, replacedBy: 'not-on-this-page' }),
      ]),
    );
    await settle();

    const [withdrawal, correction, corrected, older] = records();
    expect(textOf(withdrawal.querySelector('.level'))).toBe('Withdrawn');
    expect(textOf(withdrawal.querySelector('[data-testid="record-kind"]'))).toBe('Withdrawn: Rated the wrong person.');
    expect(textOf(correction.querySelector('[data-testid="record-kind"]'))).toBe('Corrected: Typo: meant e-3.');
    expect(textOf(correction.querySelector('[data-testid="record-replaced"]'))).toBe('Withdrawn later: no longer in force');
    expect(textOf(corrected.querySelector('[data-testid="record-replaced"]'))).toBe('Corrected later: replaced by the correction above');
    expect(corrected.classList).toContain('replaced');
    expect(corrected.querySelector('[data-testid="record-kind"]')).toBeNull();
    expect(textOf(older.querySelector('.level'))).toBe('Not assessed');
    expect(textOf(older.querySelector('[data-testid="record-replaced"]'))).toBe('Replaced later by a correction or withdrawal');
  });

  it('links the accepted evidence a record relied on, with the revision that was accepted when it is not the first', async () => {
    await render();
    expectHistory().flush(
      pageOf([
        assessmentView({
          evidence: [
            { id: ASSESSMENT_IDS.acceptedEvidence, revision: 1, title: 'Resolved the VPN certificate incident' },
            { id: ASSESSMENT_IDS.otherAcceptedEvidence, revision: 2, title: 'Ran the triage rota' },
          ],
        }),
        assessmentView({ id: 'without', evidence: [] }),
        assessmentView({ id: 'older' }),
      ]),
    );
    await settle();

    const [relying, empty, older] = records();
    const reliedOn = relying.querySelector('[data-testid="record-evidence"]');
    expect(textOf(reliedOn)).toBe('Relied on: Resolved the VPN certificate incident; Ran the triage rota (revision 2)');
    expect(Array.from(reliedOn?.querySelectorAll('a') ?? []).map((link) => [link.textContent?.trim(), link.getAttribute('href')])).toEqual([
      ['Resolved the VPN certificate incident', `/evidence/${ASSESSMENT_IDS.acceptedEvidence}`],
      ['Ran the triage rota', `/evidence/${ASSESSMENT_IDS.otherAcceptedEvidence}`],
    ]);
    expect(empty.querySelector('[data-testid="record-evidence"]')).toBeNull();
    expect(older.querySelector('[data-testid="record-evidence"]')).toBeNull();
  });

  it('names a competency without a code by its title alone, never with a leading space', async () => {
    await render([], { id: ASSESSMENT_IDS.c1, code: '', title: en('Manage risks') });
    expectHistory().flush(pageOf([]));
    await settle();
    expect(byTestId('history-heading')?.textContent).toBe('History of Manage risks');
    expect(byTestId('assessment-history')?.getAttribute('aria-label')).toBe('History of Manage risks');
    expect(textOf(byTestId('history-empty'))).toBe('No assessments of Manage risks yet.');
  });

  /** A chain corrected then withdrawn, a manager and a self record in force, and a manager record of SFIA's earlier version. */
  const chains = () =>
    pageOf([
      assessmentView({ id: 'withdrawal', kind: 'withdrawal', outcome: undefined, level: undefined, replaces: 'corrected', reason: 'No.' }),
      assessmentView({ id: 'corrected', kind: 'correction', replaces: 'first', reason: 'Typo.', replacedBy: 'withdrawal' }),
      assessmentView({ id: 'first', replacedBy: 'corrected' }),
      assessmentView({ id: 'manager-latest', assessedOn: '2026-01-15' }),
      assessmentView({ id: 'self-latest', role: 'self', assessor: { userId: 'u-sara', employeeId: DEMO_IDS.sara, name: 'Sara Bianchi' } }),
      assessmentView({
        id: 'earlier-version',
        competency: { id: 'c1-previous-version', code: 'C.1', title: en('User Support') },
        framework: { ...assessmentView().framework, versionLabel: '3.0' },
      }),
    ]);
  const actionsOf = () =>
    records().map((record) =>
      Array.from(record.querySelectorAll('[data-testid="record-correct"], [data-testid="record-withdraw"]')).map((button) =>
        button.getAttribute('data-testid') === 'record-correct' ? 'correct' : 'withdraw',
      ),
    );

  it.each<[string, AssessorRole[], string[][]]>([
    ['a reader who may record nothing', [], [[], [], [], [], [], []]],
    ['a manager: the latest manager records', ['manager'], [[], [], [], ['correct', 'withdraw'], [], ['withdraw']]],
    ['the person: their latest self-assessment', ['self'], [[], [], [], [], ['correct', 'withdraw'], []]],
    [
      'an administrator rating themselves: both',
      ['manager', 'self'],
      [[], [], [], ['correct', 'withdraw'], ['correct', 'withdraw'], ['withdraw']],
    ],
  ])(
    'for %s, offers Correct and Withdraw on the latest record of each chain (an earlier version only Withdraw)',
    async (_who, mayRate, actions) => {
      await render(mayRate);
      expectHistory().flush(chains());
      await settle();
      expect(actionsOf()).toEqual(actions);
    },
  );

  it('says which record each action is about, and tells the tab which one to correct or withdraw', async () => {
    await render(['manager']);
    expectHistory().flush(chains());
    await settle();
    const latest = records()[3];
    const correct = latest.querySelector<HTMLButtonElement>('[data-testid="record-correct"]');
    const withdraw = latest.querySelector<HTMLButtonElement>('[data-testid="record-withdraw"]');
    expect(textOf(correct)).toBe('Correct the manager record e-2 Professional as of January 15, 2026');
    expect(textOf(withdraw)).toBe('Withdraw the manager record e-2 Professional as of January 15, 2026');

    correct?.click();
    withdraw?.click();
    expect(fixture.componentInstance.corrected.map((record) => record.id)).toEqual(['manager-latest']);
    expect(fixture.componentInstance.withdrawn.map((record) => record.id)).toEqual(['manager-latest']);
  });

  it('says when there is nothing yet', async () => {
    await render();
    expectHistory().flush(pageOf([]));
    await settle();
    expect(textOf(byTestId('history-empty'))).toBe('No assessments of C.1 yet.');
  });

  it('pages a long history', async () => {
    await render();
    expectHistory().flush(pageOf([assessmentView()], { total: 23, pageSize: 10 }));
    await settle();
    const next = root().querySelector<HTMLButtonElement>('.mat-mdc-paginator-navigation-next');
    expect(next?.disabled).toBe(false);
    next?.click();
    await settle();
    const req = expectHistory();
    expect([req.request.params.get('page'), req.request.params.get('pageSize')]).toEqual(['2', '10']);
    req.flush(pageOf([assessmentView({ id: 'eleventh' })], { total: 23, page: 2, pageSize: 10 }));
    await settle();
    expect(records()).toHaveLength(1);
  });

  it('shows a problem and tries again', async () => {
    await render();
    expectHistory().flush({ title: 'Not found', status: 404 }, { status: 404, statusText: 'Not Found' });
    await settle();
    const error = byTestId('history-error');
    expect(textOf(error?.querySelector('h2'))).toBe('Could not load the history');
    error?.querySelector('button')?.click();
    await settle();
    expectHistory().flush(pageOf([assessmentView()]));
    await settle();
    expect(records()).toHaveLength(1);
  });

  it(
    'has no serious accessibility violations',
    async () => {
      await render(['manager']);
      expectHistory().flush(
        pageOf(
          [
            assessmentView({
              id: ASSESSMENT_IDS.correction,
              kind: 'correction',
              reason: 'Typo.',
              evidence: [{ id: ASSESSMENT_IDS.acceptedEvidence, revision: 2, title: 'Resolved the VPN certificate incident' }],
            }),
            assessmentView({ replacedBy: ASSESSMENT_IDS.correction }),
          ],
          {
            total: 30,
            pageSize: 10,
          },
        ),
      );
      await settle();
      expect(await seriousA11yViolations(root())).toEqual([]);
    },
    AXE_TIMEOUT_MS,
  );
});
