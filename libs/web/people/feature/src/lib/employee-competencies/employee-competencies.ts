import { ChangeDetectionStrategy, Component, ElementRef, Injector, afterNextRender, computed, inject, input, signal } from '@angular/core';
import { toObservable } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { AssessedLevel, AssessmentView, EmployeeCompetencyView, NamedRef } from '@proficio/shared/contracts';
import { competencyName } from '@proficio/web/frameworks/ui';
import { AssessmentsStore } from '@proficio/web/people/data-access';
import { LocalDatePipe, ProblemDetails, WithFrameworkVersionPipe } from '@proficio/web/shared/ui';
import { keptWhileLoading } from '@proficio/web/shared/util';
import { Observable, distinctUntilChanged, filter, map } from 'rxjs';
import { AssessmentHistory } from './assessment-history';
import { assessedLevelText, gapText, recordLevelText, ROLE_LABELS } from './assessment-text';
import { EmployeeProgression, focusProgressionDetail } from './employee-progression';
import { RateCompetencyData, RateCompetencyDialog } from './rate-competency-dialog';
import { WithdrawAssessmentData, WithdrawAssessmentDialog } from './withdraw-assessment-dialog';

/**
 * The employee page's Competencies tab: the person's role-profile competencies and any others
 * assessed, each with the current manager and self levels (stale and earlier-version ones marked in
 * words), the target from the role profile and the gap, a flag where self and manager are two or
 * more levels apart, a "Rate" button for whoever may rate, and the history of each on request.
 * Below 48rem the table becomes one card per competency. Under the table, on request, the progression
 * charts (the chart code and data load only then): a row's "Progression" button shows its chart large.
 * In an open history, the latest record of a chain the caller may change can be corrected (the rating
 * panel, prefilled, with a reason) or withdrawn (with a reason); the focus then returns to that history.
 */
@Component({
  selector: 'app-employee-competencies',
  imports: [
    WithFrameworkVersionPipe,
    AssessmentHistory,
    EmployeeProgression,
    LocalDatePipe,
    MatButtonModule,
    MatProgressSpinnerModule,
    ProblemDetails,
  ],
  templateUrl: './employee-competencies.html',
  styleUrl: './employee-competencies.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EmployeeCompetencies {
  private readonly store = inject(AssessmentsStore);
  private readonly dialog = inject(MatDialog);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);

  readonly employee = input.required<NamedRef>();

  private readonly competencies = this.store.competencies(
    toObservable(this.employee).pipe(
      map((employee) => employee.id),
      filter((id) => id !== ''),
      distinctUntilChanged(),
    ),
  );
  protected readonly loading = this.competencies.loading;
  private readonly kept = keptWhileLoading(this.competencies.state);
  /**
   * The person's competencies; while they load again after a save, the table stays as it was (so the
   * open histories and the focus stay), but never another person's.
   */
  protected readonly value = computed(() => {
    const value = this.kept();
    return value && value.employeeId.toLowerCase() === this.employee().id.toLowerCase() ? value : null;
  });
  protected readonly problem = this.competencies.problem;
  protected readonly mayRate = computed(() => this.value()?.mayRate ?? []);

  /** Competencies whose history is open, by id. */
  private readonly opened = signal<ReadonlySet<string>>(new Set());
  /** What the last save did, for screen readers. */
  protected readonly status = signal('');
  /** Whether the progression charts are shown, and whose is shown large. */
  protected readonly progressionOpen = signal(false);
  protected readonly progressionSelected = signal<string | null>(null);

  protected isOpen(row: EmployeeCompetencyView): boolean {
    return this.opened().has(row.competency.id);
  }

  protected toggleHistory(row: EmployeeCompetencyView): void {
    this.opened.update((opened) => {
      const next = new Set(opened);
      if (!next.delete(row.competency.id)) next.add(row.competency.id);
      return next;
    });
  }

  protected toggleProgression(): void {
    this.progressionOpen.update((open) => !open);
  }

  /** Shows the progression charts with this competency's large, and moves the focus to it. */
  protected showProgression(row: EmployeeCompetencyView): void {
    this.progressionOpen.set(true);
    this.progressionSelected.set(row.competency.id);
    afterNextRender(() => focusProgressionDetail(this.host.nativeElement), { injector: this.injector });
  }

  /** "C.1 User Support", or the title alone for a competency without a code: what screen readers hear. */
  protected name(row: EmployeeCompetencyView): string {
    return competencyName(row.competency);
  }

  protected levelText(row: EmployeeCompetencyView, assessed: AssessedLevel): string {
    return assessedLevelText(row.levels, assessed);
  }

  protected gap(row: EmployeeCompetencyView): string | null {
    return gapText(row.gap);
  }

  protected retry(): void {
    this.competencies.reload();
  }

  protected rate(row: EmployeeCompetencyView): void {
    const data: RateCompetencyData = { employee: this.employee(), row, mayRate: this.mayRate() };
    this.status.set('');
    this.openRateDialog(data).subscribe((saved) => {
      if (saved) {
        this.status.set(`Saved: ${competencyName(saved.competency)}, ${ROLE_LABELS[saved.role].toLowerCase()} ${recordLevelText(saved)}.`);
      }
    });
  }

  /** Opens the rating panel on a record of the history, to correct it. */
  protected correct(row: EmployeeCompetencyView, record: AssessmentView): void {
    const data: RateCompetencyData = { employee: this.employee(), row, mayRate: [record.role], correcting: record };
    this.status.set('');
    this.openRateDialog(data).subscribe((saved) => {
      if (saved) {
        this.status.set(
          `Corrected: ${competencyName(saved.competency)}, ${ROLE_LABELS[saved.role].toLowerCase()} ${recordLevelText(saved)}.`,
        );
        this.focusHistory(row);
      }
    });
  }

  /** Asks for a reason and withdraws a record of the history. */
  protected withdraw(row: EmployeeCompetencyView, record: AssessmentView): void {
    const data: WithdrawAssessmentData = { employee: this.employee(), row, record };
    this.status.set('');
    this.dialog
      .open<WithdrawAssessmentDialog, WithdrawAssessmentData, AssessmentView>(WithdrawAssessmentDialog, {
        data,
        width: '36rem',
        maxWidth: 'calc(100vw - 1rem)',
        autoFocus: 'first-heading',
      })
      .afterClosed()
      .subscribe((saved) => {
        if (saved) {
          this.status.set(`Withdrawn: ${competencyName(saved.competency)}, ${ROLE_LABELS[saved.role].toLowerCase()} record.`);
          this.focusHistory(row);
        }
      });
  }

  private openRateDialog(data: RateCompetencyData): Observable<AssessmentView | undefined> {
    return this.dialog
      .open<RateCompetencyDialog, RateCompetencyData, AssessmentView>(RateCompetencyDialog, {
        data,
        width: '48rem',
        maxWidth: 'calc(100vw - 1rem)',
        autoFocus: 'first-heading',
      })
      .afterClosed();
  }

  /**
   * Moves the focus to the heading of a competency's history once the dialog has given it back: after
   * a correction or withdrawal the button that opened it goes (its record is no longer the latest of its chain).
   */
  private focusHistory(row: EmployeeCompetencyView): void {
    afterNextRender(
      () =>
        this.host.nativeElement.querySelector<HTMLElement>(`[id="history-${row.competency.id}"] [data-testid="history-heading"]`)?.focus(),
      { injector: this.injector },
    );
  }
}
