import { ChangeDetectionStrategy, Component, Input } from '@angular/core';

/**
 * jsdom has no canvas: specs of pages with a chart replace `@proficio/web/shared/ui/chart` with this
 * module, whose canvas only keeps its inputs (a spec reads them from the component instance):
 *
 *   jest.mock('@proficio/web/shared/ui/chart', () => jest.requireActual<typeof import('@proficio/web/shared/util/testing')>('@proficio/web/shared/util/testing').chartStub);
 */
@Component({ selector: 'app-line-chart-canvas', template: '', changeDetection: ChangeDetectionStrategy.OnPush })
class LineChartCanvasStub {
  // Decorator inputs, read as plain properties by the specs.
  @Input({ required: true }) config: unknown;
  @Input({ required: true }) label = '';
}

export const chartStub = { LineChartCanvas: LineChartCanvasStub };
