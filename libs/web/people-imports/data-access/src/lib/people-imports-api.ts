import { HttpClient, HttpEvent } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  ApiRoutes,
  Page,
  PeopleImportCommitResult,
  PeopleImportPreview,
  PeopleImportRowView,
  PeopleImportRowsQuery,
} from '@proficio/shared/contracts';
import { httpParams } from '@proficio/web/shared/util';
import { Observable } from 'rxjs';

/**
 * Bulk import of people (admins): upload a CSV or XLSX file for a preview kept by the API, page through
 * its rows and their errors, then commit it. Errors are RFC 9457 problem details: 422 for a file that
 * cannot be read (`errors[]` names the columns), 413 above the size limit, 409 when the organisation
 * changed since the preview or the import was committed already.
 */
@Injectable({ providedIn: 'root' })
export class PeopleImportsApi {
  private readonly http = inject(HttpClient);

  /** Uploads the file (multipart field `file`) and answers its preview; emits every HTTP event, upload progress included. */
  upload(file: File): Observable<HttpEvent<PeopleImportPreview>> {
    const body = new FormData();
    body.append('file', file, file.name);
    return this.http.post<PeopleImportPreview>(ApiRoutes.peopleImports, body, { reportProgress: true, observe: 'events' });
  }

  /** The preview again (its `status` says whether it has been committed). */
  getImport(id: string): Observable<PeopleImportPreview> {
    return this.http.get<PeopleImportPreview>(ApiRoutes.peopleImport(id));
  }

  /** One page (1-based) of the file's rows, or of its rows with errors only. */
  listRows(id: string, query: PeopleImportRowsQuery = {}): Observable<Page<PeopleImportRowView>> {
    const { page, pageSize, errorsOnly } = query; // the page's request carries the import's id too: not a parameter
    const params = httpParams({ page, pageSize, errorsOnly: errorsOnly || undefined });
    return this.http.get<Page<PeopleImportRowView>>(ApiRoutes.peopleImportRows(id), { params });
  }

  /** Writes the previewed file, all or nothing. */
  commit(id: string): Observable<PeopleImportCommitResult> {
    return this.http.post<PeopleImportCommitResult>(ApiRoutes.peopleImportCommit(id), null);
  }
}
