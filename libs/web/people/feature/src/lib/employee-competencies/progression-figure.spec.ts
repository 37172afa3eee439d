import { ComponentFixture, DeferBlockBehavior, DeferBlockState, TestBed } from '@angular/core/testing';
import { By } from '@angular/platform-browser';
import { ProgressionSeries } from '@proficio/shared/contracts';
import { progressionSeries } from '@proficio/web/people/data-access/testing';
import { BROWSER_LOCALE } from '@proficio/web/shared/ui';
import { AXE_TIMEOUT_MS, seriousA11yViolations, textOf } from '@proficio/web/shared/util/testing';
import { ProgressionChartConfig } from './progression-chart-data';
import { ProgressionFigure } from './progression-figure';

// jsdom has no canvas: the chart's canvas only keeps its inputs.
jest.mock(
  '@proficio/web/shared/ui/chart',
  () => jest.requireActual<typeof import('@proficio/web/shared/util/testing')>('@proficio/web/shared/util/testing').chartStub,
);

describe('ProgressionFigure', () => {
  let fixture: ComponentFixture<ProgressionFigure>;
  const root = (): HTMLElement => fixture.nativeElement as HTMLElement;
  const canvas = () => fixture.debugElement.query(By.css('app-line-chart-canvas'));

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [{ provide: BROWSER_LOCALE, useValue: 'en-US' }],
      deferBlockBehavior: DeferBlockBehavior.Manual,
    });
  });

  async function render(series: ProgressionSeries = progressionSeries(), compact = false): Promise<void> {
    fixture = TestBed.createComponent(ProgressionFigure);
    fixture.componentRef.setInput('series', series);
    fixture.componentRef.setInput('compact', compact);
    fixture.componentRef.setInput('today', '2026-03-01');
    await fixture.whenStable();
  }

  it('is a figure named by its caption: the competency and, in words, where each series started and stands against the target', async () => {
    await render();
    const figure = root().querySelector('figure');
    expect(figure?.querySelector(':scope > figcaption')).not.toBeNull();
    expect(textOf(figure?.querySelector('figcaption'))).toBe(
      'C.1 User Support Manager: e-2 since February 10, 2026, first e-1 (earlier version) on May 2, 2024 (2 records). ' +
        'Self-assessment: e-3 since February 1, 2026, first not assessed on January 15, 2025 (2 records). Target: e-3.',
    );
  });

  it('has the numbers as a table under "Show the numbers": each date, the manager and self levels in force from then', async () => {
    await render();
    const details = root().querySelector('details[data-testid="progression-numbers"]');
    expect(textOf(details?.querySelector('summary'))).toBe('Show the numbers of C.1 User Support');
    expect(textOf(details?.querySelector('caption'))).toBe(
      'Levels of C.1 User Support in force from each date, target e-3. In bold: a new record that day.',
    );
    expect(Array.from(details?.querySelectorAll('thead th') ?? []).map(textOf)).toEqual(['Date', 'Manager level', 'Self-assessment level']);
    const rows = Array.from(details?.querySelectorAll('tbody tr') ?? []).map((row) => Array.from(row.children).map(textOf));
    expect(rows).toEqual([
      ['May 2, 2024', 'e-1 (earlier version)', 'Not rated'],
      ['January 15, 2025', 'e-1 (earlier version)', 'Not assessed'],
      ['February 1, 2026', 'e-1 (earlier version)', 'e-3'],
      ['February 10, 2026', 'e-2', 'e-3'],
    ]);
    expect(details?.querySelector('tbody tr:first-child th')?.getAttribute('scope')).toBe('row');
    // the role that has a record that day is in bold; the other level carries on
    const last = details?.querySelectorAll('tbody tr')[3];
    expect(Array.from(last?.querySelectorAll('td') ?? []).map((cell) => cell.classList.contains('changed'))).toEqual([true, false]);
  });

  it('loads the chart only when it is shown, and gives it the step lines, target and marks, and a label saying where the numbers are', async () => {
    await render();
    expect(canvas()).toBeNull();
    const [block] = await fixture.getDeferBlocks();
    await block?.render(DeferBlockState.Complete);

    const config = canvas().componentInstance.config as ProgressionChartConfig;
    expect(config.type).toBe('line');
    expect(config.data.datasets.map((dataset) => dataset.label)).toEqual([
      'Manager',
      'Self-assessment',
      'From an earlier version',
      'Target e-3',
    ]);
    expect(config.data.datasets[0]?.data.filter((point) => !point.hold).map((point) => [point.date, point.y])).toEqual([
      ['2024-05-02', 1],
      ['2026-02-10', 2],
    ]);
    // the latest manager level runs on until today
    expect(config.data.datasets[0]?.data.at(-1)).toMatchObject({ date: '2026-03-01', y: 2, hold: true });
    expect(canvas().componentInstance.label).toMatch(
      /^Step chart of the levels of C\.1 User Support over time\. Manager: e-2 since .+ The numbers are in the table below the chart\.$/,
    );
  });

  it('draws a small multiple with thinner lines, and says so in its class for the smaller layout', async () => {
    await render(progressionSeries(), true);
    expect(root().querySelector('figure')?.classList).toContain('compact');
    const [block] = await fixture.getDeferBlocks();
    await block?.render(DeferBlockState.Complete);
    const config = canvas().componentInstance.config as ProgressionChartConfig;
    expect(config.data.datasets[0]?.borderWidth).toBe(1.5);
  });

  it(
    'has no serious accessibility violations, with the numbers open',
    async () => {
      await render();
      root().querySelector('details')?.setAttribute('open', '');
      const [block] = await fixture.getDeferBlocks();
      await block?.render(DeferBlockState.Complete);
      expect(await seriousA11yViolations(root())).toEqual([]);
    },
    AXE_TIMEOUT_MS,
  );
});
