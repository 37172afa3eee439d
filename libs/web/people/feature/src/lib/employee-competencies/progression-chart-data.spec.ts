import { ProgressionPoint } from '@proficio/shared/contracts';
import { progressionSeries } from '@proficio/web/people/data-access/testing';
import type { Scale, ScriptableContext, TooltipItem } from 'chart.js';
import {
  ChartPoint,
  LIGHT_PALETTE,
  dateTicks,
  dayValue,
  earlierVersionMarks,
  isoToday,
  levelTicks,
  progressionChartConfig,
  progressionDomain,
  progressionRows,
  progressionSummary,
  stepPoints,
  targetLine,
} from './progression-chart-data';

const TODAY = '2026-03-01';
const rated = (date: string, level: number, fromEarlierVersion = false): ProgressionPoint => ({
  date,
  outcome: 'rated',
  level,
  assessmentId: `a-${date}`,
  fromEarlierVersion,
});
const answered = (date: string, outcome: 'not_assessed' | 'not_applicable'): ProgressionPoint => ({
  date,
  outcome,
  assessmentId: `a-${date}`,
  fromEarlierVersion: false,
});
/** The vertices as [date, level, hold?] for readable expectations. */
const vertices = (points: ChartPoint[]) => points.map((point) => [point.date, point.y, point.hold ? 'hold' : 'record']);

describe('dayValue and isoToday', () => {
  it('puts a calendar date at UTC midnight, and gives today in the local calendar', () => {
    expect(dayValue('2026-02-10')).toBe(Date.UTC(2026, 1, 10));
    expect(isoToday(new Date(2026, 0, 5, 23, 30))).toBe('2026-01-05');
  });
});

describe('stepPoints', () => {
  it.each<[string, ProgressionPoint[], (string | number | null)[][]]>([
    ['no records: no line', [], []],
    [
      'one level runs on until today',
      [rated('2026-01-10', 2)],
      [
        ['2026-01-10', 2, 'record'],
        [TODAY, 2, 'hold'],
      ],
    ],
    [
      'each level holds until the next record',
      [rated('2025-01-10', 1), rated('2025-06-01', 2)],
      [
        ['2025-01-10', 1, 'record'],
        ['2025-06-01', 2, 'record'],
        [TODAY, 2, 'hold'],
      ],
    ],
    [
      'a record without a level ends the level before it and leaves a gap, until the next level',
      [rated('2025-01-10', 2), answered('2025-03-01', 'not_applicable'), rated('2025-09-01', 3)],
      [
        ['2025-01-10', 2, 'record'],
        ['2025-03-01', 2, 'hold'],
        ['2025-03-01', null, 'record'],
        ['2025-09-01', 3, 'record'],
        [TODAY, 3, 'hold'],
      ],
    ],
    ['a latest record without a level does not run on', [answered('2025-03-01', 'not_assessed')], [['2025-03-01', null, 'record']]],
    ['a record dated today needs no end point', [rated(TODAY, 3)], [[TODAY, 3, 'record']]],
  ])('%s', (_name, points, expected) => {
    expect(vertices(stepPoints(points, 'manager', TODAY))).toEqual(expected);
  });

  it('keeps the record and its role on each record vertex, and places vertices on the time axis', () => {
    const [first] = stepPoints([rated('2025-01-10', 1, true)], 'self', TODAY);
    expect(first).toMatchObject({ x: Date.UTC(2025, 0, 10), role: 'self', point: { fromEarlierVersion: true, level: 1 } });
  });
});

describe('targetLine', () => {
  it('is a horizontal line at the target level across the whole domain, with no records on it', () => {
    expect(targetLine({ level: 3, code: 'e-3' }, { min: 10, max: 90 })).toEqual([
      { x: 10, y: 3, date: '', hold: true },
      { x: 90, y: 3, date: '', hold: true },
    ]);
    expect(targetLine(undefined, { min: 10, max: 90 })).toEqual([]);
  });
});

