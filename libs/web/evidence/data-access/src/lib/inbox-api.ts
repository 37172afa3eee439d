import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { ApiRoutes, EvidenceSummary, InboxCounts, InboxDisagreement, Page } from '@proficio/shared/contracts';
import { Observable } from 'rxjs';

/** Which page of an inbox list (1-based). */
export interface InboxPageQuery {
  readonly page?: number;
  readonly pageSize?: number;
}

function pageParams(query: InboxPageQuery): HttpParams {
  let params = new HttpParams();
  if (query.page !== undefined) params = params.set('page', query.page);
  if (query.pageSize !== undefined) params = params.set('pageSize', query.pageSize);
  return params;
}

/** What waits for the caller as a reviewer (`/api/inbox`): counts, evidence to review, and self-assessments far from theirs. */
@Injectable({ providedIn: 'root' })
export class InboxApi {
  private readonly http = inject(HttpClient);

  counts(): Observable<InboxCounts> {
    return this.http.get<InboxCounts>(ApiRoutes.inbox);
  }

  /** Submitted evidence of people in the caller's line waiting for a verdict, oldest submitted first. */
  evidence(query: InboxPageQuery = {}): Observable<Page<EvidenceSummary>> {
    return this.http.get<Page<EvidenceSummary>>(ApiRoutes.inboxEvidence, { params: pageParams(query) });
  }

  /** Self-assessments two or more levels away from the caller's own rating of that person. */
  disagreements(query: InboxPageQuery = {}): Observable<Page<InboxDisagreement>> {
    return this.http.get<Page<InboxDisagreement>>(ApiRoutes.inboxDisagreements, { params: pageParams(query) });
  }
}
