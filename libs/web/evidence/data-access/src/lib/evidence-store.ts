import { Injectable, inject } from '@angular/core';
import {
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
import { Loaded, UploadState, Writes, loaded } from '@proficio/web/shared/util';
import { Observable, tap } from 'rxjs';
import { EvidenceApi } from './evidence-api';

/**
 * Evidence as the pages show it: lists and items that load again after every saved write (a draft saved, a file
 * uploaded or removed, a submission, a verdict, a comment), and the writes themselves. The inbox and the
 * notifications reload on its `changes` too. Loads need an injection context (a field initialiser).
 */
@Injectable({ providedIn: 'root' })
export class EvidenceStore {
  private readonly api = inject(EvidenceApi);
  private readonly writes = new Writes();

  /** True while a write (other than a file upload, which reports its own progress) is in flight. */
  readonly saving = this.writes.saving;
  /** Emits after each saved write, uploads included. */
  readonly changes = this.writes.changes;

  /** A page of evidence for each query. */
  list(query$: Observable<EvidenceListQuery>): Loaded<Page<EvidenceSummary>> {
    return loaded(query$, (query) => this.api.list(query), { reloadOn: this.changes });
  }

  /** One item, with its revisions and comments, for each id. */
  evidence(id$: Observable<string>): Loaded<EvidenceView> {
    return loaded(id$, (id) => this.api.get(id), { reloadOn: this.changes });
  }

  create(request: CreateEvidenceRequest): Observable<EvidenceView> {
    return this.writes.track(this.api.create(request));
  }

  update(id: string, request: UpdateEvidenceRequest): Observable<EvidenceView> {
    return this.writes.track(this.api.update(id, request));
  }

  discard(id: string): Observable<void> {
    return this.writes.track(this.api.discard(id));
  }

  submit(id: string, revision: number): Observable<EvidenceView> {
    return this.writes.track(this.api.submit(id, revision));
  }

  /** Uploads one file with its progress; the loads reload once it is stored. */
  uploadFile(id: string, file: File): Observable<UploadState<EvidenceFileView>> {
    return this.api.uploadFile(id, file).pipe(
      tap((state) => {
        if (state.status === 'done') this.writes.changed();
      }),
    );
  }

  deleteFile(id: string, fileId: string): Observable<void> {
    return this.writes.track(this.api.deleteFile(id, fileId));
  }

  giveVerdict(id: string, request: EvidenceVerdictRequest): Observable<EvidenceView> {
    return this.writes.track(this.api.giveVerdict(id, request));
  }

  comment(id: string, request: EvidenceCommentRequest): Observable<EvidenceView> {
    return this.writes.track(this.api.comment(id, request));
  }
}
