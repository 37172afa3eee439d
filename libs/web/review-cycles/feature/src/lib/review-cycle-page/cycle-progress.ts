import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { toObservable } from '@angular/core/rxjs-interop';
import { ReviewCycleProgress } from '@proficio/shared/contracts';
import { ReviewCyclesStore } from '@proficio/web/review-cycles/data-access';
import { BROWSER_LOCALE, LoadedContent, LocalDatePipe, formatLocalDate } from '@proficio/web/shared/ui';
import { LineChartCanvas } from '@proficio/web/shared/ui/chart';
import { prefersDarkScheme } from '@proficio/web/shared/util/color-scheme';
import { distinctUntilChanged } from 'rxjs';
import {
  CycleProgressChartConfig,
  DARK_PROGRESS_PALETTE,
  LIGHT_PROGRESS_PALETTE,
  PROGRESS_SERIES,
  cycleProgressChartConfig,
  progressRows,
  progressSummary,
} from './cycle-progress-data';

/**
 * A cycle's progress over time as a small figure on its overview: a caption saying where it stands in words, a filled
 * line chart of the reviews past the self-assessment and of those locked on each day since the opening (with an HTML
 * legend naming each line's style), and the numbers behind it in a table that only screen readers read. Loads
 * `GET /api/review-cycles/:id/progress`, again after each saved write to a cycle (people added).
 */
@Component({
  selector: 'app-cycle-progress',
  imports: [LineChartCanvas, LoadedContent, LocalDatePipe],
  template: `
    <app-loaded-content what="the progress over time" testId="cycle-progress" [loaded]="progress">
      @if (progress.value(); as progress) {
        <figure class="figure" data-testid="cycle-progress-chart">
          <figcaption>
            <span class="title">Over time</span>&ngsp;
            <span class="summary" data-testid="cycle-progress-summary">{{ summary() }}</span>
          </figcaption>
          @if (progress.days.length) {
            <ul class="legend" aria-hidden="true">
              @for (key of seriesKeys; track key) {
                <li [attr.data-series]="key">
                  <span class="line" [style.border-top-color]="palette()[key]"></span>{{ series[key].label }}
                </li>
              }
            </ul>
            <div class="chart">
              <app-line-chart-canvas [config]="config()" [label]="chartLabel()" />
            </div>
            <table class="visually-hidden" data-testid="cycle-progress-numbers">
              <caption>
                Reviews of the cycle by the end of each day on which a number changed, and today
              </caption>
              <thead>
                <tr>
                  <th scope="col">Date</th>
                  <th scope="col">Reviews</th>
                  <th scope="col">{{ series.pastSelf.label }}</th>
                  <th scope="col">{{ series.locked.label }}</th>
                </tr>
              </thead>
              <tbody>
                @for (row of rows(); track row.date) {
                  <tr>
                    <th scope="row">{{ row.date | localDate }}</th>
                    <td>{{ row.total }}</td>
                    <td>{{ row.pastSelf }}</td>
                    <td>{{ row.locked }}</td>
                  </tr>
                }
              </tbody>
            </table>
          }
        </figure>
      }
    </app-loaded-content>
  `,
  styles: `
    :host {
      display: block;
      min-width: 0;
    }
    .figure {
      margin: 1rem 0 0;
    }
    figcaption {
      margin-bottom: 0.5rem;
    }
    .title {
      display: block;
      font: var(--mat-sys-title-small);
    }
    .summary {
      display: block;
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-medium);
    }
    .legend {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 1.25rem;
      margin: 0 0 0.5rem;
      padding: 0;
      list-style: none;
      font: var(--mat-sys-body-small);
    }
    .legend li {
      display: flex;
      align-items: center;
      gap: 0.4rem;
    }
    .line {
      display: inline-block;
      width: 1.5rem;
      border-top: 2px solid;
    }
    [data-series='locked'] .line {
      border-top-style: dashed;
    }
    .chart {
      height: 11rem;
      max-width: 40rem;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CycleProgress {
  private readonly store = inject(ReviewCyclesStore);
  private readonly locale = inject(BROWSER_LOCALE);
  private readonly dark = prefersDarkScheme();

  readonly cycleId = input.required<string>();

  protected readonly progress = this.store.progress(toObservable(this.cycleId).pipe(distinctUntilChanged()));
  protected readonly series = PROGRESS_SERIES;
  protected readonly seriesKeys = Object.keys(PROGRESS_SERIES) as (keyof typeof PROGRESS_SERIES)[];

  private readonly value = computed<ReviewCycleProgress>(() => this.progress.value() ?? { cycleId: this.cycleId(), days: [] });
  protected readonly summary = computed(() => progressSummary(this.value(), (date) => formatLocalDate(date, this.locale)));
  protected readonly rows = computed(() => progressRows(this.value()));
  protected readonly palette = computed(() => (this.dark() ? DARK_PROGRESS_PALETTE : LIGHT_PROGRESS_PALETTE));
  protected readonly config = computed<CycleProgressChartConfig>(() =>
    cycleProgressChartConfig(this.value(), { locale: this.locale, palette: this.palette() }),
  );
  protected readonly chartLabel = computed(
    () =>
      `Line chart of the reviews ${PROGRESS_SERIES.pastSelf.label.toLowerCase()} (${PROGRESS_SERIES.pastSelf.description}) ` +
      `and ${PROGRESS_SERIES.locked.label.toLowerCase()} (${PROGRESS_SERIES.locked.description}) each day. ${this.summary()} ` +
      'The numbers are in the table that follows.',
  );
}
