import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  ApiRoutes,
  CompetencyDetail,
  FrameworkExportFormat,
  FrameworkListQuery,
  FrameworkSummary,
  FrameworkTree,
  Page,
} from '@proficio/shared/contracts';
import { DownloadedFile, filenameFromContentDisposition } from '@proficio/web/auth/data-access';
import { Observable, map } from 'rxjs';

/** The name a download gets when the API names none. */
const FALLBACK_EXPORT_NAMES: Record<FrameworkExportFormat, string> = {
  'proficio-json': 'framework.json',
  'moodle-csv': 'framework.csv',
  case: 'framework.case.json',
};

/** Reads competency frameworks from the API (same origin). Errors are RFC 9457 problem details. */
@Injectable({ providedIn: 'root' })
export class FrameworksApi {
  private readonly http = inject(HttpClient);

  /** One page (1-based) of the framework library, optionally filtered by `q` (code or name). */
  listFrameworks(query: FrameworkListQuery = {}): Observable<Page<FrameworkSummary>> {
    let params = new HttpParams();
    if (query.q?.trim()) params = params.set('q', query.q.trim());
    if (query.page !== undefined) params = params.set('page', query.page);
    if (query.pageSize !== undefined) params = params.set('pageSize', query.pageSize);
    if (query.lang) params = params.set('lang', query.lang);
    return this.http.get<Page<FrameworkSummary>>(ApiRoutes.frameworks, { params });
  }

  /** One framework version as a tree; texts in `lang` where available, else in the framework's default language. */
  getFramework(id: string, lang?: string): Observable<FrameworkTree> {
    const params = lang ? new HttpParams().set('lang', lang) : undefined;
    return this.http.get<FrameworkTree>(ApiRoutes.framework(id), { params });
  }

  /**
   * One competency with its own levels (descriptions, behaviour indicators) and its framework's scale;
   * texts in `lang` where available, else in the framework's default language.
   */
  getCompetency(id: string, lang?: string): Observable<CompetencyDetail> {
    const params = lang ? new HttpParams().set('lang', lang) : undefined;
    return this.http.get<CompetencyDetail>(ApiRoutes.competency(id), { params });
  }

  /**
   * One framework version as a file in an export format, fetched with the access token
   * (a plain link would carry none), named as the API's Content-Disposition says.
   */
  exportFramework(id: string, format: FrameworkExportFormat): Observable<DownloadedFile> {
    return this.http.get(ApiRoutes.frameworkExport(id, format), { responseType: 'blob', observe: 'response' }).pipe(
      map((response) => ({
        blob: response.body ?? new Blob([]),
        filename: filenameFromContentDisposition(response.headers.get('content-disposition')) ?? FALLBACK_EXPORT_NAMES[format],
      })),
    );
  }
}
