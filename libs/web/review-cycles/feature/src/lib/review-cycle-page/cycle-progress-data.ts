import { ReviewCycleProgress, ReviewCycleProgressDay } from '@proficio/shared/contracts';
// Types only: the chart library itself loads with the chart (`@proficio/web/shared/ui/chart`), not with this page.
import type { ChartConfiguration, ChartDataset } from 'chart.js';

/**
 * A cycle's progress over time → the small chart on its overview, as pure functions: the two series drawn (reviews
 * past the self-assessment, reviews locked), the numbers table read out instead of the chart, and the caption.
 */

/** The series the chart draws, each from the reviews that reached a state by the end of each day. */
export const PROGRESS_SERIES = {
  pastSelf: {
    label: 'Past the self-assessment',
    reached: (day: ReviewCycleProgressDay) => day.reached.manager_assessment,
    dash: [] as number[],
    description: 'solid line',
  },
  locked: {
    label: 'Locked',
    reached: (day: ReviewCycleProgressDay) => day.reached.locked,
    dash: [6, 4],
    description: 'dashed line',
  },
} as const;

export type ProgressSeriesKey = keyof typeof PROGRESS_SERIES;

/** One row of the numbers behind the chart. */
export interface CycleProgressRow {
  date: string;
  /** Reviews in the cycle (in reach) by then. */
  total: number;
  pastSelf: number;
  locked: number;
}

const rowOf = (day: ReviewCycleProgressDay): CycleProgressRow => ({
  date: day.date,
  total: day.reached.not_started,
  pastSelf: PROGRESS_SERIES.pastSelf.reached(day),
  locked: PROGRESS_SERIES.locked.reached(day),
});

/**
 * The numbers table: the first day, each day on which a number changed, and the last day (today), oldest first. A
 * cycle open for months has mostly quiet days; listing only the changes keeps the table short enough to read out.
 */
export function progressRows(progress: ReviewCycleProgress): CycleProgressRow[] {
  const rows: CycleProgressRow[] = [];
  progress.days.forEach((day, index) => {
    const row = rowOf(day);
    const previous = rows.at(-1);
    const last = index === progress.days.length - 1;
    if (!previous || last || previous.total !== row.total || previous.pastSelf !== row.pastSelf || previous.locked !== row.locked) {
      rows.push(row);
    }
  });
  return rows;
}

/** What the chart shows, in a sentence: where the cycle stands now, and since when. */
export function progressSummary(progress: ReviewCycleProgress, formatDate: (date: string) => string): string {
  const first = progress.days[0];
  const last = progress.days.at(-1);
  if (!first || !last) return 'Nothing to show before the cycle opens.';
  const now = rowOf(last);
  const reviews = `${now.total} ${now.total === 1 ? 'review' : 'reviews'}`;
  return `Opened ${formatDate(first.date)}. Now ${now.pastSelf} of ${reviews} past the self-assessment and ${now.locked} locked.`;
}

/** Colours of the chart; line styles carry the same meaning without them (the legend in HTML says which is which). */
export interface CycleProgressPalette {
  pastSelf: string;
  locked: string;
  text: string;
  grid: string;
}

/** Blue and bluish green (Okabe–Ito, told apart with colour-vision deficiencies), on the light theme. */
export const LIGHT_PROGRESS_PALETTE: CycleProgressPalette = {
  pastSelf: '#0060a0',
  locked: '#00745a',
  text: '#44474e',
  grid: '#c4c6d0',
};

/** The same hues, lighter, on the dark theme. */
export const DARK_PROGRESS_PALETTE: CycleProgressPalette = {
  pastSelf: '#56b4e9',
  locked: '#3fc9a0',
  text: '#c4c6d0',
  grid: '#44474e',
};

export type CycleProgressChartConfig = ChartConfiguration<'line', number[], string>;

/** Markers only while there are few enough days to tell them apart. */
const MARKERS_UP_TO_DAYS = 31;

/** The Chart.js configuration: two filled lines over the days since the opening, counts from 0 to the reviews in the cycle. */
export function cycleProgressChartConfig(
  progress: ReviewCycleProgress,
  options: { locale: string; palette: CycleProgressPalette },
): CycleProgressChartConfig {
  const { palette } = options;
  const dayLabel = new Intl.DateTimeFormat(options.locale, { day: 'numeric', month: 'short', timeZone: 'UTC' });
  const labels = progress.days.map((day) => dayLabel.format(Date.parse(`${day.date}T00:00:00Z`)));
  const most = Math.max(1, ...progress.days.map((day) => day.reached.not_started));
  const radius = progress.days.length <= MARKERS_UP_TO_DAYS ? 2.5 : 0;
  const line = (key: ProgressSeriesKey): ChartDataset<'line', number[]> => {
    const series = PROGRESS_SERIES[key];
    return {
      label: series.label,
      data: progress.days.map((day) => series.reached(day)),
      borderColor: palette[key],
      // a light wash under each line: the area of reviews that got that far
      backgroundColor: `${palette[key]}26`,
      fill: 'origin',
      borderWidth: 2,
      borderDash: [...series.dash],
      pointRadius: radius,
      pointHoverRadius: radius + 2,
      pointHitRadius: 6,
      tension: 0,
    };
  };
  const ticks = { color: palette.text, font: { size: 11 } };
  return {
    type: 'line',
    data: { labels, datasets: [line('pastSelf'), line('locked')] },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      layout: { padding: 4 },
      interaction: { mode: 'index', intersect: false },
      scales: {
        x: { type: 'category', ticks: { ...ticks, maxRotation: 0, autoSkip: true, maxTicksLimit: 6 }, grid: { display: false } },
        y: {
          type: 'linear',
          min: 0,
          suggestedMax: most,
          ticks: { ...ticks, precision: 0, maxTicksLimit: 5 },
          grid: { color: palette.grid },
        },
      },
      plugins: {
        // The legend is HTML beside the chart: text a screen reader reads, with the line style named.
        legend: { display: false },
        tooltip: { enabled: true },
      },
    },
  };
}
