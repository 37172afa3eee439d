import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { ProgressionSeries } from '@proficio/shared/contracts';
import { competencyName } from '@proficio/web/frameworks/ui';
import { BROWSER_LOCALE, LocalDatePipe, formatLocalDate } from '@proficio/web/shared/ui';
import { LineChartCanvas } from '@proficio/web/shared/ui/chart';
import { prefersDarkScheme } from '@proficio/web/shared/util/color-scheme';
import {
  DARK_PALETTE,
  LIGHT_PALETTE,
  ProgressionChartConfig,
  isoToday,
  progressionChartConfig,
  progressionRows,
  progressionSummary,
} from './progression-chart-data';

/**
 * One competency's progression as a figure: its caption (the competency and, in words, where each
 * series started and stands against the target), the step chart (loaded when it scrolls into view)
 * and the numbers behind it in a table under "Show the numbers". Large, or small for the overview.
 */
@Component({
  selector: 'app-progression-figure',
  imports: [LineChartCanvas, LocalDatePipe],
  templateUrl: './progression-figure.html',
  styleUrl: './progression-figure.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ProgressionFigure {
  private readonly locale = inject(BROWSER_LOCALE);
  private readonly dark = prefersDarkScheme();

  readonly series = input.required<ProgressionSeries>();
  /** A small multiple of the overview. */
  readonly compact = input(false);
  /** `YYYY-MM-DD`: the latest levels run on until then. */
  readonly today = input(isoToday());
  /** Whether the caption shows the competency's name; when a heading above already does, it is only read out. */
  readonly showName = input(true);

  protected readonly name = computed(() => competencyName(this.series().competency));
  protected readonly summary = computed(() => progressionSummary(this.series(), (date) => formatLocalDate(date, this.locale)));
  protected readonly rows = computed(() => progressionRows(this.series()));
  protected readonly config = computed<ProgressionChartConfig>(() =>
    progressionChartConfig(this.series(), {
      compact: this.compact(),
      today: this.today(),
      locale: this.locale,
      palette: this.dark() ? DARK_PALETTE : LIGHT_PALETTE,
    }),
  );
  protected readonly chartLabel = computed(
    () => `Step chart of the levels of ${this.name()} over time. ${this.summary()} The numbers are in the table below the chart.`,
  );
}