describe('earlierVersionMarks', () => {
  it("marks the rated records of an earlier version of the competency, manager's and self, oldest first", () => {
    const series = progressionSeries({
      self: [rated('2024-01-05', 2, true), answered('2024-02-01', 'not_assessed'), rated('2026-02-01', 3)],
    });
    expect(earlierVersionMarks(series).map((mark) => [mark.date, mark.y, mark.role])).toEqual([
      ['2024-01-05', 2, 'self'],
      ['2024-05-02', 1, 'manager'],
    ]);
    expect(earlierVersionMarks(progressionSeries({ manager: [rated('2026-01-01', 2)] }))).toEqual([]);
  });
});

describe('axes', () => {
  it('spans from the first record to today with room at each end', () => {
    const domain = progressionDomain(progressionSeries(), TODAY);
    expect(domain.min).toBeLessThan(dayValue('2024-05-02'));
    expect(domain.max).toBeGreaterThan(dayValue(TODAY));
    expect(domain.max - dayValue(TODAY)).toBeLessThan(90 * 86_400_000);
  });

  it('labels the levels with their codes, adding any level a record or target has outside the competency', () => {
    expect(levelTicks(progressionSeries())).toEqual([
      { value: 1, code: 'e-1' },
      { value: 2, code: 'e-2' },
      { value: 3, code: 'e-3' },
    ]);
    const moved = progressionSeries({ manager: [rated('2024-01-01', 5, true)], target: { level: 4, code: 'e-4' } });
    expect(levelTicks(moved).map((tick) => tick.code)).toEqual(['e-1', 'e-2', 'e-3', 'e-4', '5']);
  });

  it.each([
    ['a few months: monthly', '2026-01-10', '2026-04-20', 6, ['2026-02-01', '2026-03-01', '2026-04-01'], false],
    [
      'two years, six ticks: every six months',
      '2024-05-02',
      '2026-03-01',
      6,
      ['2024-07-01', '2025-01-01', '2025-07-01', '2026-01-01'],
      false,
    ],
    ['two years, three ticks: yearly', '2024-05-02', '2026-03-01', 3, ['2025-01-01', '2026-01-01'], true],
  ])('puts date ticks on month starts: %s', (_name, from, to, max, expected, yearly) => {
    const ticks = dateTicks({ min: dayValue(from), max: dayValue(to) }, max);
    expect(ticks.values.map((value) => new Date(value).toISOString().slice(0, 10))).toEqual(expected);
    expect(ticks.yearly).toBe(yearly);
  });
});

describe('progressionRows (the numbers behind a chart)', () => {
  it('lists each date with a record, oldest first, with the levels in force from then, earlier versions and answers in words', () => {
    expect(progressionRows(progressionSeries())).toEqual([
      { date: '2024-05-02', manager: 'e-1 (earlier version)', self: 'Not rated', managerChanged: true, selfChanged: false },
      { date: '2025-01-15', manager: 'e-1 (earlier version)', self: 'Not assessed', managerChanged: false, selfChanged: true },
      { date: '2026-02-01', manager: 'e-1 (earlier version)', self: 'e-3', managerChanged: false, selfChanged: true },
      { date: '2026-02-10', manager: 'e-2', self: 'e-3', managerChanged: true, selfChanged: false },
    ]);
  });

  it('shows both roles once on a date both recorded, and nothing without records', () => {
    const series = progressionSeries({ manager: [rated('2026-01-05', 2)], self: [answered('2026-01-05', 'not_applicable')] });
    expect(progressionRows(series)).toEqual([
      { date: '2026-01-05', manager: 'e-2', self: 'Not applicable', managerChanged: true, selfChanged: true },
    ]);
    expect(progressionRows(progressionSeries({ manager: [], self: [] }))).toEqual([]);
  });
});

describe('progressionSummary', () => {
  it('says where each series started and stands, and the target', () => {
    expect(progressionSummary(progressionSeries(), (date) => `[${date}]`)).toBe(
      'Manager: e-2 since [2026-02-10], first e-1 (earlier version) on [2024-05-02] (2 records). ' +
        'Self-assessment: e-3 since [2026-02-01], first not assessed on [2025-01-15] (2 records). Target: e-3.',
    );
    expect(progressionSummary(progressionSeries({ self: [], target: undefined, manager: [rated('2026-01-05', 2)] }), (date) => date)).toBe(
      'Manager: e-2 since 2026-01-05. Self-assessment: not rated. No target.',
    );
  });
});

