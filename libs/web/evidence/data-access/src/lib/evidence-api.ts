import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  ApiRoutes,
  CreateEvidenceRequest,
  EvidenceCommentRequest,
  EvidenceFileView,
  EvidenceListQuery,
  EvidenceSummary,
  EvidenceVerdictRequest,
  EvidenceView,
  Page,
  UpdateEvidenceRequest,
} from '@proficio/shared/contracts';
import { DownloadedFile, filenameFromContentDisposition } from '@proficio/web/auth/data-access';
import { UploadState, httpParams, toUploadState } from '@proficio/web/shared/util';
import { Observable, map } from 'rxjs';

/**
 * Evidence (`/api/evidence`): an employee's proof of what they did at a level, in revisions. The API answers 404 for
 * evidence the caller may not see (and for a draft of someone else), 403 for an action the caller may not take,
 * 400/422 with the fields at fault, 409 when the form's revision is out of date, and 413/415 for a file too large or
 * of a type it does not take (named in the problem).
 */
@Injectable({ providedIn: 'root' })
export class EvidenceApi {
  private readonly http = inject(HttpClient);

  /** One page (1-based) of evidence, newest first, filtered by person, competency and status. */
  list(query: EvidenceListQuery = {}): Observable<Page<EvidenceSummary>> {
    return this.http.get<Page<EvidenceSummary>>(ApiRoutes.evidenceList, { params: httpParams(query) });
  }

  /** One item with every revision (newest first), its verdicts and comments, and what the caller may do. */
  get(id: string): Observable<EvidenceView> {
    return this.http.get<EvidenceView>(ApiRoutes.evidence(id));
  }

  /** A new draft. */
  create(request: CreateEvidenceRequest): Observable<EvidenceView> {
    return this.http.post<EvidenceView>(ApiRoutes.evidenceList, request);
  }

  /** Edits the draft, or amends (a new draft revision) after changes were requested or the evidence was rejected. */
  update(id: string, request: UpdateEvidenceRequest): Observable<EvidenceView> {
    return this.http.put<EvidenceView>(ApiRoutes.evidence(id), request);
  }

  /** Discards the current draft revision (the whole item when it was never submitted). */
  discard(id: string): Observable<void> {
    return this.http.delete<void>(ApiRoutes.evidence(id));
  }

  /** Submits the draft revision `revision` (the one the author read) for review; a newer one answers 409. */
  submit(id: string, revision: number): Observable<EvidenceView> {
    return this.http.post<EvidenceView>(ApiRoutes.evidenceSubmission(id), { revision });
  }

  /** Uploads one file to the draft (multipart field `file`), reporting its progress; never errors (see UploadState). */
  uploadFile(id: string, file: File): Observable<UploadState<EvidenceFileView>> {
    const body = new FormData();
    body.append('file', file, file.name);
    return this.http
      .post<EvidenceFileView>(ApiRoutes.evidenceFiles(id), body, { reportProgress: true, observe: 'events' })
      .pipe(toUploadState<EvidenceFileView>());
  }

  /** Removes a file from the draft. */
  deleteFile(id: string, fileId: string): Observable<void> {
    return this.http.delete<void>(ApiRoutes.evidenceFile(id, fileId));
  }

  /** A file as a blob with the access token (never a plain link), named as the API says or else as it was uploaded. */
  downloadFile(id: string, file: Pick<EvidenceFileView, 'id' | 'name'>): Observable<DownloadedFile> {
    return this.http.get(ApiRoutes.evidenceFile(id, file.id), { responseType: 'blob', observe: 'response' }).pipe(
      map((response) => ({
        blob: response.body ?? new Blob([]),
        filename: filenameFromContentDisposition(response.headers.get('content-disposition')) ?? file.name,
      })),
    );
  }

  /** Accepts, requests changes to or rejects the submitted revision. */
  giveVerdict(id: string, request: EvidenceVerdictRequest): Observable<EvidenceView> {
    return this.http.post<EvidenceView>(ApiRoutes.evidenceVerdicts(id), request);
  }

  /** Adds a comment; answers the item with its comments. */
  comment(id: string, request: EvidenceCommentRequest): Observable<EvidenceView> {
    return this.http.post<EvidenceView>(ApiRoutes.evidenceComments(id), request);
  }
}
