import { Injectable, inject } from '@angular/core';
import { CompetencyDetail } from '@proficio/shared/contracts';
import { Loaded, loaded } from '@proficio/web/shared/util';
import { Observable, of, tap } from 'rxjs';
import { FrameworksApi } from './frameworks-api';

/** How many competencies' details are kept (a few kilobytes each). */
export const KEPT_COMPETENCY_DETAILS = 200;

/** Which competency to read, and in which language (the API's choice when none). */
export interface CompetencyDetailsRequest {
  readonly id: string;
  readonly lang?: string;
}

/**
 * Competencies' details (levels with their descriptions, indicators, questions) as the framework browser reads them:
 * one competency at a time, when it is selected, after the framework's outline. What was read is kept per competency
 * and language (a competency of a stored version never changes), so going back to one shows it at once; the least
 * recently used are forgotten first, and a read that failed is not kept.
 */
@Injectable({ providedIn: 'root' })
export class CompetencyDetailsStore {
  private readonly api = inject(FrameworksApi);
  private readonly kept = new Map<string, CompetencyDetail>();

  /** The competency's details in `lang`: those kept, else the API's (kept from then on). */
  read(id: string, lang?: string): Observable<CompetencyDetail> {
    const key = `${id}|${lang ?? ''}`;
    const found = this.kept.get(key);
    if (found) {
      // The most recently used last: a Map iterates in insertion order.
      this.kept.delete(key);
      this.kept.set(key, found);
      return of(found);
    }
    return this.api.getCompetency(id, lang).pipe(
      tap((detail) => {
        this.kept.set(key, detail);
        for (const oldest of this.kept.keys()) {
          if (this.kept.size <= KEPT_COMPETENCY_DETAILS) break;
          this.kept.delete(oldest);
        }
      }),
    );
  }

  /**
   * The details of each competency `request$` names (null for none), with their loading and problem and a retry; a new
   * request cancels one still in flight. Call it in an injection context (a field initialiser).
   */
  details(request$: Observable<CompetencyDetailsRequest | null>): Loaded<CompetencyDetail | null> {
    return loaded(request$, (request) => (request ? this.read(request.id, request.lang) : of(null)));
  }
}
