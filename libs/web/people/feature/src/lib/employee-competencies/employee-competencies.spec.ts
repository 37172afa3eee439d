import { TestRequest } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatDialog } from '@angular/material/dialog';
import { provideRouter } from '@angular/router';
import { ApiRoutes, EmployeeCompetencies as EmployeeCompetenciesView, EvidenceSummary } from '@proficio/shared/contracts';
import {
  ASSESSMENT_IDS,
  SAVED_MANAGER_E3,
  DEMO_IDS,
  acceptedEvidenceSummary,
  assessmentView,
  c1Detail,
  competencyRow,
  employeeCompetencies,
  employeeProgression,
  en,
  pageOf,
} from '@proficio/web/people/data-access/testing';
import { AXE_TIMEOUT_MS, httpTesting, seriousA11yViolations, textOf } from '@proficio/web/shared/util/testing';
import { EmployeeCompetencies } from './employee-competencies';
import { withdrawalRecord } from './testing';

const SARA = { id: DEMO_IDS.sara, name: 'Sara Bianchi' };

/** C.4 Problem Management: not rated by anyone yet, no target of the role profile, only assessed before. */
const c4Row = () =>
  competencyRow({
    competency: { id: ASSESSMENT_IDS.c4, code: 'C.4', title: en('Problem Management') },
    levels: [
      { level: 2, code: 'e-2', label: en('Professional') },
      { level: 3, code: 'e-3', label: en('Senior professional') },
      { level: 4, code: 'e-4', label: en('Lead professional') },
    ],
    manager: undefined,
    self: undefined,
    target: undefined,
    gap: undefined,
  });

