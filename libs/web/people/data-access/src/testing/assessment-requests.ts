/// <reference types="jest" />
import { HttpTestingController } from '@angular/common/http/testing';
import { ApiRoutes, AssessmentView, RecordAssessmentRequest } from '@proficio/shared/contracts';

/** The one assessment a dialog posted: what it sent, and a way to answer (201 unless a status is given). */
export function expectAssessmentRecord(http: HttpTestingController): {
  body: RecordAssessmentRequest;
  flush: (body: object, status?: number) => void;
} {
  const req = http.expectOne(ApiRoutes.assessments);
  expect(req.request.method).toBe('POST');
  return {
    body: req.request.body as RecordAssessmentRequest,
    flush: (body, status = 201) => req.flush(body, { status, statusText: status === 201 ? 'Created' : 'Refused' }),
  };
}

/** The API's 409 when someone saved a newer assessment of the same person, competency and role. */
export const newerAssessmentExists = (newer: AssessmentView) => ({
  type: 'urn:proficio:problem:stale-assessment',
  title: 'A newer assessment exists',
  status: 409,
  newer,
});
