import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { toObservable } from '@angular/core/rxjs-interop';
import { AssessmentView, EmployeeCompetencyView } from '@proficio/shared/contracts';
import { AssessmentHistoryQuery, AssessmentsStore } from '@proficio/web/people/data-access';
import { ListState, LocalDatePipe } from '@proficio/web/shared/ui';
import { ListView, Paging, keptWhileLoading } from '@proficio/web/shared/util';
import { CONFIDENCE_LABELS, ROLE_LABELS, recordLevelText } from './assessment-text';

export const HISTORY_PAGE_SIZES = [10, 25, 50] as const;

/**
 * Every assessment of one person on one competency (and its earlier versions), newest first: who,
 * in which role, the level, the date, the rationale and confidence; corrections and withdrawals say
 * so with their reason, and records a later one replaced are marked. Paged; reloads after a save.
 */
@Component({
  selector: 'app-assessment-history',
  imports: [ListState, LocalDatePipe],
  templateUrl: './assessment-history.html',
  styleUrl: './assessment-history.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AssessmentHistory {
  private readonly store = inject(AssessmentsStore);

  readonly employeeId = input.required<string>();
  readonly competency = input.required<EmployeeCompetencyView['competency']>();

  private readonly paging = signal<Paging>({ page: 1, pageSize: HISTORY_PAGE_SIZES[0] });
  private readonly query = computed<AssessmentHistoryQuery>(() => ({
    employeeId: this.employeeId(),
    competencyId: this.competency().id,
    ...this.paging(),
  }));
  private readonly history = this.store.history(toObservable(this.query));

  protected readonly list: ListView = {
    page: keptWhileLoading(this.history.state),
    loading: this.history.loading,
    problem: this.history.problem,
    paging: this.paging.asReadonly(),
    pageSizes: HISTORY_PAGE_SIZES,
    retry: () => this.history.reload(),
    changePage: (event) =>
      this.paging.set({ page: event.pageSize === this.paging().pageSize ? event.pageIndex + 1 : 1, pageSize: event.pageSize }),
    firstPage: () => this.paging.update((paging) => ({ ...paging, page: 1 })),
  };
  protected readonly records = computed(() => this.history.value()?.items ?? []);

  protected readonly roleLabels = ROLE_LABELS;
  protected readonly confidenceLabels = CONFIDENCE_LABELS;
  protected readonly levelText = recordLevelText;

  /** What replaced a record: "Corrected later" or "Withdrawn later" when the replacement is on this page. */
  protected replacedText(record: AssessmentView): string {
    const replacement = this.records().find((other) => other.id === record.replacedBy);
    if (replacement?.kind === 'withdrawal') return 'Withdrawn later: no longer in force';
    if (replacement?.kind === 'correction') return 'Corrected later: replaced by the correction above';
    return 'Replaced later by a correction or withdrawal';
  }
}
