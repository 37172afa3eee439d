import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  ApiRoutes,
  CompetencyDetail,
  FrameworkExportFormat,
  FrameworkExportPreview,
  FrameworkListQuery,
  FrameworkScaleChangeResult,
  FrameworkScaleChoice,
  FrameworkScaleStatus,
  FrameworkOutline,
  FrameworkSummary,
  Page,
} from '@proficio/shared/contracts';
import { DownloadedFile, filenameFromContentDisposition } from '@proficio/web/auth/data-access';
import { httpParams } from '@proficio/web/shared/util';
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
    return this.http.get<Page<FrameworkSummary>>(ApiRoutes.frameworks, { params: httpParams(query) });
  }

  /**
   * One framework version's outline: the tree without its competencies' levels (each competency's id, key, code, title
   * and level numbers), what a browser shows first; texts in `lang` where available.
   */
  getOutline(id: string, lang?: string): Observable<FrameworkOutline> {
    const params = lang ? new HttpParams().set('lang', lang) : undefined;
    return this.http.get<FrameworkOutline>(ApiRoutes.frameworkOutline(id), { params });
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

  /** What the download in `format` gives (its name and size) and what the export regenerated, added or left out, in words. */
  previewExport(id: string, format: FrameworkExportFormat): Observable<FrameworkExportPreview> {
    return this.http.get<FrameworkExportPreview>(ApiRoutes.frameworkExportPreview(id, format));
  }

  /** Admins: whether the scale of the version's framework can change (no levels of its own, nobody assessed on it). */
  getScaleStatus(id: string): Observable<FrameworkScaleStatus> {
    return this.http.get<FrameworkScaleStatus>(ApiRoutes.frameworkScale(id));
  }

  /** Admins: the framework's next version on the chosen scale (409 when it has levels of its own or people were assessed on it). */
  changeScale(id: string, choice: FrameworkScaleChoice): Observable<FrameworkScaleChangeResult> {
    return this.http.put<FrameworkScaleChangeResult>(ApiRoutes.frameworkScale(id), choice);
  }
}
