import { ChangeDetectionStrategy, Component, ElementRef, Injector, afterNextRender, computed, inject, input, model } from '@angular/core';
import { toObservable } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { EmployeeCompetencyView, ProgressionSeries } from '@proficio/shared/contracts';
import { competencyName } from '@proficio/web/frameworks/ui';
import { AssessmentsStore } from '@proficio/web/people/data-access';
import { ProblemDetails } from '@proficio/web/shared/ui';
import { distinctUntilChanged, filter } from 'rxjs';
import { SERIES_STYLES } from './progression-chart-data';
import { ProgressionFigure } from './progression-figure';

/** One small multiple of the overview: a competency of the tab, with its series when it has history. */
interface ProgressionTile {
  id: string;
  name: string;
  series?: ProgressionSeries;
}

/** The id of the chosen competency's heading, which gets focus when a competency is chosen. */
export const PROGRESSION_DETAIL_HEADING = 'progression-detail-heading';

/**
 * The Competencies tab's progression: the chosen competency's step chart over time (manager and self
 * levels, the target), and an overview of every competency of the tab as small step charts, each of
 * which can be shown larger. One legend in words and line samples serves them all; every chart has its
 * numbers in a table. Loads `GET /api/employees/:id/progression` when shown, again after each save.
 */
@Component({
  selector: 'app-employee-progression',
  imports: [MatButtonModule, MatProgressSpinnerModule, ProblemDetails, ProgressionFigure],
  templateUrl: './employee-progression.html',
  styleUrl: './employee-progression.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EmployeeProgression {
  private readonly store = inject(AssessmentsStore);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);

  readonly employeeId = input.required<string>();
  /** The competencies of the tab, in its order: one small multiple each. */
  readonly items = input.required<readonly EmployeeCompetencyView[]>();
  /** The competency whose chart is shown large. */
  readonly selected = model<string | null>(null);

  private readonly progression = this.store.progression(
    toObservable(this.employeeId).pipe(
      filter((id) => id !== ''),
      distinctUntilChanged(),
    ),
  );
  protected readonly loading = this.progression.loading;
  protected readonly value = this.progression.value;
  protected readonly problem = this.progression.problem;

  protected readonly styles = SERIES_STYLES;
  protected readonly detailHeading = PROGRESSION_DETAIL_HEADING;

  /** The tab's competencies (then any other with history), each with its series. */
  protected readonly tiles = computed<ProgressionTile[]>(() => {
    const series = this.value()?.series ?? [];
    const byId = new Map(series.map((one) => [one.competency.id, one]));
    const tiles: ProgressionTile[] = this.items().map((row) => ({
      id: row.competency.id,
      name: competencyName(row.competency),
      series: byId.get(row.competency.id),
    }));
    const shown = new Set(tiles.map((tile) => tile.id));
    for (const one of series) {
      if (!shown.has(one.competency.id)) tiles.push({ id: one.competency.id, name: competencyName(one.competency), series: one });
    }
    return tiles;
  });

  protected readonly chosen = computed(() => {
    const id = this.selected();
    if (id === null) return null;
    const row = this.items().find((item) => item.competency.id === id);
    const tile = this.tiles().find((one) => one.id === id);
    const name = tile?.name ?? (row ? competencyName(row.competency) : null);
    return name === null ? null : { id, name, series: tile?.series };
  });

  /** Shows a competency's chart large and moves the focus to it. */
  protected showLarger(tile: ProgressionTile): void {
    this.selected.set(tile.id);
    afterNextRender(() => focusProgressionDetail(this.host.nativeElement), { injector: this.injector });
  }

  protected retry(): void {
    this.progression.reload();
  }
}

/** Moves the focus to the chosen competency's heading inside `within` (it scrolls into view). */
export function focusProgressionDetail(within: HTMLElement): void {
  within.querySelector<HTMLElement>(`#${PROGRESSION_DETAIL_HEADING}`)?.focus();
}
