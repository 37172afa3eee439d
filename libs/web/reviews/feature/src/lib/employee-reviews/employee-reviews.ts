import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { toObservable } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { RouterLink } from '@angular/router';
import { ReviewsStore } from '@proficio/web/reviews/data-access';
import { LoadedContent, LocalDatePipe } from '@proficio/web/shared/ui';
import { distinctUntilChanged, map } from 'rxjs';
import { STATE_LABELS, nextDeadline } from '../shared/review-text';

/** Whose reviews the tab lists. */
export interface ReviewsOwner {
  readonly id: string;
  readonly name: string;
}

/** Reviews are one a cycle: a person has few, listed on one page. */
const TAB_PAGE_SIZE = 50;

/**
 * The employee page's Reviews tab: the person's reviews the signed-in person may see (their own, those assigned to
 * them, their line's locked ones, everyone's for admins), newest cycle first, each linking to its review page; a
 * locked one says when and links to its latest snapshot (the review as signed). When there are more than it shows, it
 * links to the reviews list narrowed to the person (`/reviews?employeeId=`).
 */
@Component({
  selector: 'app-employee-reviews',
  imports: [LoadedContent, LocalDatePipe, MatButtonModule, MatProgressSpinnerModule, RouterLink],
  template: `
    <section class="reviews" data-testid="employee-reviews">
      <h2>Reviews</h2>
      <app-loaded-content what="the reviews" testId="employee-reviews" [loaded]="reviews">
        @if (reviews.value(); as page) {
          @if (page.items.length === 0) {
            <p data-testid="employee-reviews-empty">{{ employee().name }} has no reviews you can see yet.</p>
          } @else {
            <ul class="review-list" [attr.aria-label]="'Reviews of ' + employee().name">
              @for (review of page.items; track review.id) {
                <li class="review" data-testid="employee-review">
                  <a class="review-title" [routerLink]="['/reviews', review.id]">{{ review.cycle.name }}</a>
                  <span class="state">{{ stateLabels[review.state] }}</span>
                  @if (review.overdue) {
                    <span class="overdue-flag">Overdue</span>
                  }
                  <p class="meta">
                    @if (review.manager; as manager) {
                      Reviewed by {{ manager.name }} ·
                    }
                    @if (review.lockedAt) {
                      Locked on {{ review.lockedAt | localDate }} ·
                      <a [routerLink]="['/reviews', review.id, 'snapshots', 'latest']" data-testid="employee-review-snapshot">As signed</a>
                    } @else if (nextDeadline(review); as deadline) {
                      {{ deadline.label }} {{ deadline.date | localDate }}
                    }
                  </p>
                </li>
              }
            </ul>
            @if (page.total > page.items.length) {
              <p class="meta">
                The {{ page.items.length }} newest of {{ page.total }}.
                <a routerLink="/reviews" [queryParams]="{ employeeId: employee().id }" data-testid="employee-reviews-all"
                  >All their reviews</a
                >
              </p>
            }
          }
        }
      </app-loaded-content>
    </section>
  `,
  styles: `
    @use 'page';

    :host {
      display: block;
      padding: 1.5rem 0;
    }
    h2 {
      margin: 0 0 1rem;
      font: var(--mat-sys-title-large);
    }
    .review-list {
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .review {
      padding: 0.75rem 0;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
      overflow-wrap: anywhere;
    }
    .review-title {
      margin-inline-end: 0.75rem;
      font: var(--mat-sys-title-medium);
    }
    .state,
    .overdue-flag {
      margin-inline-end: 0.5rem;
    }
    .state {
      @include page.pill;
    }
    .overdue-flag {
      @include page.pill(error);
    }
    .meta {
      margin: 0.25rem 0 0;
      color: var(--mat-sys-on-surface-variant);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EmployeeReviews {
  private readonly store = inject(ReviewsStore);

  readonly employee = input.required<ReviewsOwner>();

  protected readonly reviews = this.store.list(
    toObservable(computed(() => this.employee().id)).pipe(
      distinctUntilChanged(),
      map((employeeId) => ({ employeeId, pageSize: TAB_PAGE_SIZE })),
    ),
  );
  protected readonly stateLabels = STATE_LABELS;
  protected readonly nextDeadline = nextDeadline;
}
