import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { CategoryScale, Filler, LineController, LineElement, LinearScale, PointElement, Tooltip } from 'chart.js';
import { BaseChartDirective, provideCharts } from 'ng2-charts';
import { CycleProgressChartConfig } from './cycle-progress-data';

/**
 * The canvas of a cycle's progress chart (Chart.js through ng2-charts), as the progression charts of the people pages
 * do it: the only file of the page that imports the chart library, loaded with the deferred progress section (a chunk
 * of its own), registering only what a filled line chart over days needs. What it draws comes whole from
 * `cycleProgressChartConfig`.
 */
@Component({
  selector: 'app-cycle-progress-canvas',
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
export class CycleProgressCanvas {
  readonly config = input.required<CycleProgressChartConfig>();
  /** What the chart shows, for screen readers (the numbers are in the table beside it). */
  readonly label = input.required<string>();
}
