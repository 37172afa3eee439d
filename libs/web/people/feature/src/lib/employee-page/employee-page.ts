import { NgComponentOutlet, NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, Type, computed, effect, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { MatTabChangeEvent, MatTabsModule } from '@angular/material/tabs';
import { Title } from '@angular/platform-browser';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { EmployeeAccessLevel, EmployeeDetail, EmployeeStatus } from '@proficio/shared/contracts';
import { SessionStore } from '@proficio/web/auth/data-access';
import { EmployeeEvidence } from '@proficio/web/evidence/feature';
import { EmployeeReviews } from '@proficio/web/reviews/feature';
import { ApiProblem, isAddressNotFound, problemFromError } from '@proficio/web/shared/util';
import { PeopleStore } from '@proficio/web/people/data-access';
import { employeeStatusLabel } from '@proficio/web/people/ui';
import { ConfirmDialog, ConfirmDialogData, LocalDatePipe, LocalNumberPipe } from '@proficio/web/shared/ui';
import { distinctUntilChanged, filter, map, switchMap } from 'rxjs';
import { EmployeeAccount } from '../employee-account/employee-account';
import { EmployeeCompetencies } from '../employee-competencies/employee-competencies';
import { EmployeeDataDownload } from './employee-data-download';

/** The tabs, in order, by the name `?tab=` uses. Later features add theirs here and in LAZY_TABS. */
export const EMPLOYEE_TABS = ['overview', 'reports', 'competencies', 'evidence', 'reviews'] as const;
export type EmployeeTab = (typeof EMPLOYEE_TABS)[number];

/** The tabs after the reports, in order: each a feature's view of the person (its `employee` input), loaded when the tab opens. */
const LAZY_TABS: readonly { label: string; component: Type<{ employee: unknown }> }[] = [
  { label: 'Competencies', component: EmployeeCompetencies },
  { label: 'Evidence', component: EmployeeEvidence },
  { label: 'Reviews', component: EmployeeReviews },
];

const ACCESS_LABELS: Record<EmployeeAccessLevel, string> = {
  admin: 'Administrator: you can see everyone',
  self: 'This is you',
  manager: 'Manager: this person is in your reporting line',
};

/** What went wrong, in the words the page uses. */
export type EmployeeProblem = 'forbidden' | 'not-found' | 'other';

export function employeeProblem(problem: ApiProblem): EmployeeProblem {
  if (problem.status === 403) return 'forbidden';
  if (isAddressNotFound(problem)) return 'not-found';
  return 'other';
}

/**
 * How a manager relates to someone in their reporting line: "You manage Sara Bianchi directly." or
 * "You manage Sara Bianchi through Luca Esposito."; `null` for other kinds of access, whose label
 * ("This is you", "Administrator: …") already says it all.
 */
export function relationSentence(employee: EmployeeDetail, myEmployeeId: string | null): string | null {
  if (employee.access !== 'manager' || employee.id === myEmployeeId) return null;
  if (!employee.manager || employee.manager.id === myEmployeeId) return `You manage ${employee.name} directly.`;
  return `You manage ${employee.name} through ${employee.manager.name}.`;
}

/**
 * `/people/:id`: one person — name, job title, team, manager and how the signed-in person relates to
 * them — with tabs for the overview, the reports, the competencies, the evidence and the reviews (`?tab=`). The API answers 403 outside the
 * caller's reach and 404 for an unknown person.
 */
@Component({
  selector: 'app-employee-page',
  imports: [
    LocalNumberPipe,
    LocalDatePipe,
    EmployeeAccount,
    EmployeeDataDownload,
    MatButtonModule,
    MatProgressSpinnerModule,
    MatTabsModule,
    NgComponentOutlet,
    NgTemplateOutlet,
    RouterLink,
  ],
  templateUrl: './employee-page.html',
  styleUrl: './employee-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EmployeePage {
  private readonly people = inject(PeopleStore);
  private readonly session = inject(SessionStore);
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);
  private readonly title = inject(Title);
  private readonly dialog = inject(MatDialog);

  private readonly id$ = this.route.paramMap.pipe(
    map((params) => params.get('id') ?? ''),
    distinctUntilChanged(),
  );

  /** The latest request: a new id or a retry cancels one still in flight. */
  /** Reloads after any saved write to people (the anonymisation below, too). */
  private readonly loadedEmployee = this.people.employee(this.id$);

  protected readonly loading = this.loadedEmployee.loading;
  protected readonly employee = this.loadedEmployee.value;
  protected readonly problem = computed(() => {
    const problem = this.loadedEmployee.problem();
    return problem ? { kind: employeeProblem(problem), ...problem } : null;
  });

  /** Admins change people: the "Edit" button, and "Anonymise…" for someone who has left. */
  protected readonly isAdmin = computed(() => this.session.hasRole('admin'));
  protected readonly canAnonymise = computed(() => this.isAdmin() && this.employee()?.status === 'left' && !this.employee()?.anonymisedAt);
  /** What the last admin action did, or why it failed. */
  protected readonly actionStatus = signal('');
  protected readonly actionError = signal<string | null>(null);

  /** Managers and admins have the directory (and team filters) to go back to. */
  protected readonly canUseDirectory = computed(() => this.session.canAccess(['manager', 'admin']));

  protected readonly relation = computed(() => {
    const employee = this.employee();
    return employee ? relationSentence(employee, this.session.me()?.employee?.id ?? null) : null;
  });
  protected readonly accessLabel = computed(() => {
    const employee = this.employee();
    return employee ? ACCESS_LABELS[employee.access] : '';
  });
  /**
   * Whether the manager's page is open to the signed-in person: admins see everyone and a manager's
   * line runs through the person's manager; someone looking at themselves cannot see their own manager.
   */
  protected readonly managerVisible = computed(() => {
    const employee = this.employee();
    return !!employee && employee.access !== 'self';
  });

  private readonly tab = toSignal(this.route.queryParamMap.pipe(map((params) => params.get('tab'))), { requireSync: true });
  /** The tabs this person's page has: Reports only for someone with reports. */
  protected readonly tabs = computed(() =>
    EMPLOYEE_TABS.filter((tab) => tab !== 'reports' || (this.employee()?.directReports.length ?? 0) > 0),
  );
  protected readonly lazyTabs = LAZY_TABS;
  protected readonly selectedTabIndex = computed(() => Math.max(0, this.tabs().indexOf(this.tab() as EmployeeTab)));

  constructor() {
    effect(() => {
      const name = this.employee()?.name;
      if (name) this.title.setTitle(`${name} | Proficio`);
    });
  }

  protected statusLabel(status: EmployeeStatus): string {
    return employeeStatusLabel(status);
  }

  protected selectTab(event: MatTabChangeEvent): void {
    const tab = this.tabs()[event.index] ?? 'overview';
    if (tab === (this.tab() ?? 'overview')) return;
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: { tab: tab === 'overview' ? null : tab },
      queryParamsHandling: 'merge',
      replaceUrl: true,
    });
  }

  protected retry(): void {
    this.loadedEmployee.reload();
  }

  /** Asks, then anonymises someone who has left (admins; the API refuses anyone still active). */
  protected anonymise(employee: EmployeeDetail): void {
    const data: ConfirmDialogData = {
      title: `Anonymise ${employee.name}?`,
      message: `${employee.name} has left. Anonymising removes what identifies them from Proficio for good.`,
      consequences: [
        'Their name, email, job title and start date are replaced or cleared; nobody can find them by name any more.',
        'Their sign-in account is disabled and any open sessions end.',
        'Their team, role profiles and assessments (levels and dates) stay, counted in statistics without saying who they were; the written rationales of their assessments are withheld.',
        'This cannot be undone.',
      ],
      confirmLabel: 'Anonymise for good',
      destructive: true,
    };
    this.actionError.set(null);
    this.dialog
      .open<ConfirmDialog, ConfirmDialogData, boolean>(ConfirmDialog, { data, autoFocus: 'first-tabbable' })
      .afterClosed()
      .pipe(
        filter((confirmed) => confirmed === true),
        switchMap(() => this.people.anonymiseEmployee(employee.id)),
      )
      .subscribe({
        next: () => {
          this.actionStatus.set(`${employee.name} has been anonymised.`);
        },
        error: (error: unknown) => {
          const problem = problemFromError(error);
          this.actionError.set(`${employee.name} could not be anonymised: ${problem.detail ?? problem.title}`);
        },
      });
  }
}
