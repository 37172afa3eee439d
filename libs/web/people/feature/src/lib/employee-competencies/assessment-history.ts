import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { toObservable } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { AssessmentView, AssessorRole, EmployeeCompetencyView } from '@proficio/shared/contracts';
import { competencyName, competencyShortName } from '@proficio/web/frameworks/ui';
import { AssessmentHistoryQuery, AssessmentsStore } from '@proficio/web/people/data-access';
import { ListState, LocalDatePipe, WithFrameworkVersionPipe } from '@proficio/web/shared/ui';
import { ListView, Paging, keptWhileLoading } from '@proficio/web/shared/util';
import { CONFIDENCE_LABELS, ROLE_LABELS, recordLevelText } from './assessment-text';

export const HISTORY_PAGE_SIZES = [10, 25, 50] as const;

/**
 * Every assessment of one person on one competency (and its earlier versions), newest first: who,
 * in which role, the level, the date, the rationale and confidence; corrections and withdrawals say
 * so with their reason, and records a later one replaced are marked; a manager assessment that relied on
 * accepted evidence links to it ("Relied on: …"). Paged; reloads after a save.
 *
 * The latest record of each chain (not replaced, not itself a withdrawal) of a role the caller may
 * record (`mayRate`: a manager or administrator the manager records, the person their own
 * self-assessments, as the API allows) offers "Correct" and "Withdraw"; the tab opens the dialogs.
 * A record of an earlier version of the competency can be withdrawn, not corrected: its levels are
 * not this version's (rate again instead).
 */
@Component({
  selector: 'app-assessment-history',
  imports: [WithFrameworkVersionPipe, ListState, LocalDatePipe, MatButtonModule, RouterLink],
  templateUrl: './assessment-history.html',
  styleUrl: './assessment-history.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AssessmentHistory {
  private readonly store = inject(AssessmentsStore);

  readonly employeeId = input.required<string>();
  readonly competency = input.required<EmployeeCompetencyView['competency']>();
  /** The roles the caller may record for this person, and so correct and withdraw. */
  readonly mayRate = input<readonly AssessorRole[]>([]);

  /** The user asked to correct this record. */
  readonly correct = output<AssessmentView>();
  /** The user asked to withdraw this record. */
  readonly withdraw = output<AssessmentView>();

  private readonly paging = signal<Paging>({ page: 1, pageSize: HISTORY_PAGE_SIZES[0] });
  /** The id alone, so that the tab's reload (new objects, same competency) does not ask again. */
  private readonly competencyId = computed(() => this.competency().id);
  private readonly query = computed<AssessmentHistoryQuery>(() => ({
    employeeId: this.employeeId(),
    competencyId: this.competencyId(),
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
  /** "C.1 User Support", or the title alone for a competency without a code. */
  protected readonly name = computed(() => competencyName(this.competency()));
  protected readonly shortName = computed(() => competencyShortName(this.competency()));

  protected readonly roleLabels = ROLE_LABELS;
  protected readonly confidenceLabels = CONFIDENCE_LABELS;
  protected readonly levelText = recordLevelText;

  /** The latest of its chain, of a role the caller may record: it can be withdrawn. */
  protected mayWithdraw(record: AssessmentView): boolean {
    return !record.replacedBy && record.kind !== 'withdrawal' && this.mayRate().includes(record.role);
  }

  /** It can be withdrawn, and is of this version of the competency: it can be corrected with this version's levels. */
  protected mayCorrect(record: AssessmentView): boolean {
    return this.mayWithdraw(record) && record.competency.id === this.competency().id;
  }

  /** What replaced a record: "Corrected later" or "Withdrawn later" when the replacement is on this page. */
  protected replacedText(record: AssessmentView): string {
    const replacement = this.records().find((other) => other.id === record.replacedBy);
    if (replacement?.kind === 'withdrawal') return 'Withdrawn later: no longer in force';
    if (replacement?.kind === 'correction') return 'Corrected later: replaced by the correction above';
    return 'Replaced later by a correction or withdrawal';
  }
}
