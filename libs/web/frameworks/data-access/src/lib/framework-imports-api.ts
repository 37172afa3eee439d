import { HttpClient, HttpEvent } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  ApiRoutes,
  FrameworkImportCommitRequest,
  FrameworkImportCommitResult,
  FrameworkImportFormat,
  FrameworkImportPreview,
} from '@proficio/shared/contracts';
import { Observable } from 'rxjs';

/** The largest file the API accepts for an import (25 MB); bigger ones get 413, so check before sending. */
export const MAX_IMPORT_BYTES = 25 * 1024 * 1024;

/**
 * Imports framework files: upload for a preview, then commit it as a new framework version.
 * Errors are RFC 9457 problem details; an invalid file is a 422 whose `errors[]` name each place in it.
 */
@Injectable({ providedIn: 'root' })
export class FrameworkImportsApi {
  private readonly http = inject(HttpClient);

  /**
   * Uploads a framework file (multipart: `format`, `file`, and for SFIA an optional `levelsFile`)
   * and answers its preview. Emits every HTTP event, upload progress included.
   */
  importFramework(format: FrameworkImportFormat, file: File, levelsFile?: File | null): Observable<HttpEvent<FrameworkImportPreview>> {
    const body = new FormData();
    body.append('format', format);
    body.append('file', file, file.name);
    if (levelsFile) body.append('levelsFile', levelsFile, levelsFile.name);
    return this.http.post<FrameworkImportPreview>(ApiRoutes.frameworkImports, body, { reportProgress: true, observe: 'events' });
  }

  /** The preview of an uploaded file again (its `status` says whether it has been committed). */
  getImport(id: string): Observable<FrameworkImportPreview> {
    return this.http.get<FrameworkImportPreview>(ApiRoutes.frameworkImport(id));
  }

  /**
   * Writes a previewed import as a new framework version, all or nothing, with the confirmations the preview asked
   * for (`commitRequires`); 409 when it was already committed, or when a confirmation it needs is missing
   * (`errors[]` names the field).
   */
  commitImport(id: string, request: FrameworkImportCommitRequest = {}): Observable<FrameworkImportCommitResult> {
    return this.http.post<FrameworkImportCommitResult>(ApiRoutes.frameworkImportCommit(id), request);
  }
}
