import { Injectable, inject } from '@angular/core';
import {
  AssessmentListQuery,
  AssessmentView,
  EmployeeCompetencies,
  EmployeeProgression,
  Page,
  RecordAssessmentBatchRequest,
  RecordAssessmentBatchResponse,
  RecordAssessmentRequest,
} from '@proficio/shared/contracts';
import { Loaded, Writes, loaded } from '@proficio/web/shared/util';
import { Observable, merge } from 'rxjs';
import { AssessmentsApi } from './assessments-api';
import { PeopleStore } from './people-store';

/** Whose history, and which page of it. */
export interface AssessmentHistoryQuery extends AssessmentListQuery {
  readonly employeeId: string;
}

/**
 * Assessments as the pages show them: a person's competencies, history and progression, which load again after
 * every saved assessment (and after a change to people, which can change role profiles and so
 * targets), and the writes themselves: one (the rating panel, corrections, withdrawals) or a batch
 * (the team grid), so that whatever saves an assessment, every page showing one loads again. Loads
 * need an injection context (a field initialiser).
 */
@Injectable({ providedIn: 'root' })
export class AssessmentsStore {
  private readonly api = inject(AssessmentsApi);
  private readonly people = inject(PeopleStore);
  private readonly writes = new Writes();

  /** True while an assessment is being saved. */
  readonly saving = this.writes.saving;
  /** Emits after each saved assessment or batch (dashboards and the team grid reload on it). */
  readonly changes = this.writes.changes;

  /** A person's competencies for each employee id. */
  competencies(employeeId$: Observable<string>): Loaded<EmployeeCompetencies> {
    return loaded(employeeId$, (id) => this.api.employeeCompetencies(id), { reloadOn: merge(this.changes, this.people.changes) });
  }

  /** A page of a person's history (optionally of one competency) for each query. */
  history(query$: Observable<AssessmentHistoryQuery>): Loaded<Page<AssessmentView>> {
    return loaded(query$, ({ employeeId, ...query }) => this.api.history(employeeId, query), { reloadOn: this.changes });
  }

  /** A person's progression over time, for each employee id (reloads after a save and after a change to people: targets move). */
  progression(employeeId$: Observable<string>): Loaded<EmployeeProgression> {
    return loaded(employeeId$, (id) => this.api.progression(id), { reloadOn: merge(this.changes, this.people.changes) });
  }

  /** Records one assessment; the loads above reload once it is saved. */
  record(request: RecordAssessmentRequest): Observable<AssessmentView> {
    return this.writes.track(this.api.record(request));
  }

  /** Records a batch (the team grid's changes) in one request; the loads above, and the grid, reload once it is saved. */
  recordBatch(request: RecordAssessmentBatchRequest): Observable<RecordAssessmentBatchResponse> {
    return this.writes.track(this.api.recordBatch(request));
  }
}
