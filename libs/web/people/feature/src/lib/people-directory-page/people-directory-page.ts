import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatAutocompleteModule, MatAutocompleteSelectedEvent } from '@angular/material/autocomplete';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxChange, MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatTableModule } from '@angular/material/table';
import { ParamMap, RouterLink } from '@angular/router';
import { EmployeeStatus, EmployeeSummary, NamedRef } from '@proficio/shared/contracts';
import { SessionStore } from '@proficio/web/auth/data-access';
import { ListState, SearchField, SelectFilter, SelectFilters, namedOptions } from '@proficio/web/shared/ui';
import { loaded, matching, readChoice, readPaging, resultSummary, urlList } from '@proficio/web/shared/util';
import { PeopleApi, PeopleStore, teamOptions } from '@proficio/web/people/data-access';
import { RoleProfilesApi } from '@proficio/web/role-profiles/data-access';
import { employeeStatusLabel } from '@proficio/web/people/ui';
import { Subject, catchError, debounceTime, distinctUntilChanged, map, of, switchMap } from 'rxjs';

export const PAGE_SIZES = [10, 25, 50, 100] as const;
/** The API's default page size. */
export const DEFAULT_PAGE_SIZE = 25;

interface DirectoryQuery {
  readonly q: string;
  /** '' for all teams. */
  readonly teamId: string;
  /** With a team: its sub-teams' members too (`?subTeams=false` turns it off). */
  readonly subTeams: boolean;
  /** '' for anyone's reports. */
  readonly managerId: string;
  /** '' for any role profile. */
  readonly roleProfileId: string;
  /** Undefined for both active people and people who have left. */
  readonly status: EmployeeStatus | undefined;
  readonly page: number;
  readonly pageSize: number;
}

function readQuery(params: ParamMap): DirectoryQuery {
  return {
    q: params.get('q')?.trim() ?? '',
    teamId: params.get('teamId')?.trim() ?? '',
    subTeams: params.get('subTeams') !== 'false',
    managerId: params.get('managerId')?.trim() ?? '',
    roleProfileId: params.get('roleProfileId')?.trim() ?? '',
    status: readChoice(params, 'status', STATUS_VALUES),
    ...readPaging(params, PAGE_SIZES, DEFAULT_PAGE_SIZE),
  };
}

export const STATUS_FILTERS: readonly { value: EmployeeStatus; label: string }[] = [
  { value: 'active', label: 'Active' },
  { value: 'left', label: 'Has left' },
];

const STATUS_VALUES = STATUS_FILTERS.map((option) => option.value);

/** How long the manager filter waits for typing to pause before it searches. */
export const MANAGER_SEARCH_DEBOUNCE_MS = 250;

/**
 * `/people`: the people the signed-in manager or admin may see (the API decides: admins everyone,
 * managers themselves and their reporting line), searchable, filtered by team and paged through the URL.
 */
