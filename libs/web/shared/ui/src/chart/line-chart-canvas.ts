import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { CategoryScale, ChartConfiguration, Filler, LineController, LineElement, LinearScale, PointElement, Tooltip } from 'chart.js';
import { BaseChartDirective, provideCharts } from 'ng2-charts';

/** What a line chart draws: its data and options, whole (the `type` is always `'line'`). */
export type LineChartConfig = Pick<ChartConfiguration<'line', unknown[], unknown>, 'data' | 'options'>;

/**
 * The canvas of a line chart (Chart.js through ng2-charts), for the progression charts of the people pages and the
 * progress chart of a review cycle. The only file of the web app that imports the chart library: its users load it in
 * a `@defer` block, so it is a chunk of its own, fetched when a chart is first shown. It registers only what line
 * charts over a linear or category axis need, filled or not (no eval, no injected scripts: it runs under the app's
 * `script-src 'self'`). What it draws comes whole from `config`, built by the caller.
 */
@Component({
  selector: 'app-line-chart-canvas',
  imports: [BaseChartDirective],
  providers: [provideCharts({ registerables: [LineController, LineElement, PointElement, LinearScale, CategoryScale, Filler, Tooltip] })],
  template: `<canvas
    baseChart
    [type]="'line'"
    [data]="config().data"
    [options]="config().options"
    role="img"
    [attr.aria-label]="label()"
  ></canvas>`,
  styles: `
    :host {
      display: block;
      position: relative;
      height: 100%;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LineChartCanvas {
  readonly config = input.required<LineChartConfig>();
  /** What the chart shows, for screen readers (the numbers are in a table beside it). */
  readonly label = input.required<string>();
}
