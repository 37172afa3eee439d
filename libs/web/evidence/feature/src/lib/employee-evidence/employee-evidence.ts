import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { toObservable } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { ParamMap, RouterLink } from '@angular/router';
import { EVIDENCE_STATUSES, EmployeeAccessLevel, EvidenceStatus, EvidenceSummary } from '@proficio/shared/contracts';
import { SessionStore } from '@proficio/web/auth/data-access';
import { EvidenceStore } from '@proficio/web/evidence/data-access';
import { AssessmentsStore } from '@proficio/web/people/data-access';
import { ListState, LocalDatePipe, LocalNumberPipe, SelectFilter, SelectFilters } from '@proficio/web/shared/ui';
import { readChoice, readPaging, resultSummary, urlList } from '@proficio/web/shared/util';
import { combineLatest, distinctUntilChanged, map } from 'rxjs';
import { EvidenceStatusChip } from '../shared/evidence-status';
import { STATUS_LABELS, claimText, competencyText } from '../shared/evidence-text';

export const EVIDENCE_PAGE_SIZES = [10, 25, 50] as const;
export const EVIDENCE_DEFAULT_PAGE_SIZE = 10;

interface EvidenceTabQuery {
  /** '' for any competency. */
  readonly competencyId: string;
  /** Undefined for any status. */
  readonly status: EvidenceStatus | undefined;
  readonly page: number;
  readonly pageSize: number;
}

function readQuery(params: ParamMap): EvidenceTabQuery {
  return {
    competencyId: params.get('competencyId')?.trim() ?? '',
    status: readChoice(params, 'status', EVIDENCE_STATUSES),
    ...readPaging(params, EVIDENCE_PAGE_SIZES, EVIDENCE_DEFAULT_PAGE_SIZE),
  };
}

/** Whose evidence the tab shows, and how the signed-in person relates to them. */
export interface EvidenceOwner {
  readonly id: string;
  readonly name: string;
  readonly access: EmployeeAccessLevel;
}

/**
 * The employee page's Evidence tab: the person's evidence, newest first, each with its status (the latest verdict)
 * and the competencies and levels it claims, filtered by competency and status through the URL (`?competencyId=`,
 * `?status=`, paged with `?page=`). The person themselves (and admins) submit new evidence from here; drafts are
 * only ever listed to their author.
 */
@Component({
  selector: 'app-employee-evidence',
  imports: [LocalNumberPipe, EvidenceStatusChip, ListState, LocalDatePipe, MatButtonModule, RouterLink, SelectFilters],
  templateUrl: './employee-evidence.html',
  styleUrl: './employee-evidence.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EmployeeEvidence {
  private readonly store = inject(EvidenceStore);
  private readonly assessments = inject(AssessmentsStore);
  private readonly session = inject(SessionStore);

  readonly employee = input.required<EvidenceOwner>();

  private readonly employeeId$ = toObservable(computed(() => this.employee().id)).pipe(distinctUntilChanged());

  protected readonly list = urlList({
    read: readQuery,
    load: (query$) =>
      this.store.list(
        combineLatest([this.employeeId$, query$]).pipe(
          // The API list leaves out the filters that are empty.
          map(([employeeId, query]) => ({ employeeId, ...query })),
        ),
      ),
    pageSizes: EVIDENCE_PAGE_SIZES,
    defaultPageSize: EVIDENCE_DEFAULT_PAGE_SIZE,
  });
  protected readonly query = this.list.query;

  protected readonly isSelf = computed(() => this.employee().access === 'self');
  /** The person submits their own evidence; admins may submit it for anyone. */
  protected readonly maySubmit = computed(() => this.isSelf() || this.session.hasRole('admin'));

  /** Drafts are their author's alone: others are not offered the filter. */
  protected readonly statusOptions = computed(() =>
    EVIDENCE_STATUSES.filter((status) => status !== 'draft' || this.isSelf()).map((status) => ({
      value: status,
      label: STATUS_LABELS[status],
    })),
  );

  /** The person's competencies (role profile and assessed) and those the listed evidence claims; the filter works without them. */
  private readonly competencies = this.assessments.competencies(this.employeeId$);
  protected readonly competencyOptions = computed(() => {
    const options = new Map<string, string>();
    for (const row of this.competencies.value()?.items ?? []) options.set(row.competency.id, competencyText(row.competency));
    for (const item of this.list.page()?.items ?? []) {
      for (const claim of item.claims) options.set(claim.competency.id, competencyText(claim.competency));
    }
    return [...options]
      .map(([value, label]) => ({ value, label }))
      .sort((a, b) => a.label.localeCompare(b.label, undefined, { numeric: true }));
  });

  protected readonly filters = computed((): SelectFilter[] => [
    {
      param: 'competencyId',
      label: 'Competency',
      anyLabel: 'Any competency',
      options: this.competencyOptions(),
      testId: 'evidence-competency-filter',
      width: '20rem',
    },
    {
      param: 'status',
      label: 'Status',
      anyLabel: 'Any status',
      options: this.statusOptions(),
      testId: 'evidence-status-filter',
      width: '14rem',
    },
  ]);

  protected readonly isFiltered = computed(() => !!(this.query().competencyId || this.query().status));

  protected readonly resultSummary = resultSummary(this.list, ['item of evidence', 'items of evidence']);

  protected claims(item: EvidenceSummary): string {
    return item.claims.map(claimText).join('; ');
  }

  protected clearFilters(): void {
    this.list.filter({ competencyId: null, status: null });
  }
}
