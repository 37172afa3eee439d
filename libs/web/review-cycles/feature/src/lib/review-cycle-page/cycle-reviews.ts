import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { toObservable } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatTableModule } from '@angular/material/table';
import { ParamMap, RouterLink } from '@angular/router';
import { REVIEW_STATES, ReviewState } from '@proficio/shared/contracts';
import { ReviewCyclesStore } from '@proficio/web/review-cycles/data-access';
import { ListState, LocalDatePipe, SelectFilter, SelectFilters } from '@proficio/web/shared/ui';
import { readChoice, readPaging, urlList } from '@proficio/web/shared/util';
import { combineLatest, map } from 'rxjs';
import { REVIEW_STATE_LABELS } from '../shared/labels';

export const REVIEW_PAGE_SIZES = [10, 25, 50, 100] as const;
export const DEFAULT_REVIEW_PAGE_SIZE = 25;

interface ReviewsQuery {
  readonly state: ReviewState | undefined;
  readonly page: number;
  readonly pageSize: number;
}

function readQuery(params: ParamMap): ReviewsQuery {
  return {
    state: readChoice(params, 'state', REVIEW_STATES),
    ...readPaging(params, REVIEW_PAGE_SIZES, DEFAULT_REVIEW_PAGE_SIZE),
  };
}

/**
 * The reviews of an open or closed cycle, filtered by state and paged through the URL (`?state=`, `?page=`); each
 * links to its review, and the overdue ones are marked. Reloads after each saved write to a cycle (people added).
 */
@Component({
  selector: 'app-cycle-reviews',
  imports: [ListState, LocalDatePipe, MatButtonModule, MatTableModule, RouterLink, SelectFilters],
  template: `
    <div class="filters" role="search" aria-label="Reviews of the cycle">
      <app-select-filters [filters]="filters" [query]="list.query()" (filtered)="list.filter($event)" />
    </div>

    <app-list-state what="reviews" testId="cycle-reviews" [list]="list">
      <ng-container listEmpty>
        @if (list.query().state; as state) {
          <p>No review is at “{{ stateLabels[state] }}”.</p>
          <button mat-stroked-button type="button" (click)="list.filter({ state: null })">Show every review</button>
        } @else {
          <p>This cycle has no reviews.</p>
        }
      </ng-container>
      @if (list.page(); as page) {
        <div class="table-scroller" tabindex="0" role="region" aria-label="Reviews table">
          <table mat-table [dataSource]="page.items" class="reviews-table">
            <caption class="visually-hidden">
              Reviews of the cycle
            </caption>
            <ng-container matColumnDef="employee">
              <th mat-header-cell *matHeaderCellDef scope="col">Person</th>
              <td mat-cell *matCellDef="let review">
                <a class="name" [routerLink]="['/reviews', review.id]">{{ review.employee.name }}</a>
              </td>
            </ng-container>
            <ng-container matColumnDef="manager">
              <th mat-header-cell *matHeaderCellDef scope="col">Reviewed by</th>
              <td mat-cell *matCellDef="let review" data-label="Reviewed by">{{ review.manager?.name ?? 'Administrators' }}</td>
            </ng-container>
            <ng-container matColumnDef="state">
              <th mat-header-cell *matHeaderCellDef scope="col">State</th>
              <td mat-cell *matCellDef="let review" data-label="State">
                {{ stateLabel(review.state) }}
                @if (review.overdue) {
                  &ngsp;<span class="tag overdue">Overdue</span>
                }
              </td>
            </ng-container>
            <ng-container matColumnDef="since">
              <th mat-header-cell *matHeaderCellDef scope="col">Since</th>
              <td mat-cell *matCellDef="let review" data-label="Since">{{ review.stateChangedAt | localDate }}</td>
            </ng-container>
            <tr mat-header-row *matHeaderRowDef="columns"></tr>
            <tr
              mat-row
              *matRowDef="let review; columns: columns"
              [class.overdue-row]="review.overdue"
              [attr.data-review-id]="review.id"
            ></tr>
          </table>
        </div>
      }
    </app-list-state>
  `,
  styleUrl: './cycle-reviews.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CycleReviews {
  private readonly store = inject(ReviewCyclesStore);

  readonly cycleId = input.required<string>();

  protected readonly filters: readonly SelectFilter[] = [
    {
      param: 'state',
      label: 'State',
      anyLabel: 'Any state',
      options: REVIEW_STATES.map((value) => ({ value, label: REVIEW_STATE_LABELS[value] })),
    },
  ];
  protected readonly stateLabels = REVIEW_STATE_LABELS;
  protected readonly columns = ['employee', 'manager', 'state', 'since'];

  private readonly cycleId$ = toObservable(this.cycleId);
  protected readonly list = urlList({
    read: readQuery,
    load: (query$) => this.store.reviews(combineLatest([this.cycleId$, query$]).pipe(map(([cycleId, query]) => ({ cycleId, ...query })))),
    pageSizes: REVIEW_PAGE_SIZES,
    defaultPageSize: DEFAULT_REVIEW_PAGE_SIZE,
  });

  protected stateLabel(state: ReviewState): string {
    return REVIEW_STATE_LABELS[state];
  }
}
