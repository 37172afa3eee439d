import { Injectable, inject } from '@angular/core';
import {
  Page,
  ReviewAction,
  ReviewActionRequest,
  ReviewGuide,
  ReviewListQuery,
  ReviewSnapshot,
  ReviewSummary,
  ReviewView,
  SaveReviewNotesRequest,
  SaveReviewRatingsRequest,
} from '@proficio/shared/contracts';
import { Loaded, Writes, loaded } from '@proficio/web/shared/util';
import { Observable } from 'rxjs';
import { ReviewsApi } from './reviews-api';

/**
 * Reviews as the pages show them: lists and reviews that load again after every saved write (ratings, notes, a
 * step, a reassignment), and the writes themselves with a `saving` flag. Loads need an injection context.
 */
@Injectable({ providedIn: 'root' })
export class ReviewsStore {
  private readonly api = inject(ReviewsApi);
  private readonly writes = new Writes();

  readonly saving = this.writes.saving;
  /** Emits after each saved write. */
  readonly changes = this.writes.changes;

  /** A page of reviews for each query. */
  list(query$: Observable<ReviewListQuery>): Loaded<Page<ReviewSummary>> {
    return loaded(query$, (query) => this.api.list(query), { reloadOn: this.changes });
  }

  /** One review for each id. */
  review(id$: Observable<string>): Loaded<ReviewView> {
    return loaded(id$, (id) => this.api.get(id), { reloadOn: this.changes });
  }

  /** The interview guide of each review id (it follows the manager's ratings, so it reloads after writes too). */
  guide(id$: Observable<string>): Loaded<ReviewGuide> {
    return loaded(id$, (id) => this.api.guide(id), { reloadOn: this.changes });
  }

  /** A frozen snapshot (never changes once taken). */
  snapshot(key$: Observable<{ id: string; number: number }>): Loaded<ReviewSnapshot> {
    return loaded(key$, (key) => this.api.snapshot(key.id, key.number));
  }

  saveRatings(id: string, request: SaveReviewRatingsRequest): Observable<ReviewView> {
    return this.writes.track(this.api.saveRatings(id, request));
  }

  saveNotes(id: string, request: SaveReviewNotesRequest): Observable<ReviewView> {
    return this.writes.track(this.api.saveNotes(id, request));
  }

  act(id: string, action: ReviewAction, body: ReviewActionRequest = {}): Observable<ReviewView> {
    return this.writes.track(this.api.act(id, action, body));
  }

  reassign(id: string, managerId: string): Observable<ReviewView> {
    return this.writes.track(this.api.reassign(id, managerId));
  }
}
