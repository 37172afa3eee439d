import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatDialog } from '@angular/material/dialog';
import { ApiRoutes, AssessmentView } from '@proficio/shared/contracts';
import { ASSESSMENT_IDS, DEMO_IDS, expectAssessmentRecord, assessmentView, competencyRow } from '@proficio/web/people/data-access/testing';
import { AXE_TIMEOUT_MS, httpTesting, openDialog, seriousA11yViolations, textOf } from '@proficio/web/shared/util/testing';
import { firstValueFrom } from 'rxjs';
import {
  answerNewerRecord,
  expectClosedWithoutRecord,
  expectStillOpen,
  marcosNewerRecord,
  refuseRecord,
  withdrawalRecord,
} from './testing';
import { WithdrawAssessmentData, WithdrawAssessmentDialog } from './withdraw-assessment-dialog';

const SARA = { id: DEMO_IDS.sara, name: 'Sara Bianchi' };

describe('WithdrawAssessmentDialog', () => {
  const { http } = httpTesting({ providers: [{ provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } }] });
  let closed: Promise<AssessmentView | undefined>;

  const { element: dialog, byTestId, settle } = openDialog;

  async function open(data: Partial<WithdrawAssessmentData> = {}): Promise<void> {
    const ref = TestBed.inject(MatDialog).open<WithdrawAssessmentDialog, WithdrawAssessmentData, AssessmentView>(WithdrawAssessmentDialog, {
      data: { employee: SARA, row: competencyRow(), record: assessmentView(), ...data },
    });
    closed = firstValueFrom(ref.afterClosed());
    await settle();
  }

  const typeReason = (text: string) => openDialog.type('withdraw-reason', text);

  const submit = () => openDialog.click('withdraw-save');

  const expectRecord = () => expectAssessmentRecord(http());

  afterEach(() => TestBed.inject(MatDialog).closeAll());

  it('says which record it takes back and what happens, and sends nothing without a reason', async () => {
    await open();
    expect(textOf(dialog().querySelector('h2'))).toBe('Withdraw this manager assessment?');
    expect(textOf(byTestId('withdraw-record'))).toBe(
      'Luca Esposito recorded e-2 Professional (Manager) for Sara Bianchi on C.1 User Support as of February 10, 2026.',
    );
    expect(Array.from(dialog().querySelectorAll('.consequences li')).map(textOf)).toEqual([
      'The record stays in the history, marked as withdrawn with your reason; nothing is deleted.',
      'The manager level in force goes back to the previous record of that role, or to none.',
    ]);

    await typeReason('   ');
    await submit();
    http().expectNone(ApiRoutes.assessments);
    expect(textOf(dialog().querySelector('mat-error'))).toBe('Say why the record is withdrawn');
  });

  it('withdraws the record with the reason, based on the record in force the tab showed, and closes with the withdrawal', async () => {
    await open();
    await typeReason('  Rated the wrong person.  ');
    await submit();

    const record = expectRecord();
    expect(record.body).toEqual({
      employeeId: DEMO_IDS.sara,
      competencyId: ASSESSMENT_IDS.c1,
      role: 'manager',
      withdraw: true,
      replaces: ASSESSMENT_IDS.managerRecord,
      reason: 'Rated the wrong person.',
      basedOn: ASSESSMENT_IDS.managerRecord,
    });
    record.flush(withdrawalRecord());
    await expect(closed).resolves.toEqual(withdrawalRecord());
  });

  it('withdraws an older self-assessment based on the self record in force', async () => {
    const older = assessmentView({ id: ASSESSMENT_IDS.earlierSelfRecord, role: 'self', assessedOn: '2025-06-01' });
    await open({ record: older });
    expect(textOf(dialog().querySelector('h2'))).toBe('Withdraw this self-assessment?');
    await typeReason('Meant for C.4.');
    await submit();
    const record = expectRecord();
    expect([record.body.role, record.body.replaces, record.body.basedOn]).toEqual([
      'self',
      ASSESSMENT_IDS.earlierSelfRecord,
      ASSESSMENT_IDS.selfRecord,
    ]);
    record.flush(withdrawalRecord({ role: 'self', replaces: ASSESSMENT_IDS.earlierSelfRecord }));
    await expect(closed).resolves.toMatchObject({ role: 'self' });
  });

  it.each([
    ['someone else’s correction of the record', true, 'newer-record'],
    ['a new assessment of the same role', false, ASSESSMENT_IDS.managerRecord],
  ])('on a 409 with %s, withdraws anyway based on it when asked, taking back the correction', async (_what, same, replaces) => {
    await open();
    await typeReason('Rated the wrong person.');
    await submit();
    await answerNewerRecord(
      http(),
      marcosNewerRecord({
        id: 'newer-record',
        kind: same ? 'correction' : 'assessment',
        ...(same ? { replaces: ASSESSMENT_IDS.managerRecord, reason: 'Meant e-1.' } : {}),
        rationale: 'Struggled with the new tools.',
      }),
    );

    const conflict = byTestId('withdraw-conflict');
    expect(conflict?.getAttribute('role')).toBe('alert');
    expect(textOf(byTestId('withdraw-conflict-record'))).toBe('Marco Rossi recorded e-1 Associate (Manager) as of February 10, 2026.');
    expect(textOf(conflict)).toContain('“Struggled with the new tools.”');
    expect(byTestId('withdraw-conflict-same-record') !== null).toBe(same);
    expect((byTestId('withdraw-save') as HTMLButtonElement).disabled).toBe(true);

    byTestId('withdraw-conflict-save')?.click();
    await settle();
    const again = expectRecord();
    expect(again.body).toMatchObject({ withdraw: true, reason: 'Rated the wrong person.', basedOn: 'newer-record', replaces });
    again.flush(withdrawalRecord({ replaces }));
    await expect(closed).resolves.toMatchObject({ kind: 'withdrawal', replaces });
  });

  it('on a 409 closes without withdrawing when the user cancels', async () => {
    await open();
    await typeReason('Rated the wrong person.');
    await submit();
    await answerNewerRecord(http(), assessmentView({ id: ASSESSMENT_IDS.newerRecord }));
    byTestId('withdraw-conflict-cancel')?.click();
    await expectClosedWithoutRecord(closed, http());
  });

  it("puts the API's reason error on the field, and the rest above the form, staying open", async () => {
    await open();
    await typeReason('Gone.');
    await submit();
    await refuseRecord(http(), 409, 'Conflict', {
      reason: 'must be 1 to 1000 characters',
      replaces: 'is a withdrawal, which cannot be corrected or withdrawn: record a new assessment',
    });
    expect(textOf(dialog().querySelector('mat-error'))).toBe('Reason must be 1 to 1000 characters');
    const problem = byTestId('withdraw-problem');
    expect(problem?.getAttribute('role')).toBe('alert');
    expect(textOf(problem)).toBe('Conflict replaces is a withdrawal, which cannot be corrected or withdrawn: record a new assessment');
    await expectStillOpen(closed);
  });

  it('closes without withdrawing on Cancel', async () => {
    await open();
    byTestId('withdraw-cancel')?.click();
    await expectClosedWithoutRecord(closed, http());
  });

  it(
    'has no serious accessibility violations',
    async () => {
      await open();
      await submit();
      expect(await seriousA11yViolations(dialog())).toEqual([]);
    },
    AXE_TIMEOUT_MS,
  );
});
