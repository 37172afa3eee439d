import { HttpClient, HttpErrorResponse, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  ApiRoutes,
  AssessmentListQuery,
  AssessmentView,
  EmployeeCompetencies,
  EmployeeProgression,
  EvidenceSummary,
  Page,
  ProblemDetails,
  RecordAssessmentBatchRequest,
  RecordAssessmentBatchResponse,
  RecordAssessmentRequest,
} from '@proficio/shared/contracts';
import { httpParams } from '@proficio/web/shared/util';
import { Observable } from 'rxjs';

/**
 * Most accepted evidence the rating panel lists for one competency: the newest first, as many as the
 * API gives in one page (an assessment may rely on at most 20).
 */
export const ACCEPTED_EVIDENCE_LIMIT = 100;

/**
 * Assessments (`/api/assessments`, `/api/assessments/batch`, `/api/employees/:id/competencies|assessments|progression`): a person's current
 * levels against their targets, their history and progression, and recording assessments. The API answers 404
 * for a person outside the caller's reach, 403 for a role the caller may not rate in, 400/422 with
 * the fields at fault, and 409 with the newer record when the form's `basedOn` is out of date.
 */
@Injectable({ providedIn: 'root' })
export class AssessmentsApi {
  private readonly http = inject(HttpClient);

  /** The Competencies tab: role-profile competencies and any others assessed, with current levels, targets and gaps. */
  employeeCompetencies(employeeId: string): Observable<EmployeeCompetencies> {
    return this.http.get<EmployeeCompetencies>(ApiRoutes.employeeCompetencies(employeeId));
  }

  /** One page (1-based) of a person's assessments, newest first; `competencyId` follows the competency's versions. */
  history(employeeId: string, query: AssessmentListQuery = {}): Observable<Page<AssessmentView>> {
    return this.http.get<Page<AssessmentView>>(ApiRoutes.employeeAssessments(employeeId), { params: httpParams(query) });
  }

  /**
   * A person's progression: per competency (following its versions), the manager and self levels as two
   * step series, oldest first, against the target; `competencyId` limits it to one competency.
   */
  progression(employeeId: string, competencyId?: string): Observable<EmployeeProgression> {
    const params = competencyId ? new HttpParams().set('competencyId', competencyId) : new HttpParams();
    return this.http.get<EmployeeProgression>(ApiRoutes.employeeProgression(employeeId), { params });
  }

  /**
   * The person's accepted evidence claiming this competency, newest change first (at most
   * `ACCEPTED_EVIDENCE_LIMIT`): what a manager assessment may rely on (`RecordAssessmentRequest.evidence`).
   */
  acceptedEvidence(employeeId: string, competencyId: string): Observable<Page<EvidenceSummary>> {
    const params = new HttpParams()
      .set('employeeId', employeeId)
      .set('competencyId', competencyId)
      .set('status', 'accepted')
      .set('pageSize', ACCEPTED_EVIDENCE_LIMIT);
    return this.http.get<Page<EvidenceSummary>>(ApiRoutes.evidenceList, { params });
  }

  /** Records one assessment (or a correction or withdrawal); answers the saved record. */
  record(request: RecordAssessmentRequest): Observable<AssessmentView> {
    return this.http.post<AssessmentView>(ApiRoutes.assessments, request);
  }

  /**
   * Records many at once (the team grid), in one transaction, all or nothing; answers the saved
   * records in the order sent. A refusal names each record at fault by its index (`assessments.3.level`).
   */
  recordBatch(request: RecordAssessmentBatchRequest): Observable<RecordAssessmentBatchResponse> {
    return this.http.post<RecordAssessmentBatchResponse>(ApiRoutes.assessmentBatch, request);
  }
}

/**
 * The record saved since the form was opened, when `error` is the API's 409 for an out-of-date
 * `basedOn`; null for any other error.
 */
export function newerAssessment(error: unknown): AssessmentView | null {
  if (!(error instanceof HttpErrorResponse) || error.status !== 409) return null;
  const body = error.error as Partial<ProblemDetails> | null;
  return typeof body === 'object' && body !== null && typeof body.newer?.id === 'string' ? body.newer : null;
}
