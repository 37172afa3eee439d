import { TestBed } from '@angular/core/testing';
import { MAT_DATE_LOCALE, MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatDialog, MatDialogRef } from '@angular/material/dialog';
import { provideRouter } from '@angular/router';
import { ApiRoutes, AssessmentView, CompetencyDetail, EvidenceSummary } from '@proficio/shared/contracts';
import {
  ASSESSMENT_IDS,
  DEMO_IDS,
  expectAssessmentRecord,
  acceptedEvidenceSummary,
  assessmentView,
  c1Detail,
  competencyRow,
  en,
  pageOf,
} from '@proficio/web/people/data-access/testing';
import { localToday, toIsoDate } from '@proficio/web/shared/util/date-input';
import { AXE_TIMEOUT_MS, httpTesting, openDialog, seriousA11yViolations, textOf } from '@proficio/web/shared/util/testing';
import { firstValueFrom } from 'rxjs';
import { RateCompetencyData, RateCompetencyDialog } from './rate-competency-dialog';
import { answerNewerRecord, expectClosedWithoutRecord, expectStillOpen, marcosNewerRecord, refuseRecord, sarasSelfRecord } from './testing';

const SARA = { id: DEMO_IDS.sara, name: 'Sara Bianchi' };
const TODAY = toIsoDate(localToday());

