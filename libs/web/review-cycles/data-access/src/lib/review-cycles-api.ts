import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  AddReviewParticipantsRequest,
  ApiRoutes,
  Page,
  ReviewCycleListQuery,
  ReviewCyclePreview,
  ReviewCycleProgress,
  ReviewCycleRequest,
  ReviewCycleView,
  ReviewListQuery,
  ReviewSummary,
} from '@proficio/shared/contracts';
import { httpParams } from '@proficio/web/shared/util';
import { Observable } from 'rxjs';

/**
 * Review cycles (`/api/review-cycles`) as administrators run them, and the reviews of a cycle (`/api/reviews`). The API
 * answers 400/422 with the fields at fault (a date, the team, role profile or a person that does not exist), 409 naming
 * `name` when the name is taken, `participants` or `includeTargetRole` when an open cycle would change who takes part,
 * and `status` when the cycle is not in the state an action needs.
 */
@Injectable({ providedIn: 'root' })
export class ReviewCyclesApi {
  private readonly http = inject(HttpClient);

  /** One page (1-based) of cycles, newest period first, filtered by status. */
  list(query: ReviewCycleListQuery = {}): Observable<Page<ReviewCycleView>> {
    const params = httpParams(query);
    return this.http.get<Page<ReviewCycleView>>(ApiRoutes.reviewCycles, { params });
  }

  /** One cycle with its reviews counted per state and the overdue ones. */
  get(id: string): Observable<ReviewCycleView> {
    return this.http.get<ReviewCycleView>(ApiRoutes.reviewCycle(id));
  }

  /** A new draft cycle. */
  create(request: ReviewCycleRequest): Observable<ReviewCycleView> {
    return this.http.post<ReviewCycleView>(ApiRoutes.reviewCycles, request);
  }

  /** Changes a cycle: anything while a draft; once open, its name and dates only. */
  update(id: string, request: ReviewCycleRequest): Observable<ReviewCycleView> {
    return this.http.put<ReviewCycleView>(ApiRoutes.reviewCycle(id), request);
  }

  /** Deletes a draft cycle (409 once opened). */
  remove(id: string): Observable<void> {
    return this.http.delete<void>(ApiRoutes.reviewCycle(id));
  }

  /** The cycle's progress per day since it opened: how many reviews (in the caller's reach) had reached each state. */
  progress(id: string): Observable<ReviewCycleProgress> {
    return this.http.get<ReviewCycleProgress>(ApiRoutes.reviewCycleProgress(id));
  }

  /** Who opening the cycle would include, or, with `employeeIds`, who adding them to an open cycle would. */
  preview(id: string, employeeIds?: readonly string[]): Observable<ReviewCyclePreview> {
    const params = employeeIds?.length ? new HttpParams().set('employeeIds', employeeIds.join(',')) : new HttpParams();
    return this.http.get<ReviewCyclePreview>(ApiRoutes.reviewCyclePreview(id), { params });
  }

  /** Opens a draft: one review per participant, assigned to their manager now. */
  open(id: string): Observable<ReviewCycleView> {
    return this.http.post<ReviewCycleView>(ApiRoutes.reviewCycleOpen(id), {});
  }

  /** People joining an open cycle: a review each, none for those already in it. */
  addParticipants(id: string, employeeIds: readonly string[]): Observable<ReviewCycleView> {
    const body: AddReviewParticipantsRequest = { employeeIds: [...employeeIds] };
    return this.http.post<ReviewCycleView>(ApiRoutes.reviewCycleParticipants(id), body);
  }

  /** Closes an open cycle: no more participants or reminders; reviews under way can still be finished. */
  close(id: string): Observable<ReviewCycleView> {
    return this.http.post<ReviewCycleView>(ApiRoutes.reviewCycleClose(id), {});
  }

  /** One page of reviews (of a cycle, in a state, …) in the caller's reach. */
  listReviews(query: ReviewListQuery = {}): Observable<Page<ReviewSummary>> {
    return this.http.get<Page<ReviewSummary>>(ApiRoutes.reviews, { params: httpParams(query) });
  }
}