describe('progressionChartConfig', () => {
  const config = (compact = false, series = progressionSeries()) =>
    progressionChartConfig(series, { compact, today: TODAY, locale: 'en-GB', palette: LIGHT_PALETTE });
  const context = (point: ChartPoint) => ({ raw: point }) as unknown as ScriptableContext<'line'>;

  it('draws the manager and self series as step lines with different line styles and markers, the target dotted, earlier versions marked', () => {
    const { datasets } = config().data;
    expect(datasets.map((dataset) => dataset.label)).toEqual(['Manager', 'Self-assessment', 'From an earlier version', 'Target e-3']);
    const [manager, self, earlier, target] = datasets;
    expect([manager?.stepped, self?.stepped]).toEqual(['before', 'before']);
    expect([manager?.borderDash, self?.borderDash, target?.borderDash]).toEqual([[], [6, 4], [2, 3]]);
    expect([manager?.pointStyle, self?.pointStyle, earlier?.pointStyle]).toEqual(['circle', 'triangle', 'rectRot']);
    expect(manager?.data.filter((point) => !point.hold).map((point) => [point.date, point.y])).toEqual([
      ['2024-05-02', 1],
      ['2026-02-10', 2],
    ]);
    expect(earlier?.showLine).toBe(false);
    expect(earlier?.data.map((point) => [point.date, point.y, point.role])).toEqual([['2024-05-02', 1, 'manager']]);
    expect(target?.data.map((point) => point.y)).toEqual([3, 3]);
  });

  it('leaves out the target and the marks when there are none', () => {
    const series = progressionSeries({ target: undefined, manager: [rated('2026-01-05', 2)] });
    expect(config(false, series).data.datasets.map((dataset) => dataset.label)).toEqual(['Manager', 'Self-assessment']);
  });

  it('draws markers on records only, not where a level merely stops', () => {
    const radius = config().data.datasets[0]?.pointRadius as (context: ScriptableContext<'line'>) => number;
    const [record, , end] = stepPoints(progressionSeries().manager, 'manager', TODAY);
    expect(record && radius(context(record))).toBe(4);
    expect(end && radius(context(end))).toBe(0);
  });

  it('labels the y axis with the level codes and the x axis with month starts', () => {
    const { scales } = config().options ?? {};
    const scale = { ticks: [] } as unknown as Scale;
    scales?.['y']?.afterBuildTicks?.(scale);
    expect(scale.ticks.map((tick) => tick.value)).toEqual([1, 2, 3]);
    const yLabel = scales?.['y']?.ticks?.callback as (value: number) => string;
    expect([1, 2, 3].map((value) => yLabel(value))).toEqual(['e-1', 'e-2', 'e-3']);
    expect([scales?.['y']?.min, scales?.['y']?.max]).toEqual([0.6, 3.4]);

    scales?.['x']?.afterBuildTicks?.(scale);
    const xLabel = scales?.['x']?.ticks?.callback as (value: number) => string;
    expect(scale.ticks.map((tick) => xLabel(tick.value))).toEqual(['Jul 2024', 'Jan 2025', 'Jul 2025', 'Jan 2026']);
  });

  it('has fewer date ticks in a small multiple', () => {
    const scale = { ticks: [] } as unknown as Scale;
    config(true).options?.scales?.['x']?.afterBuildTicks?.(scale);
    expect(scale.ticks).toHaveLength(2);
  });

  it('gives tooltips for records only, naming the role and the level', () => {
    const tooltip = config().options?.plugins?.tooltip;
    const [record, , end] = stepPoints(progressionSeries().manager, 'manager', TODAY);
    const item = (point: ChartPoint | undefined, label = 'Manager') =>
      ({ raw: point, dataset: { label } }) as unknown as TooltipItem<'line'>;
    const filter = tooltip?.filter as (item: TooltipItem<'line'>) => boolean;
    expect([filter(item(record)), filter(item(end))]).toEqual([true, false]);
    const label = tooltip?.callbacks?.label as (item: TooltipItem<'line'>) => string;
    expect(label(item(record))).toBe('Manager: e-1 (earlier version)');
    expect(label(item(record, 'From an earlier version'))).toBe('From an earlier version, Manager: e-1 (earlier version)');
    const title = tooltip?.callbacks?.title as (items: TooltipItem<'line'>[]) => string;
    expect(title([item(record)])).toBe('2 May 2024');
  });
});