describe('RateCompetencyDialog', () => {
  const { http } = httpTesting({
    providers: [{ provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } }, provideRouter([])],
  });
  let ref: MatDialogRef<RateCompetencyDialog, AssessmentView>;
  let closed: Promise<AssessmentView | undefined>;

  const { element: dialog, byTestId, settle } = openDialog;
  const options = (): HTMLElement[] => Array.from(dialog().querySelectorAll<HTMLElement>('.level-option'));
  const option = (level: string): HTMLElement | undefined => options().find((element) => element.dataset['level'] === level);

  const expectEvidence = () => http().expectOne((req) => req.url === ApiRoutes.evidenceList);

  /**
   * Opens the panel and answers its requests: the competency's levels, and (when it may rate as
   * manager) the person's accepted evidence of it, none unless given; null leaves a request unanswered.
   */
  async function open(
    data: Partial<RateCompetencyData> = {},
    detail: CompetencyDetail | null = c1Detail(),
    evidence: EvidenceSummary[] | null = [],
  ): Promise<void> {
    ref = TestBed.inject(MatDialog).open<RateCompetencyDialog, RateCompetencyData, AssessmentView>(RateCompetencyDialog, {
      data: { employee: SARA, row: competencyRow(), mayRate: ['manager'], ...data },
    });
    closed = firstValueFrom(ref.afterClosed());
    TestBed.tick();
    const competencyId = (data.row ?? competencyRow()).competency.id;
    if (detail) http().expectOne(ApiRoutes.competency(competencyId)).flush(detail);
    const asManager = (data.correcting ? [data.correcting.role] : (data.mayRate ?? ['manager'])).includes('manager');
    if (asManager && evidence) expectEvidence().flush(pageOf(evidence));
    await settle();
  }

  async function choose(level: string): Promise<void> {
    option(level)?.querySelector<HTMLInputElement>('input[type="radio"]')?.click();
    await settle();
  }

  const typeRationale = (text: string) => openDialog.type('rate-rationale', text);

  const typeReason = (text: string) => openDialog.type('rate-reason', text);

  const submit = () => openDialog.click('rate-save');

  /** Rates as the user would: chooses `level`, gives `rationale` and saves. */
  async function rate(level: string, rationale: string): Promise<void> {
    await choose(level);
    await typeRationale(rationale);
    await submit();
  }

  const expectRecord = () => expectAssessmentRecord(http());

  /** The record the dialog sends about Sara's C.1, with `answer` (role, outcome, level, date and the rest). */
  const saraOnC1 = (answer: object) => ({
    employeeId: DEMO_IDS.sara,
    competencyId: ASSESSMENT_IDS.c1,
    ...answer,
  });

  afterEach(() => TestBed.inject(MatDialog).closeAll());

  it("shows every level with its code, label, description and behaviour indicators, the other answers, and marks today's levels", async () => {
    await open();

    expect(textOf(dialog().querySelector('h2'))).toBe('Rate C.1 User Support');
    expect(options().map((element) => element.dataset['level'])).toEqual(['1', '2', '3', 'not_assessed', 'not_applicable']);
    const level2 = option('2');
    expect(textOf(level2?.querySelector('mat-radio-button'))).toBe('e-2 Professional Current manager level');
    expect(textOf(level2?.querySelector('.level-meaning app-formatted-text'))).toBe(
      'Interprets problems and identifies solutions and possible side effects.',
    );
    expect(textOf(level2?.querySelector('.indicators-label'))).toBe('Behaviour indicators');
    expect(Array.from(level2?.querySelectorAll('.indicators li') ?? []).map(textOf)).toEqual([
      'Diagnoses common faults',
      'Explains fixes to users',
    ]);
    expect(textOf(option('3')?.querySelector('mat-radio-button'))).toBe('e-3 Senior professional Current self-assessment');
    // the radio is described by what the level means, so a screen reader reads it when the level gets focus
    const radio = level2?.querySelector('input[type="radio"]');
    expect(radio?.getAttribute('aria-describedby')).toBe(level2?.querySelector('.level-meaning')?.id);
    expect(textOf(option('not_assessed'))).toBe('Not assessed');
    expect(textOf(option('not_applicable'))).toBe('Not applicable');
    expect(textOf(byTestId('current-manager'))).toBe('Manager level now: e-2 Professional');
  });

  it("requires a manager's rationale and a level, and sends nothing until they are given", async () => {
    await open();
    await submit();
    http().expectNone(ApiRoutes.assessments);
    expect(textOf(byTestId('rate-level-error'))).toBe('Choose a level, or say it is not assessed or not applicable');
    expect(textOf(dialog().querySelector('mat-error'))).toBe("Say why: a manager's assessment needs a rationale");

    await rate('3', '   ');
    http().expectNone(ApiRoutes.assessments);
    expect(byTestId('rate-level-error')).toBeNull();
  });

  it('sends the chosen level with the rationale, date and confidence, based on the manager record the tab showed, and closes with it', async () => {
    await open();
    await rate('3', '  Runs the desk rota and owns the service levels.  ');

    const record = expectRecord();
    expect(record.body).toEqual(
      saraOnC1({
        role: 'manager',
        outcome: 'rated',
        level: 3,
        assessedOn: TODAY,
        rationale: 'Runs the desk rota and owns the service levels.',
        basedOn: ASSESSMENT_IDS.managerRecord,
      }),
    );
    const saved = assessmentView({ id: ASSESSMENT_IDS.savedRecord, level: 3, levelCode: 'e-3' });
    record.flush(saved);
    await expect(closed).resolves.toEqual(saved);
  });

  it.each([
    ['en-GB', 'DD/MM/YYYY', '2026-02-01'],
    ['en-US', 'MM/DD/YYYY', '2026-01-02'],
  ])('in %s, hints %s and reads a typed date of 01/02/2026 that way, sending %s', async (locale, pattern, sent) => {
    TestBed.configureTestingModule({ providers: [{ provide: MAT_DATE_LOCALE, useValue: locale }] });
    await open();
    expect(textOf(byTestId('rate-date')?.closest('mat-form-field')?.querySelector('mat-hint'))).toBe(`${pattern}, not in the future`);
    await choose('3');
    await typeRationale('Runs the desk rota.');
    const date = byTestId('rate-date') as HTMLInputElement;
    date.value = '01/02/2026';
    date.dispatchEvent(new Event('input'));
    await submit();

    const record = expectRecord();
    expect(record.body.assessedOn).toBe(sent);
    record.flush(assessmentView({ id: ASSESSMENT_IDS.savedRecord, level: 3, levelCode: 'e-3' }));
  });

  it('says how to write a date it cannot read', async () => {
    TestBed.configureTestingModule({ providers: [{ provide: MAT_DATE_LOCALE, useValue: 'en-GB' }] });
    await open();
    const date = byTestId('rate-date') as HTMLInputElement;
    date.value = '2/31/2026';
    date.dispatchEvent(new Event('input'));
    await submit();
    http().expectNone(ApiRoutes.assessments);
    expect(textOf(date.closest('mat-form-field')?.querySelector('mat-error'))).toBe('Enter a date as DD/MM/YYYY');
  });

  it('records "not applicable" without a level, and a self-assessment without a rationale, based on the self record', async () => {
    await open({ mayRate: ['self'] });
    expect(textOf(dialog().querySelector('h2'))).toBe('Rate yourself on C.1 User Support');
    expect(byTestId('rate-role')).toBeNull();
    await choose('not_applicable');
    await submit();

    const record = expectRecord();
    expect(record.body).toEqual(
      saraOnC1({
        role: 'self',
        outcome: 'not_applicable',
        assessedOn: TODAY,
        basedOn: ASSESSMENT_IDS.selfRecord,
      }),
    );
    record.flush(assessmentView({ role: 'self', outcome: 'not_applicable', level: undefined }));
    await expect(closed).resolves.toMatchObject({ role: 'self' });
  });

  it('sends basedOn null when the tab showed no record of that role', async () => {
    await open({ row: competencyRow({ manager: undefined, self: undefined }) });
    await rate('1', 'First look.');
    const record = expectRecord();
    expect(record.body.basedOn).toBeNull();
    record.flush(assessmentView());
  });

  it('lets someone who may rate in both roles choose, with the rationale required only as manager', async () => {
    await open({ mayRate: ['manager', 'self'] });
    const roles = Array.from(byTestId('rate-role')?.querySelectorAll('mat-radio-button') ?? []).map(textOf);
    expect(roles).toEqual(['Manager', 'Myself (self-assessment)']);
    byTestId('rate-role')?.querySelectorAll<HTMLInputElement>('input[type="radio"]')[1]?.click();
    await settle();
    await choose('2');
    await submit();

    const record = expectRecord();
    expect([record.body.role, record.body.basedOn, record.body.rationale]).toEqual(['self', ASSESSMENT_IDS.selfRecord, undefined]);
    record.flush(assessmentView({ role: 'self' }));
  });

  it('sets the confidence when one is chosen', async () => {
    await open();
    byTestId('rate-confidence')?.click();
    await settle();
    const high = Array.from(document.querySelectorAll<HTMLElement>('mat-option')).find((element) => textOf(element) === 'High');
    high?.click();
    await settle();
    await rate('2', 'Steady.');
    const record = expectRecord();
    expect(record.body.confidence).toBe('high');
    record.flush(assessmentView());
  });

  it('on a 409 shows the newer record, and saves the same choice again based on it when asked', async () => {
    await open();
    await rate('3', 'Ready for more.');

    await answerNewerRecord(
      http(),
      marcosNewerRecord({ id: ASSESSMENT_IDS.newerRecord, assessedOn: '2026-03-02', rationale: 'Struggled with the new tools.' }),
    );

    const conflict = byTestId('rate-conflict');
    expect(conflict?.getAttribute('role')).toBe('alert');
    expect(textOf(conflict?.querySelector('h3'))).toBe('Someone saved a newer assessment since you opened this');
    expect(textOf(byTestId('rate-conflict-record'))).toBe('Marco Rossi recorded e-1 Associate (Manager) as of March 2, 2026.');
    expect(textOf(conflict)).toContain('“Struggled with the new tools.”');
    expect((byTestId('rate-save') as HTMLButtonElement).disabled).toBe(true);

    byTestId('rate-conflict-save')?.click();
    await settle();
    const again = expectRecord();
    expect(again.body).toMatchObject({ level: 3, rationale: 'Ready for more.', basedOn: ASSESSMENT_IDS.newerRecord });
    again.flush(assessmentView({ id: ASSESSMENT_IDS.savedRecord }));
    await expect(closed).resolves.toMatchObject({ id: ASSESSMENT_IDS.savedRecord });
  });

  it('on a 409 closes without saving when the user cancels', async () => {
    await open();
    await rate('3', 'Ready for more.');
    await answerNewerRecord(http(), assessmentView({ id: ASSESSMENT_IDS.newerRecord }));

    byTestId('rate-conflict-cancel')?.click();
    await expectClosedWithoutRecord(closed, http());
  });

  it("puts the API's field errors on the fields, and what no field shows above the form", async () => {
    await open();
    await rate('3', 'Fine.');
    await refuseRecord(http(), 400, 'Invalid request', {
      level: 'is not a level of C.1: choose one of 1, 2',
      assessedOn: 'must not be in the future',
      employeeId: 'is not a person you may rate',
    });

    expect(textOf(byTestId('rate-level-error'))).toBe('Level is not a level of C.1: choose one of 1, 2');
    expect(Array.from(dialog().querySelectorAll('mat-error')).map(textOf)).toEqual(['Date must not be in the future']);
    const problem = byTestId('rate-problem');
    expect(problem?.getAttribute('role')).toBe('alert');
    expect(textOf(problem)).toBe('Invalid request employeeId is not a person you may rate');
    await expectStillOpen(closed);
  });

  it("rates a competency without levels of its own on its framework's scale, with the scale's descriptions", async () => {
    const row = competencyRow({
      competency: { id: ASSESSMENT_IDS.moodleLeaf, code: 'M.7', title: en('Spreadsheets') },
      levels: [
        { level: 1, code: 'e-1', label: en('Associate') },
        { level: 2, code: 'e-2', label: en('Professional') },
      ],
      manager: undefined,
      self: undefined,
    });
    await open({ row }, { ...c1Detail(), id: ASSESSMENT_IDS.moodleLeaf, levels: [] });
    expect(textOf(option('1')?.querySelector('.level-meaning'))).toBe('Generic e-1 description');
    expect(option('2')?.querySelector('.indicators')).toBeNull();
  });

  it('still lets the level be chosen when the descriptions cannot be loaded, and loads them again on request', async () => {
    await open({}, null);
    http().expectOne(ApiRoutes.competency(ASSESSMENT_IDS.c1)).flush({ title: 'Boom', status: 500 }, { status: 500, statusText: 'Error' });
    await settle();
    expect(textOf(byTestId('rate-levels-error'))).toContain(
      'The level descriptions could not be loaded: Boom. You can still choose a level.',
    );
    expect(textOf(option('2')?.querySelector('mat-radio-button'))).toContain('e-2 Professional');

    byTestId('rate-levels-error')?.querySelector('button')?.click();
    await settle();
    http().expectOne(ApiRoutes.competency(ASSESSMENT_IDS.c1)).flush(c1Detail());
    await settle();
    expect(byTestId('rate-levels-error')).toBeNull();
    expect(option('2')?.querySelector('.level-meaning')).not.toBeNull();
  });

  describe('the evidence a manager assessment relies on', () => {
    const vpn = () => acceptedEvidenceSummary();
    const rota = () =>
      acceptedEvidenceSummary({
        id: ASSESSMENT_IDS.otherAcceptedEvidence,
        title: 'Ran the triage rota',
        claims: [
          {
            ...acceptedEvidenceSummary().claims[0],
            level: 3,
            levelCode: 'e-3',
            levelLabel: en('Senior professional'),
          },
        ],
        revision: 2,
        submittedAt: '2026-03-05T09:00:00.000Z',
      });
    const items = (): HTMLElement[] => Array.from(dialog().querySelectorAll<HTMLElement>('[data-testid="rate-evidence-item"]'));
    const tick = async (item: HTMLElement | undefined) => {
      item?.querySelector<HTMLInputElement>('input[type="checkbox"]')?.click();
      await settle();
    };
    const checkedTitles = () =>
      items()
        .filter((item) => item.querySelector<HTMLInputElement>('input[type="checkbox"]')?.checked)
        .map((item) => textOf(item.querySelector('mat-checkbox')));

    it("asks for the person's accepted evidence of this competency and lists each with the level it claimed, its date and a link opening it in a new tab", async () => {
      await open({}, c1Detail(), null);
      const req = expectEvidence();
      expect([req.request.params.get('employeeId'), req.request.params.get('competencyId'), req.request.params.get('status')]).toEqual([
        DEMO_IDS.sara,
        ASSESSMENT_IDS.c1,
        'accepted',
      ]);
      expect(byTestId('rate-evidence-loading')).not.toBeNull();
      req.flush(pageOf([rota(), vpn()]));
      await settle();

      expect(textOf(byTestId('rate-evidence')?.querySelector('h3'))).toBe('Evidence it relies on');
      const [first, second] = items();
      expect(textOf(first.querySelector('mat-checkbox'))).toBe('Ran the triage rota');
      expect(textOf(first.querySelector('.evidence-meta'))).toBe('Claims e-3 Senior professional · submitted March 5, 2026');
      expect(textOf(second.querySelector('.evidence-meta'))).toBe('Claims e-2 Professional · submitted January 22, 2026');
      const link = second.querySelector<HTMLAnchorElement>('[data-testid="rate-evidence-open"]');
      expect(link?.getAttribute('href')).toBe(`/evidence/${ASSESSMENT_IDS.acceptedEvidence}`);
      expect([link?.target, link?.rel]).toEqual(['_blank', 'noopener']);
      expect(textOf(link)).toBe('Open Resolved the VPN certificate incident in a new tab');
      // the checkbox is described by what the evidence claimed and when
      const box = first.querySelector('input[type="checkbox"]');
      expect(box?.getAttribute('aria-describedby')).toContain(first.querySelector('.evidence-meta')?.id);
      expect(checkedTitles()).toEqual([]);
    });

    it('sends the ticked evidence with the assessment, in the order listed', async () => {
      await open({}, c1Detail(), [rota(), vpn()]);
      await choose('2');
      await typeRationale('Steady on the desk.');
      await tick(items()[1]);
      await tick(items()[0]);
      await submit();
      const record = expectRecord();
      expect(record.body.evidence).toEqual([ASSESSMENT_IDS.otherAcceptedEvidence, ASSESSMENT_IDS.acceptedEvidence]);
      record.flush(assessmentView());
    });

    it('says when there is no accepted evidence, and sends none', async () => {
      await open();
      expect(textOf(byTestId('rate-evidence-empty'))).toBe('No accepted evidence for this competency yet.');
      await rate('2', 'Steady.');
      const record = expectRecord();
      expect('evidence' in record.body).toBe(false);
      record.flush(assessmentView());
    });

    it('never lists evidence for a self-assessment: not asked for when rating oneself, hidden when switching to it', async () => {
      await open({ mayRate: ['self'] });
      expect(byTestId('rate-evidence')).toBeNull();
      TestBed.inject(MatDialog).closeAll();

      await open({ mayRate: ['manager', 'self'] }, c1Detail(), [vpn()]);
      await tick(items()[0]);
      byTestId('rate-role')?.querySelectorAll<HTMLInputElement>('input[type="radio"]')[1]?.click();
      await settle();
      expect(byTestId('rate-evidence')).toBeNull();
      await choose('3');
      await submit();
      const record = expectRecord();
      expect([record.body.role, 'evidence' in record.body]).toEqual(['self', false]);
      record.flush(assessmentView({ role: 'self' }));
    });

    it("shows the API's evidence.N errors beside the evidence they name, and an error of the whole list below it", async () => {
      await open({}, c1Detail(), [rota(), vpn()]);
      await choose('2');
      await typeRationale('Steady.');
      await tick(items()[0]);
      await tick(items()[1]);
      await submit();
      await refuseRecord(http(), 400, 'Invalid request', {
        'evidence.1': 'has not been accepted (it is draft)',
        evidence: 'goes only with a manager assessment',
      });

      expect(items().map((item) => textOf(item.querySelector('[data-testid="rate-evidence-item-error"]')))).toEqual([
        '',
        'This evidence has not been accepted (it is draft)',
      ]);
      expect(textOf(byTestId('rate-evidence-field-error'))).toBe('Evidence goes only with a manager assessment');
      expect(byTestId('rate-problem')).toBeNull();
      // unticking the piece at fault clears its error
      await tick(items()[1]);
      expect(items()[1].querySelector('[data-testid="rate-evidence-item-error"]')).toBeNull();
    });

    it('still lets the assessment be saved when the evidence cannot be loaded, and loads it again on request', async () => {
      await open({}, c1Detail(), null);
      expectEvidence().flush({ title: 'Boom', status: 500 }, { status: 500, statusText: 'Error' });
      await settle();
      expect(textOf(byTestId('rate-evidence-error'))).toContain(
        'The accepted evidence could not be loaded: Boom. You can still save without it.',
      );

      byTestId('rate-evidence-error')?.querySelector('button')?.click();
      await settle();
      expectEvidence().flush(pageOf([vpn()]));
      await settle();
      expect(byTestId('rate-evidence-error')).toBeNull();
      expect(items()).toHaveLength(1);
    });

    it('says when only the most recent are listed', async () => {
      await open({}, c1Detail(), null);
      expectEvidence().flush(pageOf([vpn()], { total: 101, pageSize: 100 }));
      await settle();
      expect(textOf(dialog().querySelector('.evidence-more'))).toBe('The 1 most recent of 101 are listed.');
    });

    it('starts a correction from the evidence the corrected record relied on, and sends what stays ticked', async () => {
      const corrected = assessmentView({
        evidence: [{ id: ASSESSMENT_IDS.acceptedEvidence.toUpperCase(), revision: 1, title: 'Resolved the VPN certificate incident' }],
      });
      await open({ mayRate: ['manager'], correcting: corrected }, c1Detail(), [rota(), vpn()]);
      expect(checkedTitles()).toEqual(['Resolved the VPN certificate incident']);
      await tick(items()[0]);
      await typeReason('Forgot the rota.');
      await submit();
      const record = expectRecord();
      expect(record.body).toMatchObject({
        replaces: ASSESSMENT_IDS.managerRecord,
        evidence: [ASSESSMENT_IDS.otherAcceptedEvidence, ASSESSMENT_IDS.acceptedEvidence],
      });
      record.flush(assessmentView({ kind: 'correction' }));
    });

    it(
      'has no serious accessibility violations with evidence listed',
      async () => {
        await open({}, c1Detail(), [rota(), vpn()]);
        await tick(items()[0]);
        expect(await seriousA11yViolations(dialog())).toEqual([]);
      },
      AXE_TIMEOUT_MS,
    );
  });

  describe('correcting a record of the history', () => {
    /** Sara's e-3 self-assessment, dated 1 February, to be corrected by Sara. */
    const selfRecord = () => sarasSelfRecord({ rationale: 'I run the rota.', confidence: 'high' });

    /** Corrects as the user would: chooses `level`, says why in `reason` and saves. */
    async function correct(level: string, reason: string): Promise<void> {
      await choose(level);
      await typeReason(reason);
      await submit();
    }

    const checked = () => options().find((element) => element.querySelector('input[type="radio"]:checked'))?.dataset['level'];

    it("starts from the record's answer, rationale, confidence and date in its own role, and requires a reason", async () => {
      await open({ mayRate: ['self'], correcting: selfRecord() });

      expect(textOf(dialog().querySelector('h2'))).toBe('Correct the self-assessment of C.1 User Support');
      expect(textOf(byTestId('rate-correcting'))).toBe('Correcting: e-3 Senior professional by Sara Bianchi as of February 1, 2026');
      expect(byTestId('rate-role')).toBeNull();
      expect(checked()).toBe('3');
      expect((byTestId('rate-rationale') as HTMLTextAreaElement).value).toBe('I run the rota.');
      expect(textOf(byTestId('rate-confidence'))).toBe('High');
      expect((byTestId('rate-date') as HTMLInputElement).value).toBe(new Date(2026, 1, 1).toLocaleDateString('en-US'));
      expect(textOf(byTestId('rate-save'))).toBe('Save correction');

      await submit();
      http().expectNone(ApiRoutes.assessments);
      expect(Array.from(dialog().querySelectorAll('mat-error')).map(textOf)).toEqual(['Say why the record is corrected']);
    });

    it('sends the correction: the new answer, what it replaces and why, based on the record in force the tab showed', async () => {
      await open({ mayRate: ['manager'], correcting: assessmentView() });
      expect(textOf(dialog().querySelector('h2'))).toBe('Correct the manager assessment of C.1 User Support');
      await correct('1', '  Rated the wrong competency.  ');

      const record = expectRecord();
      expect(record.body).toEqual(
        saraOnC1({
          role: 'manager',
          outcome: 'rated',
          level: 1,
          assessedOn: '2026-02-10',
          rationale: 'Resolves most tickets alone; escalates the right ones.',
          confidence: 'medium',
          basedOn: ASSESSMENT_IDS.managerRecord,
          replaces: ASSESSMENT_IDS.managerRecord,
          reason: 'Rated the wrong competency.',
        }),
      );
      const saved = assessmentView({ id: ASSESSMENT_IDS.correction, kind: 'correction', level: 1, replaces: ASSESSMENT_IDS.managerRecord });
      record.flush(saved);
      await expect(closed).resolves.toEqual(saved);
    });

    it('puts the API’s reason error on the reason, and a refused replacement above the form', async () => {
      await open({ mayRate: ['manager'], correcting: assessmentView() });
      await typeReason('Typo.');
      await submit();
      await refuseRecord(http(), 409, 'Conflict', {
        reason: 'must be 1 to 1000 characters',
        replaces: 'has already been corrected or withdrawn: change the latest record of its chain',
      });
      expect(Array.from(dialog().querySelectorAll('mat-error')).map(textOf)).toEqual(['Reason must be 1 to 1000 characters']);
      expect(textOf(byTestId('rate-problem'))).toBe(
        'Conflict replaces has already been corrected or withdrawn: change the latest record of its chain',
      );
    });

    it.each([
      ['someone else’s correction of the same record', true, 'newer-correction'],
      ['a new assessment of the same role', false, ASSESSMENT_IDS.managerRecord],
    ])('on a 409 with %s, saves again based on it, correcting it only when it corrects the same record', async (_what, same, replaces) => {
      await open({ mayRate: ['manager'], correcting: assessmentView() });
      await correct('3', 'Typo.');
      await answerNewerRecord(
        http(),
        marcosNewerRecord({
          id: 'newer-correction',
          kind: same ? 'correction' : 'assessment',
          ...(same ? { replaces: ASSESSMENT_IDS.managerRecord, reason: 'Meant e-1.' } : {}),
        }),
      );

      expect(textOf(byTestId('rate-conflict-record'))).toBe('Marco Rossi recorded e-1 Associate (Manager) as of February 10, 2026.');
      expect(byTestId('rate-conflict-same-record') !== null).toBe(same);
      expect(textOf(byTestId('rate-conflict-save'))).toBe('Save my correction anyway');
      byTestId('rate-conflict-save')?.click();
      await settle();
      const again = expectRecord();
      expect(again.body).toMatchObject({ level: 3, reason: 'Typo.', basedOn: 'newer-correction', replaces });
      again.flush(assessmentView({ id: ASSESSMENT_IDS.savedRecord, kind: 'correction' }));
      await expect(closed).resolves.toMatchObject({ id: ASSESSMENT_IDS.savedRecord });
    });

    it(
      'has no serious accessibility violations',
      async () => {
        await open({ mayRate: ['manager'], correcting: assessmentView() });
        await submit();
        expect(await seriousA11yViolations(dialog())).toEqual([]);
      },
      AXE_TIMEOUT_MS,
    );
  });

  it(
    'has no serious accessibility violations',
    async () => {
      await open({ mayRate: ['manager', 'self'] });
      await submit();
      expect(await seriousA11yViolations(dialog())).toEqual([]);
    },
    AXE_TIMEOUT_MS,
  );
});
