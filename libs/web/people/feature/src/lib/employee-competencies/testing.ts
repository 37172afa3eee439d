/// <reference types="jest" />
// Steps the assessment dialogs' specs share (rate or correct, withdraw): the API's answers to a record sent, and
// what the dialog does after them.
import { HttpTestingController } from '@angular/common/http/testing';
import { ApiRoutes, AssessmentView } from '@proficio/shared/contracts';
import {
  ASSESSMENT_IDS,
  DEMO_IDS,
  assessmentView,
  en,
  expectAssessmentRecord,
  newerAssessmentExists,
} from '@proficio/web/people/data-access/testing';
import { openDialog } from '@proficio/web/shared/util/testing';

/** Refuses the record sent with `status`, `title` and an error per field (`field: message`), and lets the dialog show them. */
export async function refuseRecord(
  http: HttpTestingController,
  status: number,
  title: string,
  errors: Readonly<Record<string, string>>,
): Promise<void> {
  const problem = { title, status, errors: Object.entries(errors).map(([field, message]) => ({ field, message })) };
  expectAssessmentRecord(http).flush(problem, status);
  await openDialog.settle();
}

/** Answers the record sent with a 409: `newer` was saved since the dialog opened. */
export async function answerNewerRecord(http: HttpTestingController, newer: AssessmentView): Promise<void> {
  expectAssessmentRecord(http).flush(newerAssessmentExists(newer), 409);
  await openDialog.settle();
}

/** The dialog closed with nothing, and sent no record. */
export async function expectClosedWithoutRecord(closed: Promise<AssessmentView | undefined>, http: HttpTestingController): Promise<void> {
  await expect(closed).resolves.toBeUndefined();
  http.expectNone(ApiRoutes.assessments);
}

/** The dialog has not closed. */
export async function expectStillOpen(closed: Promise<AssessmentView | undefined>): Promise<void> {
  await expect(Promise.race([closed, Promise.resolve('open')])).resolves.toBe('open');
}

/** Marco Rossi's e-1 Associate, saved since the dialog opened (what a 409 names); `overrides` say which record it is. */
export const marcosNewerRecord = (overrides: Partial<AssessmentView>): AssessmentView =>
  assessmentView({
    level: 1,
    levelCode: 'e-1',
    levelLabel: en('Associate'),
    assessor: { userId: 'u-marco', employeeId: DEMO_IDS.marco, name: 'Marco Rossi' },
    ...overrides,
  });

/** Sara Bianchi's e-3 self-assessment, dated 1 February 2026 and recorded by Sara; `overrides` say what else it holds. */
export const sarasSelfRecord = (overrides: Partial<AssessmentView> = {}): AssessmentView =>
  assessmentView({
    id: ASSESSMENT_IDS.selfRecord,
    role: 'self',
    level: 3,
    levelCode: 'e-3',
    levelLabel: en('Senior professional'),
    assessedOn: '2026-02-01',
    assessor: { userId: 'u-sara', employeeId: DEMO_IDS.sara, name: 'Sara Bianchi' },
    ...overrides,
  });

/**
 * A withdrawal of the manager record, as the API answers one (no answer, level or rationale of its own, the reason
 * "Rated the wrong person."); `overrides` say which record it is and what it replaces.
 */
export const withdrawalRecord = (overrides: Partial<AssessmentView> = {}): AssessmentView =>
  assessmentView({
    id: ASSESSMENT_IDS.savedRecord,
    kind: 'withdrawal',
    outcome: undefined,
    level: undefined,
    levelCode: undefined,
    levelLabel: undefined,
    rationale: undefined,
    replaces: ASSESSMENT_IDS.managerRecord,
    reason: 'Rated the wrong person.',
    ...overrides,
  });
