import { AssessorRole, ProgressionPoint, ProgressionSeries } from '@proficio/shared/contracts';
// Types only: the chart library itself loads with the chart (`@proficio/web/shared/ui/chart`), not with this page.
import type { ChartConfiguration, ChartDataset, Scale, ScriptableContext, TooltipItem } from 'chart.js';
import { OUTCOME_LABELS, ROLE_LABELS } from './assessment-text';

/**
 * The progression data → chart mapping, as pure functions: the step lines of the manager and self
 * series, the target line, the marks of records of an earlier version of the competency, the axes
 * (level codes, dates) and the numbers table shown beside each chart.
 */

const DAY_MS = 86_400_000;

/** A calendar date (`YYYY-MM-DD`) on the time axis: milliseconds at UTC midnight, the same day everywhere. */
export function dayValue(date: string): number {
  const [year, month, day] = date.split('-').map(Number);
  return Date.UTC(year ?? 1970, (month ?? 1) - 1, day ?? 1);
}

/** Today as a calendar date (`YYYY-MM-DD`) in the browser's time zone. */
export function isoToday(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * One vertex of a line. A record's point carries its outcome; `hold` marks a vertex that is no record
 * (where a level stops being in force: before a "not assessed", at today; or an end of the target line):
 * it is drawn without a marker and has no tooltip.
 */
export interface ChartPoint {
  x: number;
  y: number | null;
  date: string;
  hold?: true;
  role?: AssessorRole;
  point?: ProgressionPoint;
}

const levelOf = (point: ProgressionPoint): number | null => (point.outcome === 'rated' && point.level !== undefined ? point.level : null);

/**
 * A series as the vertices of a step line (drawn with Chart.js `stepped: 'before'`: the level holds until the
 * next record). A record with no level ("not assessed", "not applicable") leaves a gap, so the level before it
 * ends at its date; the latest level runs on until `until` (today).
 */
export function stepPoints(points: readonly ProgressionPoint[], role: AssessorRole, until: string): ChartPoint[] {
  const vertices: ChartPoint[] = [];
  for (const point of points) {
    const y = levelOf(point);
    const previous = vertices.at(-1);
    if (y === null && previous && previous.y !== null)
      vertices.push({ x: dayValue(point.date), y: previous.y, date: point.date, hold: true });
    vertices.push({ x: dayValue(point.date), y, date: point.date, role, point });
  }
  const last = vertices.at(-1);
  if (last && last.y !== null && dayValue(until) > last.x) vertices.push({ x: dayValue(until), y: last.y, date: until, hold: true });
  return vertices;
}

/** The target as a horizontal line across the chart, or nothing without a target. */
export function targetLine(target: ProgressionSeries['target'], domain: ChartDomain): ChartPoint[] {
  if (!target) return [];
  const at = (x: number): ChartPoint => ({ x, y: target.level, date: '', hold: true });
  return [at(domain.min), at(domain.max)];
}

/** The rated records, manager's and self, that were of an earlier version of the competency: marked on the chart. */
export function earlierVersionMarks(series: ProgressionSeries): ChartPoint[] {
  const marks = (points: readonly ProgressionPoint[], role: AssessorRole): ChartPoint[] =>
    points
      .filter((point) => point.fromEarlierVersion && levelOf(point) !== null)
      .map((point) => ({ x: dayValue(point.date), y: levelOf(point), date: point.date, role, point }));
  return [...marks(series.manager, 'manager'), ...marks(series.self, 'self')].sort((a, b) => a.x - b.x);
}

export interface ChartDomain {
  min: number;
  max: number;
}

/** The time axis: from the first record to today (or the last record), with a little room at each end. */
export function progressionDomain(series: ProgressionSeries, today: string): ChartDomain {
  const days = [...series.manager, ...series.self].map((point) => dayValue(point.date));
  const first = days.length > 0 ? Math.min(...days) : dayValue(today);
  const last = Math.max(dayValue(today), ...days);
  const pad = Math.max((last - first) * 0.04, 15 * DAY_MS);
  return { min: first - pad, max: last + pad };
}

/** The y axis: the competency's levels, plus any level a record or the target has outside them, ascending. */
export function levelTicks(series: ProgressionSeries): { value: number; code: string }[] {
  const ticks = new Map(series.levels.map((level) => [level.level, level.code]));
  const more = [...series.manager, ...series.self].map(levelOf).filter((level): level is number => level !== null);
  if (series.target) ticks.set(series.target.level, ticks.get(series.target.level) ?? series.target.code);
  for (const level of more) if (!ticks.has(level)) ticks.set(level, String(level));
  return [...ticks].map(([value, code]) => ({ value, code })).sort((a, b) => a.value - b.value);
}

const MONTH_STEPS = [1, 2, 3, 6, 12, 24, 60] as const;

/** Ticks of the time axis on the first day of months (or years), at most `maxTicks` of them, inside the domain. */
export function dateTicks(domain: ChartDomain, maxTicks: number): { values: number[]; yearly: boolean } {
  const start = new Date(domain.min);
  const end = new Date(domain.max);
  const months = (end.getUTCFullYear() - start.getUTCFullYear()) * 12 + end.getUTCMonth() - start.getUTCMonth() + 1;
  const step = MONTH_STEPS.find((candidate) => Math.ceil(months / candidate) <= maxTicks) ?? MONTH_STEPS[MONTH_STEPS.length - 1];
  const values: number[] = [];
  let index = start.getUTCFullYear() * 12 + start.getUTCMonth();
  index += (step - (index % step)) % step;
  for (; ; index += step) {
    const value = Date.UTC(Math.floor(index / 12), index % 12, 1);
    if (value > domain.max) break;
    if (value >= domain.min) values.push(value);
  }
  return { values, yearly: step >= 12 };
}

/** A record's level or answer in words: the level's code ("e-2"), "Not assessed", "Not applicable"; earlier versions say so. */
export function pointText(series: ProgressionSeries, point: ProgressionPoint): string {
  const level = levelOf(point);
  const text =
    level !== null
      ? (series.levels.find((known) => known.level === level)?.code ?? String(level))
      : OUTCOME_LABELS[point.outcome === 'rated' ? 'not_assessed' : point.outcome];
  return point.fromEarlierVersion ? `${text} (earlier version)` : text;
}

/** One row of the numbers behind a chart: a date on which a level changed, and the levels in force from then on. */
export interface ProgressionRow {
  date: string;
  manager: string;
  self: string;
  /** Whether that role has a record on this date (otherwise its level carries on). */
  managerChanged: boolean;
  selfChanged: boolean;
}

export const NOT_RATED = 'Not rated';

/** The numbers table: each date with a record, oldest first, with the manager and self levels in force from that date. */
export function progressionRows(series: ProgressionSeries): ProgressionRow[] {
  const dates = [...new Set([...series.manager, ...series.self].map((point) => point.date))].sort();
  const inForce = (points: readonly ProgressionPoint[], date: string): ProgressionPoint | undefined =>
    points.filter((point) => point.date <= date).at(-1);
  return dates.map((date) => {
    const manager = inForce(series.manager, date);
    const self = inForce(series.self, date);
    return {
      date,
      manager: manager ? pointText(series, manager) : NOT_RATED,
      self: self ? pointText(series, self) : NOT_RATED,
      managerChanged: series.manager.some((point) => point.date === date),
      selfChanged: series.self.some((point) => point.date === date),
    };
  });
}

/** What a chart shows, in one or two sentences, for its caption: where each series started and where it is now, and the target. */
export function progressionSummary(series: ProgressionSeries, formatDate: (date: string) => string): string {
  const describe = (role: AssessorRole, points: readonly ProgressionPoint[]): string => {
    const first = points[0];
    const last = points.at(-1);
    if (!first || !last) return `${ROLE_LABELS[role]}: ${NOT_RATED.toLowerCase()}.`;
    // "Not assessed" mid-sentence: "first not assessed on …"
    const text = (point: ProgressionPoint) => pointText(series, point).replace(/^Not /, 'not ');
    const now = `${text(last)} since ${formatDate(last.date)}`;
    return points.length === 1
      ? `${ROLE_LABELS[role]}: ${now}.`
      : `${ROLE_LABELS[role]}: ${now}, first ${text(first)} on ${formatDate(first.date)} (${points.length} records).`;
  };
  const target = series.target ? `Target: ${series.target.code}.` : 'No target.';
  return [describe('manager', series.manager), describe('self', series.self), target].join(' ');
}

/** Colours of the chart; line styles and markers carry the same meaning without them. */
export interface ChartPalette {
  manager: string;
  self: string;
  target: string;
  text: string;
  grid: string;
}

/** Blue and vermilion (Okabe–Ito, told apart with colour-vision deficiencies), on the light theme. */
export const LIGHT_PALETTE: ChartPalette = {
  manager: '#0060a0',
  self: '#b34700',
  target: '#1b1b1f',
  text: '#44474e',
  grid: '#c4c6d0',
};

/** The same hues, lighter, on the dark theme (the app follows the system's colour scheme). */
export const DARK_PALETTE: ChartPalette = {
  manager: '#56b4e9',
  self: '#e69f00',
  target: '#e3e2e6',
  text: '#c4c6d0',
  grid: '#44474e',
};

/** How each series is drawn, so that colour is never the only difference: the HTML legend shows the same. */
export const SERIES_STYLES = {
  manager: { label: ROLE_LABELS.manager, dash: [] as number[], pointStyle: 'circle', description: 'solid line, round markers' },
  self: { label: ROLE_LABELS.self, dash: [6, 4], pointStyle: 'triangle', description: 'dashed line, triangle markers' },
  target: { label: 'Target', dash: [2, 3], pointStyle: false, description: 'dotted line' },
  earlier: {
    label: 'From an earlier version',
    dash: [] as number[],
    pointStyle: 'rectRot',
    description: 'hollow diamond around the marker',
  },
} as const;

export interface ProgressionChartOptions {
  /** A small multiple: thinner lines, smaller markers, fewer ticks. */
  compact: boolean;
  /** `YYYY-MM-DD`: the latest levels run on until then. */
  today: string;
  locale: string;
  palette: ChartPalette;
}

export type ProgressionChartConfig = ChartConfiguration<'line', ChartPoint[]>;

const raw = (context: ScriptableContext<'line'> | TooltipItem<'line'>): ChartPoint | undefined => context.raw as ChartPoint | undefined;

/** The Chart.js configuration of one competency's chart: two step lines, the target line and the earlier-version marks. */
export function progressionChartConfig(series: ProgressionSeries, options: ProgressionChartOptions): ProgressionChartConfig {
  const { compact, palette } = options;
  const domain = progressionDomain(series, options.today);
  const levels = levelTicks(series);
  const lowest = levels[0]?.value ?? 0;
  const highest = levels.at(-1)?.value ?? 1;
  const ticks = dateTicks(domain, compact ? 3 : 6);
  const dateLabel = new Intl.DateTimeFormat(options.locale, {
    ...(ticks.yearly ? {} : { month: 'short' }),
    year: 'numeric',
    timeZone: 'UTC',
  });
  const dayLabel = new Intl.DateTimeFormat(options.locale, { dateStyle: 'medium', timeZone: 'UTC' });
  const radius = compact ? 2.5 : 4;
  const recordRadius = (size: number) => (context: ScriptableContext<'line'>) => (raw(context)?.hold ? 0 : size);

  const line = (role: AssessorRole, color: string): ChartDataset<'line', ChartPoint[]> => ({
    label: SERIES_STYLES[role].label,
    data: stepPoints(series[role], role, options.today),
    stepped: 'before',
    spanGaps: false,
    borderColor: color,
    backgroundColor: color,
    borderWidth: compact ? 1.5 : 2,
    borderDash: [...SERIES_STYLES[role].dash],
    pointStyle: SERIES_STYLES[role].pointStyle,
    pointRadius: recordRadius(role === 'self' ? radius + 1 : radius),
    pointHoverRadius: recordRadius((role === 'self' ? radius + 1 : radius) + 2),
    pointHitRadius: recordRadius(radius + 3),
  });
  const datasets: ChartDataset<'line', ChartPoint[]>[] = [line('manager', palette.manager), line('self', palette.self)];
  const marks = earlierVersionMarks(series);
  if (marks.length > 0) {
    datasets.push({
      label: SERIES_STYLES.earlier.label,
      data: marks,
      showLine: false,
      pointStyle: SERIES_STYLES.earlier.pointStyle,
      pointRadius: radius + 5,
      pointHoverRadius: radius + 6,
      pointBorderWidth: 1.5,
      borderColor: palette.text,
      backgroundColor: 'transparent',
    });
  }
  if (series.target) {
    datasets.push({
      label: `${SERIES_STYLES.target.label} ${series.target.code}`,
      data: targetLine(series.target, domain),
      borderColor: palette.target,
      backgroundColor: palette.target,
      borderWidth: compact ? 1 : 1.5,
      borderDash: [...SERIES_STYLES.target.dash],
      pointRadius: 0,
      pointHoverRadius: 0,
      pointHitRadius: 0,
    });
  }

  const axisTicks = { color: palette.text, font: { size: compact ? 10 : 12 } };
  return {
    type: 'line',
    data: { datasets },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      layout: { padding: compact ? 2 : 8 },
      interaction: { mode: 'nearest', intersect: true },
      scales: {
        x: {
          type: 'linear',
          min: domain.min,
          max: domain.max,
          afterBuildTicks: (scale: Scale) => {
            scale.ticks = ticks.values.map((value) => ({ value }));
          },
          ticks: { ...axisTicks, maxRotation: 0, autoSkip: false, callback: (value) => dateLabel.format(Number(value)) },
          grid: { color: palette.grid },
        },
        y: {
          type: 'linear',
          min: lowest - 0.4,
          max: highest + 0.4,
          afterBuildTicks: (scale: Scale) => {
            scale.ticks = levels.map(({ value }) => ({ value }));
          },
          ticks: { ...axisTicks, callback: (value) => levels.find((level) => level.value === Number(value))?.code ?? '' },
          grid: { color: palette.grid },
        },
      },
      plugins: {
        // The legend is HTML beside the chart (text a screen reader reads, and the same for every small multiple).
        legend: { display: false },
        tooltip: {
          filter: (item) => !raw(item)?.hold,
          callbacks: {
            title: (items) => {
              const first = items[0] && raw(items[0]);
              return first ? dayLabel.format(first.x) : '';
            },
            label: (item) => {
              const point = raw(item);
              if (!point?.point || !point.role) return '';
              const prefix =
                point.point.fromEarlierVersion && item.dataset.label === SERIES_STYLES.earlier.label
                  ? `${SERIES_STYLES.earlier.label}, `
                  : '';
              return `${prefix}${SERIES_STYLES[point.role].label}: ${pointText(series, point.point)}`;
            },
          },
        },
      },
    },
  };
}
