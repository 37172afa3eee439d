import { ChangeDetectionStrategy, Component, ElementRef, Injector, afterNextRender, computed, inject, input, signal } from '@angular/core';
import { toObservable } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { AssessedLevel, AssessmentView, EmployeeCompetencyView, NamedRef } from '@proficio/shared/contracts';
import { AssessmentsStore } from '@proficio/web/people/data-access';
import { LocalDatePipe, ProblemDetails } from '@proficio/web/shared/ui';
import { distinctUntilChanged, filter, map } from 'rxjs';
import { AssessmentHistory } from './assessment-history';
import { assessedLevelText, gapText, recordLevelText, ROLE_LABELS } from './assessment-text';
import { EmployeeProgression, focusProgressionDetail } from './employee-progression';
import { RateCompetencyData, RateCompetencyDialog } from './rate-competency-dialog';

/**
 * The employee page's Competencies tab: the person's role-profile competencies and any others
 * assessed, each with the current manager and self levels (stale and earlier-version ones marked in
 * words), the target from the role profile and the gap, a flag where self and manager are two or
 * more levels apart, a "Rate" button for whoever may rate, and the history of each on request.
 * Below 48rem the table becomes one card per competency. Under the table, on request, the progression
 * charts (the chart code and data load only then): a row's "Progression" button shows its chart large.
 */
@Component({
  selector: 'app-employee-competencies',
  imports: [AssessmentHistory, EmployeeProgression, LocalDatePipe, MatButtonModule, MatProgressSpinnerModule, ProblemDetails],
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
  protected readonly value = this.competencies.value;
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
    this.dialog
      .open<RateCompetencyDialog, RateCompetencyData, AssessmentView>(RateCompetencyDialog, {
        data,
        width: '48rem',
        maxWidth: 'calc(100vw - 1rem)',
        autoFocus: 'first-heading',
      })
      .afterClosed()
      .subscribe((saved) => {
        if (saved) {
          this.status.set(
            `Saved: ${saved.competency.code} ${saved.competency.title.text}, ${ROLE_LABELS[saved.role].toLowerCase()} ${recordLevelText(saved)}.`,
          );
        }
      });
  }
}
