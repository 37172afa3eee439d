import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatTableModule } from '@angular/material/table';
import { ParamMap, RouterLink } from '@angular/router';
import { REVIEW_CYCLE_STATUSES, ReviewCycleStatus } from '@proficio/shared/contracts';
import { SessionStore } from '@proficio/web/auth/data-access';
import { ReviewCyclesStore } from '@proficio/web/review-cycles/data-access';
import { ListState, LocalDatePipe, SelectFilter, SelectFilters } from '@proficio/web/shared/ui';
import { readChoice, readPaging, resultSummary, urlList } from '@proficio/web/shared/util';
import { CYCLE_STATUS_LABELS } from '../shared/labels';

export const PAGE_SIZES = [10, 25, 50, 100] as const;
/** The API's default page size. */
export const DEFAULT_PAGE_SIZE = 25;

interface ListQuery {
  readonly status: ReviewCycleStatus | undefined;
  readonly page: number;
  readonly pageSize: number;
}

function readQuery(params: ParamMap): ListQuery {
  return {
    status: readChoice(params, 'status', REVIEW_CYCLE_STATUSES),
    ...readPaging(params, PAGE_SIZES, DEFAULT_PAGE_SIZE),
  };
}

/**
 * `/review-cycles` (admins): the review cycles, newest period first, with how far their reviews are (done of all,
 * overdue), filtered by status and paged through the URL.
 */
@Component({
  selector: 'app-review-cycle-list-page',
  imports: [ListState, LocalDatePipe, MatButtonModule, MatTableModule, RouterLink, SelectFilters],
  templateUrl: './review-cycle-list-page.html',
  styleUrl: './review-cycle-list-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReviewCycleListPage {
  /** Creating, editing, opening and closing cycles is for administrators; managers follow their line's reviews. */
  private readonly session = inject(SessionStore);
  protected readonly isAdmin = computed(() => this.session.canAccess(['admin']));
  private readonly store = inject(ReviewCyclesStore);

  protected readonly list = urlList({
    read: readQuery,
    load: (query$) => this.store.list(query$),
    pageSizes: PAGE_SIZES,
    defaultPageSize: DEFAULT_PAGE_SIZE,
  });
  protected readonly query = this.list.query;

  protected readonly filters: readonly SelectFilter[] = [
    {
      param: 'status',
      label: 'Status',
      anyLabel: 'Any status',
      options: REVIEW_CYCLE_STATUSES.map((value) => ({ value, label: CYCLE_STATUS_LABELS[value] })),
    },
  ];
  protected readonly statusLabels = CYCLE_STATUS_LABELS;
  protected readonly columns = ['name', 'period', 'status', 'progress', 'overdue'];

  protected readonly resultSummary = resultSummary(this.list, ['review cycle', 'review cycles']);

  protected statusLabel(status: ReviewCycleStatus): string {
    return CYCLE_STATUS_LABELS[status];
  }
}
