import { ComponentFixture, TestBed } from '@angular/core/testing';
import { By } from '@angular/platform-browser';
import { ApiRoutes, ReviewCycleProgress } from '@proficio/shared/contracts';
import { REVIEW_CYCLE_IDS, reviewCycleProgress, stateCounts } from '@proficio/web/review-cycles/data-access/testing';
import { BROWSER_LOCALE } from '@proficio/web/shared/ui';
import { AXE_TIMEOUT_MS, httpTesting, seriousA11yViolations, textOf } from '@proficio/web/shared/util/testing';
import { CycleProgress } from './cycle-progress';
import { CycleProgressChartConfig, progressRows, progressSummary } from './cycle-progress-data';

// jsdom has no canvas: the chart's canvas only keeps its inputs.
jest.mock(
  '@proficio/web/shared/ui/chart',
  () => jest.requireActual<typeof import('@proficio/web/shared/util/testing')>('@proficio/web/shared/util/testing').chartStub,
);

const id = REVIEW_CYCLE_IDS.cycle;
const day = (date: string, counts: Parameters<typeof stateCounts>[0]) => ({ date, reached: stateCounts(counts) });

describe('cycle progress data', () => {
  it.each<[string, ReviewCycleProgress['days'], [string, number, number, number][]]>([
    ['nothing before the opening', [], []],
    [
      'the first day, each day a number changed, and the last day',
      reviewCycleProgress().days,
      [
        ['2027-03-01', 3, 0, 0],
        ['2027-03-03', 3, 1, 0],
        ['2027-03-04', 3, 1, 0],
      ],
    ],
    [
      'a day on which people were added, and a reopened review',
      [
        day('2027-03-01', { not_started: 2, self_assessment: 2, manager_assessment: 2, locked: 1 }),
        day('2027-03-02', { not_started: 3, self_assessment: 2, manager_assessment: 2, locked: 1 }),
        day('2027-03-03', { not_started: 3, self_assessment: 2, manager_assessment: 2, locked: 0 }),
      ],
      [
        ['2027-03-01', 2, 2, 1],
        ['2027-03-02', 3, 2, 1],
        ['2027-03-03', 3, 2, 0],
      ],
    ],
  ])('the numbers table: %s', (_name, days, rows) => {
    expect(progressRows({ cycleId: id, days }).map((row) => [row.date, row.total, row.pastSelf, row.locked])).toEqual(rows);
  });

  it.each<[string, ReviewCycleProgress['days'], string]>([
    ['before the opening', [], 'Nothing to show before the cycle opens.'],
    ['under way', reviewCycleProgress().days, 'Opened 2027-03-01. Now 1 of 3 reviews past the self-assessment and 0 locked.'],
    [
      'one review, locked',
      [day('2027-03-01', { not_started: 1, manager_assessment: 1, locked: 1 })],
      'Opened 2027-03-01. Now 1 of 1 review past the self-assessment and 1 locked.',
    ],
  ])('says in words where the cycle stands: %s', (_name, days, text) => {
    expect(progressSummary({ cycleId: id, days }, (date) => date)).toBe(text);
  });
});

describe('CycleProgress', () => {
  const { http } = httpTesting({ providers: [{ provide: BROWSER_LOCALE, useValue: 'en-US' }] });
  let fixture: ComponentFixture<CycleProgress>;
  const root = (): HTMLElement => fixture.nativeElement as HTMLElement;
  const canvas = () => fixture.debugElement.query(By.css('app-line-chart-canvas'));

  async function render(answer: ReviewCycleProgress | 'error' = reviewCycleProgress()): Promise<void> {
    fixture = TestBed.createComponent(CycleProgress);
    fixture.componentRef.setInput('cycleId', id);
    await fixture.whenStable();
    const req = http().expectOne(ApiRoutes.reviewCycleProgress(id));
    if (answer === 'error') req.flush({ title: 'Server error', status: 500 }, { status: 500, statusText: 'Server error' });
    else req.flush(answer);
    await fixture.whenStable();
  }

  it('is a figure named by its caption, with a line each for the reviews past the self-assessment and those locked, per day', async () => {
    await render();
    const figure = root().querySelector('figure[data-testid="cycle-progress-chart"]');
    expect(textOf(figure?.querySelector('figcaption'))).toBe(
      'Over time Opened March 1, 2027. Now 1 of 3 reviews past the self-assessment and 0 locked.',
    );
    const config = canvas().componentInstance.config as CycleProgressChartConfig;
    expect(config.data.labels).toEqual(['Mar 1', 'Mar 2', 'Mar 3', 'Mar 4']);
    expect(config.data.datasets.map((dataset) => [dataset.label, dataset.data, dataset.fill, dataset.borderDash])).toEqual([
      ['Past the self-assessment', [0, 0, 1, 1], 'origin', []],
      ['Locked', [0, 0, 0, 0], 'origin', [6, 4]],
    ]);
    expect(config.options?.scales?.['y']?.min).toBe(0);
    expect(canvas().componentInstance.label).toBe(
      'Line chart of the reviews past the self-assessment (solid line) and locked (dashed line) each day. ' +
        'Opened March 1, 2027. Now 1 of 3 reviews past the self-assessment and 0 locked. The numbers are in the table that follows.',
    );
    // the legend is for the eyes; the numbers are read out from the table
    expect(Array.from(root().querySelectorAll('.legend li')).map(textOf)).toEqual(['Past the self-assessment', 'Locked']);
    expect(root().querySelector('.legend')?.getAttribute('aria-hidden')).toBe('true');
  });

  it(
    'has the numbers in a table only screen readers read: each day a number changed, and today',
    async () => {
      await render();
      const table = root().querySelector('table[data-testid="cycle-progress-numbers"]');
      expect(table?.classList).toContain('visually-hidden');
      expect(Array.from(table?.querySelectorAll('thead th') ?? []).map(textOf)).toEqual([
        'Date',
        'Reviews',
        'Past the self-assessment',
        'Locked',
      ]);
      expect(Array.from(table?.querySelectorAll('tbody tr') ?? []).map((row) => Array.from(row.children).map(textOf))).toEqual([
        ['March 1, 2027', '3', '0', '0'],
        ['March 3, 2027', '3', '1', '0'],
        ['March 4, 2027', '3', '1', '0'],
      ]);
      expect(table?.querySelector('tbody th')?.getAttribute('scope')).toBe('row');
      expect(await seriousA11yViolations(root())).toEqual([]);
    },
    AXE_TIMEOUT_MS,
  );

  it('says so, without a chart, before the cycle opens', async () => {
    await render({ cycleId: id, days: [] });
    expect(textOf(root().querySelector('[data-testid="cycle-progress-summary"]'))).toBe('Nothing to show before the cycle opens.');
    expect(canvas()).toBeNull();
    expect(root().querySelector('table')).toBeNull();
  });

  it('says when the progress could not be loaded', async () => {
    await render('error');
    expect(root().querySelector('figure')).toBeNull();
    expect(textOf(root())).toContain('the progress over time');
  });
});