@Component({
  selector: 'app-people-directory-page',
  imports: [
    MatAutocompleteModule,
    MatCheckboxModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatTableModule,
    RouterLink,
    ListState,
    SearchField,
    SelectFilters,
  ],
  templateUrl: './people-directory-page.html',
  styleUrl: './people-directory-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PeopleDirectoryPage {
  private readonly api = inject(PeopleApi);
  private readonly peopleStore = inject(PeopleStore);
  private readonly roleProfilesApi = inject(RoleProfilesApi);
  private readonly session = inject(SessionStore);

  /** Search text, filters, page and page size, as the URL has them; reloads after each saved write to people or teams. */
  protected readonly list = urlList({
    read: readQuery,
    load: (query$) =>
      this.peopleStore.directory(
        query$.pipe(
          // The API list leaves out the filters that are empty, and the sub-teams unless they are left out of a team.
          map(({ subTeams, ...query }) => ({ ...query, includeSubTeams: subTeams })),
        ),
      ),
    pageSizes: PAGE_SIZES,
    defaultPageSize: DEFAULT_PAGE_SIZE,
  });
  protected readonly query = this.list.query;
  private readonly query$ = this.list.query$;

  /** Whose people the list holds: the API shows admins everyone and managers their reporting line. */
  protected readonly scope = computed(() =>
    this.session.hasRole('admin')
      ? { heading: 'Everyone', lead: 'Everyone in the organisation.' }
      : { heading: 'Your reporting line', lead: 'You and the people who report to you, directly or through others.' },
  );

  /** The teams for the filter; the list works without them if they fail to load. */
  private readonly teams = loaded(() => this.api.getTeams());
  protected readonly teamOptions = computed(() => teamOptions(this.teams.value() ?? []));
  protected readonly teamsUnavailable = computed(() => !!this.teams.problem());
  protected readonly selectedTeam = computed(() => this.teamOptions().find((team) => team.id === this.query().teamId) ?? null);

  /** Admins add people. */
  protected readonly isAdmin = computed(() => this.session.hasRole('admin'));

  /** The role profiles for the filter (the first 100 by name); the list works without them. */
  private readonly roleProfiles = loaded(() => this.roleProfilesApi.listRoleProfiles({ pageSize: 100 }));
  protected readonly roleProfilesUnavailable = computed(() => !!this.roleProfiles.problem());

  /** The team filter (before the sub-teams box and the manager), then the role profile and status filters. */
  protected readonly teamFilter = computed((): SelectFilter[] => [
    {
      param: 'teamId',
      label: 'Team',
      anyLabel: 'All teams',
      options: namedOptions(this.teamOptions()),
      testId: 'team-filter',
      hint: this.teamsUnavailable() ? 'The teams could not be loaded' : '',
      width: '18rem',
    },
  ]);
  protected readonly moreFilters = computed((): SelectFilter[] => [
    {
      param: 'roleProfileId',
      label: 'Role profile',
      anyLabel: 'Any role profile',
      options: namedOptions(this.roleProfiles.value()?.items ?? []),
      testId: 'role-profile-filter',
      hint: this.roleProfilesUnavailable() ? 'The role profiles could not be loaded' : '',
      width: '18rem',
    },
    { param: 'status', label: 'Status', anyLabel: 'Active and left', options: STATUS_FILTERS, testId: 'status-filter', width: '12rem' },
  ]);

  /** The manager filter's text: the chosen manager's name (looked up from ?managerId=) or what is typed. */
  protected readonly managerText = new Subject<string>();
  private readonly managerName = toSignal(
    this.query$.pipe(
      map((query) => query.managerId),
      distinctUntilChanged(),
      switchMap((id) =>
        id
          ? this.api.getEmployee(id).pipe(
              map((person) => person.name),
              catchError(() => of('Unknown manager')),
            )
          : of(''),
      ),
    ),
    { initialValue: '' },
  );
  protected readonly managerInput = computed(() => this.managerName());
  protected readonly managerOptions = toSignal(
    this.managerText.pipe(
      map((text) => text.trim()),
      debounceTime(MANAGER_SEARCH_DEBOUNCE_MS),
      distinctUntilChanged(),
      switchMap((q) =>
        q
          ? this.api.listEmployees({ q, pageSize: 10 }).pipe(
              map((page) => page.items),
              catchError(() => of([])),
            )
          : of([]),
      ),
    ),
    { initialValue: [] as EmployeeSummary[] },
  );

  protected readonly isFiltered = computed(() => {
    const query = this.query();
    return !!(query.q || query.teamId || query.managerId || query.roleProfileId || query.status);
  });

  /** "No people match “sara” in Service Desk.", "No people in Service Desk." */
  protected readonly noMatchMessage = computed(() => {
    const { q, managerId, roleProfileId, status } = this.query();
    if (managerId || roleProfileId || status) return 'No people match these filters.';
    const team = this.selectedTeam()?.name ?? 'this team';
    if (!q) return `No people in ${team}.`;
    return this.query().teamId ? `No people match “${q}” in ${team}.` : `No people match “${q}”.`;
  });

  protected readonly resultSummary = resultSummary(this.list, ['person', 'people'], () => {
    const team = this.selectedTeam();
    return [matching(this.query().q), team ? `in ${team.name}` : null];
  });

  protected readonly columns = ['name', 'jobTitle', 'team', 'manager', 'status'];

  protected includeSubTeams(event: MatCheckboxChange): void {
    this.list.filter({ subTeams: event.checked ? null : 'false' });
  }

  protected typeManager(event: Event): void {
    const text = (event.target as HTMLInputElement).value;
    this.managerText.next(text);
    // Emptying the field drops the filter.
    if (!text.trim() && this.query().managerId) this.list.filter({ managerId: null });
  }

  protected selectManager(event: MatAutocompleteSelectedEvent): void {
    const manager = event.option.value as NamedRef;
    this.list.filter({ managerId: manager.id });
  }

  protected readonly managerLabel = (value: NamedRef | string | null): string =>
    value && typeof value === 'object' ? value.name : (value ?? '');

  protected statusLabel(status: EmployeeStatus): string {
    return employeeStatusLabel(status);
  }

  protected clearFilters(): void {
    this.list.filter({ q: null, teamId: null, subTeams: null, managerId: null, roleProfileId: null, status: null });
  }
}
