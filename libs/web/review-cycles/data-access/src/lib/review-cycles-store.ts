import { Injectable, inject } from '@angular/core';
import {
  Page,
  ReviewCycleListQuery,
  ReviewCycleProgress,
  ReviewCycleRequest,
  ReviewCycleView,
  ReviewListQuery,
  ReviewSummary,
} from '@proficio/shared/contracts';
import { Loaded, Writes, loaded } from '@proficio/web/shared/util';
import { Observable } from 'rxjs';
import { ReviewCyclesApi } from './review-cycles-api';

/**
 * Review cycles as the admin pages show them: the list, a cycle and its reviews reload after every saved write to a
 * cycle, and the writes go through here (`saving`, `changes`).
 */
@Injectable({ providedIn: 'root' })
export class ReviewCyclesStore {
  private readonly api = inject(ReviewCyclesApi);
  private readonly writes = new Writes();

  /** True while a write to a cycle is in flight. */
  readonly saving = this.writes.saving;
  /** Emits after each saved write to a cycle. */
  readonly changes = this.writes.changes;

  /** A page of cycles for each query; reloads after each saved write. Needs an injection context. */
  list(query$: Observable<ReviewCycleListQuery>): Loaded<Page<ReviewCycleView>> {
    return loaded(query$, (query) => this.api.list(query), { reloadOn: this.changes });
  }

  /** One cycle for each id; reloads after each saved write. */
  cycle(id$: Observable<string>): Loaded<ReviewCycleView> {
    return loaded(id$, (id) => this.api.get(id), { reloadOn: this.changes });
  }

  /** A cycle's progress over time for each id; reloads after each saved write (adding people adds reviews). */
  progress(id$: Observable<string>): Loaded<ReviewCycleProgress> {
    return loaded(id$, (id) => this.api.progress(id), { reloadOn: this.changes });
  }

  /** A page of reviews for each query; reloads after each saved write (opening or adding people creates reviews). */
  reviews(query$: Observable<ReviewListQuery>): Loaded<Page<ReviewSummary>> {
    return loaded(query$, (query) => this.api.listReviews(query), { reloadOn: this.changes });
  }

  create(request: ReviewCycleRequest): Observable<ReviewCycleView> {
    return this.writes.track(this.api.create(request));
  }

  update(id: string, request: ReviewCycleRequest): Observable<ReviewCycleView> {
    return this.writes.track(this.api.update(id, request));
  }

  remove(id: string): Observable<void> {
    return this.writes.track(this.api.remove(id));
  }

  open(id: string): Observable<ReviewCycleView> {
    return this.writes.track(this.api.open(id));
  }

  addParticipants(id: string, employeeIds: readonly string[]): Observable<ReviewCycleView> {
    return this.writes.track(this.api.addParticipants(id, employeeIds));
  }

  close(id: string): Observable<ReviewCycleView> {
    return this.writes.track(this.api.close(id));
  }
}
