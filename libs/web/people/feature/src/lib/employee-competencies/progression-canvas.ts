import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { LineController, LineElement, LinearScale, PointElement, Tooltip } from 'chart.js';
import { BaseChartDirective, provideCharts } from 'ng2-charts';
import { ProgressionChartConfig } from './progression-chart-data';

/**
 * The canvas of a progression chart (Chart.js through ng2-charts). The only file that imports the chart
 * library: the charts load it in a `@defer` block, so it is a chunk of its own, fetched when a chart
 * is first shown. It registers only what a line chart needs (no eval, no injected scripts: it runs
 * under the app's `script-src 'self'`). What it draws comes whole from `progressionChartConfig`.
 */
@Component({
  selector: 'app-progression-canvas',
  imports: [BaseChartDirective],
  providers: [provideCharts({ registerables: [LineController, LineElement, PointElement, LinearScale, Tooltip] })],
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
export class ProgressionCanvas {
  readonly config = input.required<ProgressionChartConfig>();
  /** What the chart shows, for screen readers (the numbers are in the table beside it). */
  readonly label = input.required<string>();
}
