import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatPaginatorModule, PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { MatSelectChange, MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { ActivatedRoute, ParamMap, Router, RouterLink } from '@angular/router';
import { EmployeeStatus, EmployeeSummary, Page, TeamNode } from '@proficio/shared/contracts';
import { SessionStore } from '@proficio/web/auth/data-access';
import { SearchField } from '@proficio/web/shared/ui';
import { LOADING, LoadState, keptWhileLoading, pagingParams, readPaging, toLoadState } from '@proficio/web/shared/util';
import { PeopleApi, teamOptions } from '@proficio/web/people/data-access';
import { employeeStatusLabel } from '@proficio/web/people/ui';
import { Subject, combineLatest, distinctUntilChanged, map, startWith, switchMap } from 'rxjs';

export const PAGE_SIZES = [10, 25, 50, 100] as const;
/** The API's default page size. */
export const DEFAULT_PAGE_SIZE = 25;

interface DirectoryQuery {
  readonly q: string;
  /** '' for all teams. */
  readonly teamId: string;
  readonly page: number;
  readonly pageSize: number;
}

function readQuery(params: ParamMap): DirectoryQuery {
  return {
    q: params.get('q')?.trim() ?? '',
    teamId: params.get('teamId')?.trim() ?? '',
    ...readPaging(params, PAGE_SIZES, DEFAULT_PAGE_SIZE),
  };
}

const sameQuery = (a: DirectoryQuery, b: DirectoryQuery) =>
  a.q === b.q && a.teamId === b.teamId && a.page === b.page && a.pageSize === b.pageSize;

/**
 * `/people`: the people the signed-in manager or admin may see (the API decides: admins everyone,
 * managers themselves and their reporting line), searchable, filtered by team and paged through the URL.
 */
@Component({
  selector: 'app-people-directory-page',
  imports: [
    MatButtonModule,
    MatFormFieldModule,
    MatPaginatorModule,
    MatProgressBarModule,
    MatProgressSpinnerModule,
    MatSelectModule,
    MatTableModule,
    RouterLink,
    SearchField,
  ],
  templateUrl: './people-directory-page.html',
  styleUrl: './people-directory-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PeopleDirectoryPage {
  private readonly api = inject(PeopleApi);
  private readonly session = inject(SessionStore);
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);
  private readonly retries = new Subject<void>();

  private readonly query$ = this.route.queryParamMap.pipe(map(readQuery), distinctUntilChanged(sameQuery));

  /** Search text, team, page and page size, as the URL has them. */
  protected readonly query = toSignal(this.query$, { requireSync: true });

  /** Whose people the list holds: the API shows admins everyone and managers their reporting line. */
  protected readonly scope = computed(() =>
    this.session.hasRole('admin')
      ? { heading: 'Everyone', lead: 'Everyone in the organisation.' }
      : { heading: 'Your reporting line', lead: 'You and the people who report to you, directly or through others.' },
  );

  /** The latest list request; a new query or a retry cancels one still in flight. */
  protected readonly state = toSignal(
    combineLatest([this.query$, this.retries.pipe(startWith(undefined))]).pipe(
      switchMap(([query]) =>
        this.api
          .listEmployees({ q: query.q, teamId: query.teamId || undefined, page: query.page, pageSize: query.pageSize })
          .pipe(toLoadState()),
      ),
    ),
    { initialValue: LOADING as LoadState<Page<EmployeeSummary>> },
  );

  /** The page on screen: kept while the next one loads, so the table does not flicker while typing. */
  protected readonly page = keptWhileLoading(this.state);

  protected readonly loading = computed(() => this.state().status === 'loading');
  protected readonly problem = computed(() => {
    const state = this.state();
    return state.status === 'error' ? state.problem : null;
  });

  /** The teams for the filter; the list works without them if they fail to load. */
  private readonly teams = toSignal(this.api.getTeams().pipe(toLoadState()), {
    initialValue: LOADING as LoadState<TeamNode[]>,
  });
  protected readonly teamOptions = computed(() => {
    const teams = this.teams();
    return teams.status === 'loaded' ? teamOptions(teams.value) : [];
  });
  protected readonly teamsUnavailable = computed(() => this.teams().status === 'error');
  protected readonly selectedTeam = computed(() => this.teamOptions().find((team) => team.id === this.query().teamId) ?? null);

  protected readonly isFiltered = computed(() => !!this.query().q || !!this.query().teamId);

  /** "No people match “sara” in Service Desk.", "No people in Service Desk." */
  protected readonly noMatchMessage = computed(() => {
    const { q } = this.query();
    const team = this.selectedTeam()?.name ?? 'this team';
    if (!q) return `No people in ${team}.`;
    return this.query().teamId ? `No people match “${q}” in ${team}.` : `No people match “${q}”.`;
  });

  protected readonly resultSummary = computed(() => {
    const page = this.page();
    if (!page || this.loading()) return '';
    const { q } = this.query();
    const team = this.selectedTeam();
    const noun = page.total === 1 ? 'person' : 'people';
    const parts = [`${page.total} ${noun}`];
    if (q) parts.push(`match “${q}”`);
    if (team) parts.push(`in ${team.name}`);
    return parts.join(' ');
  });

  protected readonly columns = ['name', 'jobTitle', 'team', 'manager', 'status'];
  protected readonly pageSizes = PAGE_SIZES;

  protected search(q: string): void {
    this.navigate({ q: q || null, page: null }, true);
  }

  protected selectTeam(event: MatSelectChange<string>): void {
    this.navigate({ teamId: event.value || null, page: null });
  }

  protected statusLabel(status: EmployeeStatus): string {
    return employeeStatusLabel(status);
  }

  protected changePage(event: PageEvent): void {
    this.navigate(pagingParams(event, this.query(), DEFAULT_PAGE_SIZE));
  }

  protected clearFilters(): void {
    this.navigate({ q: null, teamId: null, page: null });
  }

  protected goToFirstPage(): void {
    this.navigate({ page: null });
  }

  protected retry(): void {
    this.retries.next();
  }

  private navigate(queryParams: Record<string, string | number | null>, replaceUrl = false): void {
    void this.router.navigate([], { relativeTo: this.route, queryParams, queryParamsHandling: 'merge', replaceUrl });
  }
}