describe('EmployeeCompetencies', () => {
  const { http } = httpTesting({
    providers: [{ provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } }, provideRouter([])],
  });
  let fixture: ComponentFixture<EmployeeCompetencies>;

  const root = (): HTMLElement => fixture.nativeElement as HTMLElement;
  const byTestId = (id: string, within: ParentNode = root()): HTMLElement | null => within.querySelector(`[data-testid="${id}"]`);
  const allByTestId = (id: string): HTMLElement[] => Array.from(root().querySelectorAll<HTMLElement>(`[data-testid="${id}"]`));
  const rows = (): HTMLElement[] => allByTestId('competency-row');
  const row = (code: string): HTMLElement => rows().find((element) => element.dataset['code'] === code) as HTMLElement;
  const settle = () => fixture.whenStable();
  const expectCompetencies = (): TestRequest => http().expectOne(ApiRoutes.employeeCompetencies(DEMO_IDS.sara));
  const isProgression = (req: { url: string }) => req.url === ApiRoutes.employeeProgression(DEMO_IDS.sara);
  const isEvidence = (req: { url: string }) => req.url === ApiRoutes.evidenceList;

  async function render(body?: EmployeeCompetenciesView): Promise<void> {
    fixture = TestBed.createComponent(EmployeeCompetencies);
    fixture.componentRef.setInput('employee', SARA);
    await settle();
    if (body) {
      expectCompetencies().flush(body);
      await settle();
    }
  }

  afterEach(() => TestBed.inject(MatDialog).closeAll());

  it('shows a labelled progress indicator while loading', async () => {
    await render();
    expect(byTestId('competencies-loading')?.querySelector('[role="progressbar"]')?.getAttribute('aria-label')).toBe(
      'Loading the competencies',
    );
    expectCompetencies().flush(employeeCompetencies());
  });

  it('lists each competency with its framework, manager and self levels with dates, the target with its role profile, and the gap', async () => {
    await render(employeeCompetencies({ items: [competencyRow(), c4Row()] }));

    expect(rows().map((element) => element.dataset['code'])).toEqual(['C.1', 'C.4']);
    const c1 = row('C.1');
    expect(textOf(c1.querySelector('th'))).toBe('C.1 User Support e-CF 4.0');
    expect(textOf(byTestId('manager-level', c1))).toBe('e-2 Professional as of February 10, 2026');
    expect(textOf(byTestId('self-level', c1))).toBe('e-3 Senior professional as of February 1, 2026');
    expect(textOf(byTestId('target-level', c1))).toBe('e-3 for Service Desk Analyst');
    expect(textOf(byTestId('gap', c1))).toBe('1 level below target');
    expect(byTestId('disagreement-flag', c1)).toBeNull();

    const c4 = row('C.4');
    expect(textOf(byTestId('manager-level', c4))).toBe('Not rated');
    expect(textOf(byTestId('self-level', c4))).toBe('Not rated');
    expect(textOf(byTestId('target-level', c4))).toBe('No target');
    expect(textOf(byTestId('gap', c4))).toBe('None to tell');
    expect(textOf(root().querySelector('.legend'))).toContain('Levels from more than 12 months ago are marked “Stale”.');
  });

  it('marks stale and earlier-version levels in words, flags self and manager two levels apart, and words the other answers', async () => {
    const c1 = competencyRow({
      manager: {
        outcome: 'rated',
        level: 1,
        levelCode: 'e-1',
        assessmentId: ASSESSMENT_IDS.managerRecord,
        assessedOn: '2024-05-02',
        stale: true,
        fromEarlierVersion: true,
      },
      gap: 2,
      disagreement: true,
      growthTarget: { level: 3, code: 'e-3', roleProfile: { id: ASSESSMENT_IDS.teamLeadProfile, name: 'Service Desk Team Lead' } },
    });
    const c4 = {
      ...c4Row(),
      manager: { outcome: 'not_applicable' as const, assessmentId: 'm', assessedOn: '2026-01-05', stale: false, fromEarlierVersion: false },
      self: { outcome: 'not_assessed' as const, assessmentId: 's', assessedOn: '2026-01-06', stale: false, fromEarlierVersion: false },
      target: {
        level: 2,
        code: 'e-2',
        required: false,
        roleProfile: { id: ASSESSMENT_IDS.serviceDeskProfile, name: 'Service Desk Analyst' },
      },
      gap: -1,
    };
    await render(employeeCompetencies({ items: [c1, c4] }));

    expect(textOf(byTestId('manager-level', row('C.1')))).toBe(
      'e-1 Associate as of May 2, 2024 Stale From an earlier version: rate again to confirm',
    );
    expect(textOf(byTestId('disagreement-flag', row('C.1')))).toBe('⚑ Self and manager 2 or more levels apart');
    expect(textOf(byTestId('gap', row('C.1')))).toBe('2 levels below target');
    expect(textOf(byTestId('target-level', row('C.1')))).toBe('e-3 for Service Desk Analyst Next role: e-3 for Service Desk Team Lead');

    expect(textOf(byTestId('manager-level', row('C.4')))).toBe('Not applicable as of January 5, 2026');
    expect(textOf(byTestId('self-level', row('C.4')))).toBe('Not assessed as of January 6, 2026');
    expect(textOf(byTestId('target-level', row('C.4')))).toBe('e-2 for Service Desk Analyst (nice to have)');
    expect(textOf(byTestId('gap', row('C.4')))).toBe('1 level above target');
  });

  it('says what to do when the person has no competencies yet', async () => {
    await render(employeeCompetencies({ items: [] }));
    expect(textOf(byTestId('competencies-empty'))).toBe('No competencies yet: give the person a role profile, or rate a competency.');
    expect(byTestId('competencies-table')).toBeNull();
  });

  it('shows what the API said went wrong, and tries again', async () => {
    await render();
    expectCompetencies().flush(
      { title: 'Not Found', status: 404, detail: 'No employee you may see has this id.' },
      { status: 404, statusText: 'Not Found' },
    );
    await settle();
    const error = byTestId('competencies-error');
    expect(error?.getAttribute('role')).toBe('alert');
    expect(textOf(error)).toContain('Not Found: No employee you may see has this id.');
    error?.querySelector('button')?.click();
    await settle();
    expectCompetencies().flush(employeeCompetencies());
    await settle();
    expect(rows()).toHaveLength(1);
  });

  it.each([
    [[], 0],
    [['manager'], 2],
    [['self'], 2],
  ] as const)('with mayRate %j shows %i Rate buttons', async (mayRate, count) => {
    await render(employeeCompetencies({ mayRate: [...mayRate], items: [competencyRow(), c4Row()] }));
    expect(allByTestId('rate-competency')).toHaveLength(count);
    expect(allByTestId('history-toggle')).toHaveLength(2);
    if (count) expect(textOf(byTestId('rate-competency', row('C.4')))).toBe('Rate C.4 Problem Management');
  });

  it('names a competency without a code by its title alone to screen readers, never with a leading space', async () => {
    const codeless = competencyRow({ competency: { id: ASSESSMENT_IDS.c4, code: '', title: en('Manage risks') } });
    await render(employeeCompetencies({ items: [codeless] }));
    const [only] = rows();
    const hidden = (id: string) => only.querySelector(`[data-testid="${id}"] .visually-hidden`)?.textContent?.replace(/\s+/g, ' ');
    expect([hidden('rate-competency'), hidden('history-toggle'), hidden('progression-show')]).toEqual([
      ' Manage risks',
      ' of Manage risks',
      ' of Manage risks',
    ]);
  });

  it('opens and closes the history of a competency', async () => {
    await render(employeeCompetencies());
    const toggle = byTestId('history-toggle', row('C.1')) as HTMLButtonElement;
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    toggle.click();
    await settle();

    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const history = http().expectOne((req) => req.url === ApiRoutes.employeeAssessments(DEMO_IDS.sara));
    expect(history.request.params.get('competencyId')).toBe(ASSESSMENT_IDS.c1);
    history.flush(pageOf([assessmentView()]));
    await settle();
    const panel = document.getElementById(toggle.getAttribute('aria-controls') ?? '');
    expect(panel).not.toBeNull();
    expect(textOf(byTestId('assessment-record', panel ?? root()))).toContain('e-2 Professional Manager by Luca Esposito');

    toggle.click();
    await settle();
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(byTestId('assessment-history')).toBeNull();
  });

  it("shows the progression charts only when asked: a row's Progression shows its chart large and moves the focus to it", async () => {
    await render(employeeCompetencies({ items: [competencyRow(), c4Row()] }));
    const toggle = byTestId('progression-toggle') as HTMLButtonElement;
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(byTestId('employee-progression')).toBeNull();
    http().expectNone(isProgression);
    expect(textOf(byTestId('progression-show', row('C.4')))).toBe('Progression of C.4 Problem Management');

    byTestId('progression-show', row('C.1'))?.click();
    await settle();
    http().expectOne(isProgression).flush(employeeProgression());
    await settle();

    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const detail = byTestId('progression-detail') as HTMLElement;
    expect(textOf(detail.querySelector('h3'))).toBe('C.1 User Support');
    expect(document.activeElement).toBe(detail.querySelector('h3'));
    expect(textOf(detail.querySelector('figcaption'))).toContain('Manager: e-2 since February 10, 2026');
    expect(detail.querySelectorAll('[data-testid="progression-row"]')).toHaveLength(4);
    expect(allByTestId('progression-tile')).toHaveLength(2);

    toggle.click();
    await settle();
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(byTestId('employee-progression')).toBeNull();
  });

  /**
   * Answers the rate panel's requests (C.1's levels, the person's accepted evidence of it), and returns the panel
   * and its request for evidence.
   */
  async function answerRatePanel(evidence: EvidenceSummary[]): Promise<{ dialog: HTMLElement; evidence: TestRequest }> {
    http().expectOne(ApiRoutes.competency(ASSESSMENT_IDS.c1)).flush(c1Detail());
    const request = http().expectOne(isEvidence);
    request.flush(pageOf(evidence));
    await settle();
    return { dialog: document.querySelector('mat-dialog-container') as HTMLElement, evidence: request };
  }

  /** In the rate panel: chooses `level`, writes `text` in the panel's text field `field`, saves, and returns the record sent. */
  async function rateInPanel(dialog: HTMLElement, level: number, field: string, text: string): Promise<TestRequest> {
    dialog.querySelector<HTMLInputElement>(`[data-level="${level}"] input[type="radio"]`)?.click();
    const textField = dialog.querySelector(field) as HTMLTextAreaElement;
    textField.value = text;
    textField.dispatchEvent(new Event('input'));
    await settle();
    dialog.querySelector<HTMLButtonElement>('[data-testid="rate-save"]')?.click();
    await settle();
    return http().expectOne(ApiRoutes.assessments);
  }

  it('rates a competency in the panel, then shows the reloaded levels and says it was saved', async () => {
    await render(employeeCompetencies());
    byTestId('rate-competency', row('C.1'))?.click();
    await settle();
    const { dialog, evidence } = await answerRatePanel([acceptedEvidenceSummary()]);
    expect([evidence.request.params.get('employeeId'), evidence.request.params.get('competencyId')]).toEqual([
      DEMO_IDS.sara,
      ASSESSMENT_IDS.c1,
    ]);

    expect(textOf(dialog.querySelector('h2'))).toBe('Rate C.1 User Support');
    dialog.querySelector<HTMLInputElement>('[data-testid="rate-evidence-item"] input[type="checkbox"]')?.click();
    const save = await rateInPanel(dialog, 3, 'textarea', 'Runs the desk rota.');
    expect(save.request.body).toMatchObject({
      role: 'manager',
      level: 3,
      basedOn: ASSESSMENT_IDS.managerRecord,
      evidence: [ASSESSMENT_IDS.acceptedEvidence],
    });
    save.flush(assessmentView({ id: ASSESSMENT_IDS.savedRecord, level: 3, levelCode: 'e-3', levelLabel: en('Senior professional') }));
    await settle();

    const reloaded = competencyRow({
      manager: SAVED_MANAGER_E3,
      gap: 0,
    });
    expectCompetencies().flush(employeeCompetencies({ items: [reloaded] }));
    await settle();
    expect(document.querySelector('mat-dialog-container')).toBeNull();
    expect(textOf(byTestId('manager-level', row('C.1')))).toContain('e-3 Senior professional');
    expect(textOf(byTestId('gap', row('C.1')))).toBe('On target');
    expect(textOf(byTestId('competencies-status'))).toBe('Saved: C.1 User Support, manager e-3 Senior professional.');
  });

  /** Opens C.1's history as its manager sees it: his e-2, the latest of its chain. */
  async function openHistory(): Promise<HTMLElement> {
    byTestId('history-toggle', row('C.1'))?.click();
    await settle();
    http()
      .expectOne((req) => req.url === ApiRoutes.employeeAssessments(DEMO_IDS.sara))
      .flush(pageOf([assessmentView()]));
    await settle();
    return byTestId('assessment-history') as HTMLElement;
  }

  it('corrects a record from its history in the prefilled panel with a reason, then shows the correction and moves the focus to the history', async () => {
    await render(employeeCompetencies());
    const history = await openHistory();
    byTestId('record-correct', history)?.click();
    await settle();
    const { dialog } = await answerRatePanel([]);

    expect(textOf(dialog.querySelector('h2'))).toBe('Correct the manager assessment of C.1 User Support');
    const save = await rateInPanel(dialog, 1, '[data-testid="rate-reason"]', 'Rated the wrong person.');
    expect(save.request.body).toMatchObject({
      role: 'manager',
      level: 1,
      replaces: ASSESSMENT_IDS.managerRecord,
      reason: 'Rated the wrong person.',
      basedOn: ASSESSMENT_IDS.managerRecord,
    });
    const correction = assessmentView({
      id: ASSESSMENT_IDS.correction,
      kind: 'correction',
      level: 1,
      levelCode: 'e-1',
      levelLabel: en('Associate'),
      replaces: ASSESSMENT_IDS.managerRecord,
      reason: 'Rated the wrong person.',
    });
    save.flush(correction);
    await settle();

    // the tab and the history load again: the correction is in force and shown as such
    expectCompetencies().flush(employeeCompetencies());
    http()
      .expectOne((req) => req.url === ApiRoutes.employeeAssessments(DEMO_IDS.sara))
      .flush(pageOf([correction, assessmentView({ replacedBy: ASSESSMENT_IDS.correction })]));
    await settle();
    expect(document.querySelector('mat-dialog-container')).toBeNull();
    expect(textOf(byTestId('competencies-status'))).toBe('Corrected: C.1 User Support, manager e-1 Associate.');
    const [first, second] = Array.from(history.querySelectorAll<HTMLElement>('[data-testid="assessment-record"]'));
    expect(textOf(byTestId('record-kind', first))).toBe('Corrected: Rated the wrong person.');
    expect(byTestId('record-correct', second)).toBeNull();
    expect(document.activeElement).toBe(byTestId('history-heading', history));
  });

  it('withdraws a record from its history after asking why, and says so', async () => {
    await render(employeeCompetencies());
    const history = await openHistory();
    byTestId('record-withdraw', history)?.click();
    await settle();

    const dialog = document.querySelector('mat-dialog-container') as HTMLElement;
    expect(textOf(dialog.querySelector('h2'))).toBe('Withdraw this manager assessment?');
    const reason = dialog.querySelector('[data-testid="withdraw-reason"]') as HTMLTextAreaElement;
    reason.value = 'Rated the wrong person.';
    reason.dispatchEvent(new Event('input'));
    await settle();
    dialog.querySelector<HTMLButtonElement>('[data-testid="withdraw-save"]')?.click();
    await settle();

    const save = http().expectOne(ApiRoutes.assessments);
    expect(save.request.body).toMatchObject({ withdraw: true, replaces: ASSESSMENT_IDS.managerRecord, reason: 'Rated the wrong person.' });
    save.flush(withdrawalRecord({ id: 'withdrawal' }));
    await settle();
    expectCompetencies().flush(employeeCompetencies({ items: [competencyRow({ manager: undefined, gap: undefined })] }));
    http()
      .expectOne((req) => req.url === ApiRoutes.employeeAssessments(DEMO_IDS.sara))
      .flush(pageOf([]));
    await settle();
    expect(document.querySelector('mat-dialog-container')).toBeNull();
    expect(textOf(byTestId('manager-level', row('C.1')))).toBe('Not rated');
    expect(textOf(byTestId('competencies-status'))).toBe('Withdrawn: C.1 User Support, manager record.');
  });

  it('offers no Correct or Withdraw to someone who may not record', async () => {
    await render(employeeCompetencies({ mayRate: [] }));
    const history = await openHistory();
    expect(byTestId('record-correct', history)).toBeNull();
    expect(byTestId('record-withdraw', history)).toBeNull();
  });

  it(
    'has no serious accessibility violations, with a history open',
    async () => {
      await render(employeeCompetencies({ items: [competencyRow({ disagreement: true }), c4Row()] }));
      await openHistory();
      expect(await seriousA11yViolations(root())).toEqual([]);
    },
    AXE_TIMEOUT_MS,
  );

  it(
    'has no serious accessibility violations, with the progression open',
    async () => {
      await render(employeeCompetencies({ items: [competencyRow(), c4Row()] }));
      byTestId('progression-show', row('C.1'))?.click();
      await settle();
      http().expectOne(isProgression).flush(employeeProgression());
      await settle();
      expect(await seriousA11yViolations(root())).toEqual([]);
    },
    AXE_TIMEOUT_MS,
  );
});
