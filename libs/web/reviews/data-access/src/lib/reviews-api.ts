import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  ApiRoutes,
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
import { httpParams } from '@proficio/web/shared/util';
import { Observable } from 'rxjs';

/**
 * Reviews (`/api/reviews`): one per person and cycle, moved step by step by the person and their reviewing manager.
 * The API answers 404 for a review the caller may not see, 409 naming `state` for a step or a draft out of turn (or
 * `ratings` when some competencies are still unrated), and 400 with the fields at fault.
 */
@Injectable({ providedIn: 'root' })
export class ReviewsApi {
  private readonly http = inject(HttpClient);

  /** One page (1-based) of the reviews in the caller's reach, filtered by cycle, state, manager, person and name. */
  list(query: ReviewListQuery = {}): Observable<Page<ReviewSummary>> {
    return this.http.get<Page<ReviewSummary>>(ApiRoutes.reviews, { params: httpParams(query) });
  }

  /** One review with its competencies, drafts, signatures, events and snapshots, and what the caller may do now. */
  get(id: string): Observable<ReviewView> {
    return this.http.get<ReviewView>(ApiRoutes.review(id));
  }

  /** Saves draft ratings of one role (the caller's); answers the review. */
  saveRatings(id: string, request: SaveReviewRatingsRequest): Observable<ReviewView> {
    return this.http.put<ReviewView>(ApiRoutes.reviewRatings(id), request);
  }

  /** Saves the manager's notes (per competency, or the general note without one); empty text clears. */
  saveNotes(id: string, request: SaveReviewNotesRequest): Observable<ReviewView> {
    return this.http.put<ReviewView>(ApiRoutes.reviewNotes(id), request);
  }

  /** Takes a step: start, submit-self, share, sign (with an optional comment), reopen (admins, with a reason). */
  act(id: string, action: ReviewAction, body: ReviewActionRequest = {}): Observable<ReviewView> {
    return this.http.post<ReviewView>(ApiRoutes.reviewAction(id, action), body);
  }

  /** Assigns an open review to another manager (admins). */
  reassign(id: string, managerId: string): Observable<ReviewView> {
    return this.http.put<ReviewView>(ApiRoutes.reviewManager(id), { managerId });
  }

  /** The interview guide: per competency, the current, target and growth-target levels with indicators and questions. */
  guide(id: string): Observable<ReviewGuide> {
    return this.http.get<ReviewGuide>(ApiRoutes.reviewGuide(id));
  }

  /** A frozen snapshot of the review as signed. */
  snapshot(id: string, number: number): Observable<ReviewSnapshot> {
    return this.http.get<ReviewSnapshot>(ApiRoutes.reviewSnapshot(id, number));
  }
}
