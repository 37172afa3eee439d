import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatChipsModule } from '@angular/material/chips';
import { ParamMap, RouterLink } from '@angular/router';
import { REVIEW_STATES, ReviewState } from '@proficio/shared/contracts';
import { SessionStore } from '@proficio/web/auth/data-access';
import { PeopleApi } from '@proficio/web/people/data-access';
import { ReviewCyclesApi } from '@proficio/web/review-cycles/data-access';
import { ReviewsStore } from '@proficio/web/reviews/data-access';
import { ListState, LocalDatePipe, RemoveIcon, SearchField, SelectFilter, SelectFilters, namedOptions } from '@proficio/web/shared/ui';
import { readChoice, readPaging, resultSummary, urlList } from '@proficio/web/shared/util';
import { catchError, distinctUntilChanged, map, of, switchMap } from 'rxjs';
import { STATE_LABELS, STATE_STEPS, nextDeadline } from '../shared/review-text';

export const REVIEW_PAGE_SIZES = [10, 25, 50] as const;
export const REVIEW_DEFAULT_PAGE_SIZE = 25;

const STATE_OPTIONS = STATE_STEPS.map((step) => ({ value: step.state, label: step.label }));

/** How many cycles the cycle filter offers (newest first); a cycle further back is reached from its own page. */
export const REVIEW_CYCLE_FILTER_SIZE = 100;

interface ReviewListUrlQuery {
  readonly q: string;
  /** '' for any cycle. */
  readonly cycleId: string;
  /** '' for anyone's reviews. */
  readonly employeeId: string;
  /** Undefined for any state. */
  readonly state: ReviewState | undefined;
  readonly page: number;
  readonly pageSize: number;
}

/** The id in the query parameter `name`, or '' when it is missing or not an id. */
function readId(params: ParamMap, name: string): string {
  const id = params.get(name) ?? '';
  return /^[0-9a-f-]{36}$/i.test(id) ? id : '';
}

function readQuery(params: ParamMap): ReviewListUrlQuery {
  return {
    q: params.get('q')?.trim() ?? '',
    cycleId: readId(params, 'cycleId'),
    employeeId: readId(params, 'employeeId'),
    state: readChoice(params, 'state', REVIEW_STATES),
    ...readPaging(params, REVIEW_PAGE_SIZES, REVIEW_DEFAULT_PAGE_SIZE),
  };
}

/**
 * `/reviews`: the reviews in the caller's reach (their own, those assigned to them, their line's locked ones, all for
 * admins), newest cycle first, filtered by cycle, state, person and a name search through the URL (`?cycleId=`, `?state=`,
 * `?employeeId=`, the employee page's link to all of a person's reviews; `?q=`, `?page=`). Each
 * shows the cycle, the person, the manager, the state in words, the step's deadline, and whether it is overdue.
 */
@Component({
  selector: 'app-review-list-page',
  imports: [ListState, LocalDatePipe, MatButtonModule, MatChipsModule, RemoveIcon, RouterLink, SearchField, SelectFilters],
  templateUrl: './review-list-page.html',
  styleUrl: './review-list-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReviewListPage {
  private readonly store = inject(ReviewsStore);
  private readonly session = inject(SessionStore);
  private readonly cycleApi = inject(ReviewCyclesApi);
  private readonly peopleApi = inject(PeopleApi);

  protected readonly list = urlList({
    read: readQuery,
    // The API list leaves out the filters that are empty.
    load: (query$) => this.store.list(query$),
    pageSizes: REVIEW_PAGE_SIZES,
    defaultPageSize: REVIEW_DEFAULT_PAGE_SIZE,
  });
  protected readonly query = this.list.query;
  protected readonly stateLabels = STATE_LABELS;
  protected readonly nextDeadline = nextDeadline;

  /** Someone who reviews others (or an admin) sees everyone's; an employee only their own. */
  protected readonly reviewsOthers = computed(() => this.session.canAccess(['manager', 'admin']));
  protected readonly heading = computed(() => (this.reviewsOthers() ? 'Reviews' : 'My reviews'));
  protected readonly myEmployeeId = computed(() => this.session.me()?.employee?.id ?? null);
  protected readonly isFiltered = computed(() => {
    const { q, cycleId, employeeId, state } = this.query();
    return !!(q || cycleId || employeeId || state);
  });

  /**
   * The name of the person whose reviews are listed (`?employeeId=`), for the filter's chip: looked up, else taken from
   * their reviews on screen, else "Unknown person"; '' while it loads.
   */
  private readonly employeeLookup = toSignal(
    this.list.query$.pipe(
      map((query) => query.employeeId),
      distinctUntilChanged(),
      switchMap((id) =>
        id
          ? this.peopleApi.getEmployee(id).pipe(
              map((person): string | null => person.name),
              catchError(() => of(null)),
            )
          : of(''),
      ),
    ),
    { initialValue: '' },
  );
  protected readonly employeeName = computed(() => {
    const looked = this.employeeLookup();
    if (looked !== null) return looked;
    const id = this.query().employeeId;
    return this.list.page()?.items.find((review) => review.employee.id === id)?.employee.name ?? 'Unknown person';
  });

  /** The cycles with a review in the caller's reach, newest first, for the cycle filter (none if they cannot be read). */
  protected readonly cycles = toSignal(
    this.cycleApi.list({ pageSize: REVIEW_CYCLE_FILTER_SIZE }).pipe(
      map((page) => page.items),
      catchError(() => of([])),
    ),
    { initialValue: [] },
  );

  /** The cycle filter when there are cycles to choose between (or one is chosen), then the state filter. */
  protected readonly filters = computed((): SelectFilter[] => [
    ...(this.cycles().length > 1 || this.query().cycleId
      ? [
          {
            param: 'cycleId',
            label: 'Cycle',
            anyLabel: 'Any cycle',
            options: namedOptions(this.cycles()),
            testId: 'review-cycle-filter',
            width: '16rem',
          },
        ]
      : []),
    { param: 'state', label: 'State', anyLabel: 'Any state', options: STATE_OPTIONS, testId: 'review-state-filter', width: '16rem' },
  ]);

  protected readonly resultSummary = resultSummary(this.list, ['review', 'reviews']);

  protected clearFilters(): void {
    this.list.filter({ q: null, cycleId: null, employeeId: null, state: null });
  }
}
