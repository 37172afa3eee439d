import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { ApiRoutes, EvidenceSummary, InboxCounts, InboxDisagreement, Page } from '@proficio/shared/contracts';
import { httpParams } from '@proficio/web/shared/util';
import { Observable } from 'rxjs';

/** Which page of an inbox list (1-based). */
export interface InboxPageQuery {
  readonly page?: number;
  readonly pageSize?: number;
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
    return this.http.get<Page<EvidenceSummary>>(ApiRoutes.inboxEvidence, { params: httpParams(query) });
  }

  /** Self-assessments two or more levels away from the caller's own rating of that person. */
  disagreements(query: InboxPageQuery = {}): Observable<Page<InboxDisagreement>> {
    return this.http.get<Page<InboxDisagreement>>(ApiRoutes.inboxDisagreements, { params: httpParams(query) });
  }
}
