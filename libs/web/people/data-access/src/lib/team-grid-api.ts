import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  ApiRoutes,
  RecordAssessmentBatchRequest,
  RecordAssessmentBatchResponse,
  TeamGrid,
  TeamGridQuery,
} from '@proficio/shared/contracts';
import { Loaded, Writes, httpParams, loaded } from '@proficio/web/shared/util';
import { Observable, merge } from 'rxjs';
import { AssessmentsStore } from './assessments-store';
import { PeopleStore } from './people-store';

/**
 * The manager's team grid (`GET /api/me/team-grid`). Its batch save (`POST /api/assessments/batch`)
 * is an assessments write: `AssessmentsApi.recordBatch`.
 */
@Injectable({ providedIn: 'root' })
export class TeamGridApi {
  private readonly http = inject(HttpClient);

  /** The caller's reports (direct by default, `scope: 'line'` for the whole line) × their role profiles' competencies. */
  teamGrid(query: TeamGridQuery = {}): Observable<TeamGrid> {
    // only the query's own fields are parameters; direct reports are the API's default scope: it is not sent
    const { scope, roleProfileId, frameworkId } = query;
    const params = httpParams({ scope: scope === 'direct' ? undefined : scope, roleProfileId, frameworkId });
    return this.http.get<TeamGrid>(ApiRoutes.teamGrid, { params });
  }
}

/**
 * The team grid as the page shows it: it loads again after every saved assessment (its own batches,
 * which the assessments store saves and announces, and ratings on the Competencies tab) and every
 * change to people (which can move reports or change their role profiles). Loads need an injection
 * context.
 *
 * The batch save goes through `AssessmentsStore.recordBatch`, so that a person's Competencies tab,
 * history and progression load again after it as after any other assessment. A refused batch is a
 * 400/422 naming each record at fault by its index in the array sent (`assessments.3.level`), or a
 * 409 naming the records whose `basedOn` is out of date (`assessments.3.basedOn`).
 */
@Injectable({ providedIn: 'root' })
export class TeamGridStore {
  private readonly api = inject(TeamGridApi);
  private readonly assessments = inject(AssessmentsStore);
  private readonly people = inject(PeopleStore);
  private readonly writes = new Writes();

  /** True while a batch is being saved (not while the Competencies tab saves one assessment). */
  readonly saving = this.writes.saving;

  /** The grid for each query. */
  grid(query$: Observable<TeamGridQuery>): Loaded<TeamGrid> {
    return loaded(query$, (query) => this.api.teamGrid(query), { reloadOn: merge(this.assessments.changes, this.people.changes) });
  }

  /** Saves the grid's changes in one request; everything showing assessments (the grid included) reloads once they are saved. */
  recordBatch(request: RecordAssessmentBatchRequest): Observable<RecordAssessmentBatchResponse> {
    return this.writes.track(this.assessments.recordBatch(request));
  }
}
