import {
  AssessedLevel,
  AssessmentOutcome,
  FieldError,
  RecordAssessmentRequest,
  TeamGrid,
  TeamGridCell,
  TeamGridCompetency,
  TextValue,
} from '@proficio/shared/contracts';
import { withFrameworkVersion } from '@proficio/web/shared/util';

/** What a manager can choose for a cell: one of the competency's levels, or one of the two answers without a level. */
export type CellValue = { readonly outcome: 'rated'; readonly level: number } | { readonly outcome: Exclude<AssessmentOutcome, 'rated'> };

/** One cell changed in the grid and not saved yet. */
export interface CellChange {
  readonly employeeId: string;
  readonly competencyId: string;
  readonly value: CellValue;
  /** The manager record the grid showed when the change was made (null: none), sent as `basedOn`. */
  readonly basedOn: string | null;
  /** Who and what, for messages about a cell the filters may hide: "Sara Bianchi", "C.1 User Support". */
  readonly personName: string;
  readonly competencyName: string;
}

export type Level = TeamGridCompetency['levels'][number];
export type Person = TeamGrid['people'][number];

/** A run of neighbouring columns of the same framework version and category: one cell of the grouped header row. */
export interface ColumnGroup {
  readonly key: string;
  readonly framework: string;
  readonly frameworkName: TextValue;
  readonly category: TextValue | null;
  readonly span: number;
}

export interface CellView {
  readonly key: string;
  readonly employeeId: string;
  readonly competencyId: string;
  /** Position in the keyboard grid (column 0 is the person's name). */
  readonly row: number;
  readonly col: number;
  /** What the cell shows: the changed value, else the current manager level. */
  readonly text: string;
  readonly kind: 'level' | 'not-assessed' | 'not-applicable' | 'none';
  readonly targetCode: string | null;
  readonly stale: boolean;
  readonly fromEarlierVersion: boolean;
  readonly changed: boolean;
  readonly conflict: boolean;
  readonly errors: readonly string[];
  /** "Sara Bianchi, C.1 User Support: level 3, target 4". */
  readonly label: string;
}

export interface RowView {
  readonly person: Person;
  readonly row: number;
  readonly cells: readonly CellView[];
}

export const cellKey = (employeeId: string, competencyId: string): string => `${employeeId}/${competencyId}`;

/** The listbox value of a choice: `level:3`, `not_assessed`, `not_applicable`. */
export function valueKey(value: CellValue): string {
  return value.outcome === 'rated' ? `level:${value.level}` : value.outcome;
}

export function valueFromKey(key: string): CellValue | null {
  if (key === 'not_assessed' || key === 'not_applicable') return { outcome: key };
  const match = /^level:(\d+)$/.exec(key);
  return match ? { outcome: 'rated', level: Number(match[1]) } : null;
}

export function sameValue(a: CellValue, b: CellValue): boolean {
  return valueKey(a) === valueKey(b);
}

export function valueOf(level: AssessedLevel | undefined): CellValue | null {
  if (!level) return null;
  if (level.outcome !== 'rated') return { outcome: level.outcome };
  return level.level === undefined ? null : { outcome: 'rated', level: level.level };
}

export function levelCode(competency: TeamGridCompetency, level: number): string {
  return competency.levels.find((option) => option.level === level)?.code ?? String(level);
}

/** "level 3", "not assessed", "not applicable", "not rated". */
export function describeValue(value: CellValue | null, competency: TeamGridCompetency): string {
  if (!value) return 'not rated';
  switch (value.outcome) {
    case 'rated':
      return `level ${levelCode(competency, value.level)}`;
    case 'not_assessed':
      return 'not assessed';
    case 'not_applicable':
      return 'not applicable';
  }
}

/** "C.1 User Support". */
export function competencyName(competency: TeamGridCompetency): string {
  return `${competency.code} ${competency.title.text}`.trim();
}

/** The columns' groups, in the order the API sends the columns (grouped by framework, then category). */
export function columnGroups(competencies: readonly TeamGridCompetency[]): ColumnGroup[] {
  const groups: ColumnGroup[] = [];
  for (const competency of competencies) {
    const key = `${competency.framework.id}/${competency.category?.text ?? ''}`;
    const last = groups.at(-1);
    if (last?.key === key) {
      groups[groups.length - 1] = { ...last, span: last.span + 1 };
    } else {
      const { code, versionLabel, name } = competency.framework;
      groups.push({
        key,
        framework: withFrameworkVersion(code, versionLabel),
        frameworkName: name,
        category: competency.category ?? null,
        span: 1,
      });
    }
  }
  return groups;
}

export interface GridState {
  readonly changes: ReadonlyMap<string, CellChange>;
  readonly errors: ReadonlyMap<string, readonly string[]>;
  readonly conflicts: ReadonlySet<string>;
}

/** The rows and cells as the grid shows them: the loaded levels, with the changes, errors and conflicts laid over them. */
export function gridRows(grid: TeamGrid, state: GridState): RowView[] {
  const cells = new Map(grid.cells.map((cell) => [cellKey(cell.employeeId, cell.competencyId), cell]));
  return grid.people.map((person, row) => ({
    person,
    row,
    cells: grid.competencies.map((competency, index) => {
      const key = cellKey(person.id, competency.id);
      return cellView(person, competency, cells.get(key), { row, col: index + 1, key }, state);
    }),
  }));
}

function cellView(
  person: Person,
  competency: TeamGridCompetency,
  cell: TeamGridCell | undefined,
  at: { row: number; col: number; key: string },
  state: GridState,
): CellView {
  const change = state.changes.get(at.key);
  const current = valueOf(cell?.manager);
  const shown = change?.value ?? current;
  const errors = state.errors.get(at.key) ?? [];
  // A change made on an older record than the one loaded now: someone saved since.
  const conflict = !!change && (state.conflicts.has(at.key) || change.basedOn !== (cell?.manager?.assessmentId ?? null));
  const stale = !change && !!cell?.manager?.stale;
  const fromEarlierVersion = !change && !!cell?.manager?.fromEarlierVersion;
  const targetCode = cell?.target !== undefined ? levelCode(competency, cell.target) : null;
  const kind: CellView['kind'] = !shown
    ? 'none'
    : shown.outcome === 'rated'
      ? 'level'
      : shown.outcome === 'not_assessed'
        ? 'not-assessed'
        : 'not-applicable';
  const text = !shown
    ? '–'
    : shown.outcome === 'rated'
      ? (!change && cell?.manager?.levelCode) || levelCode(competency, shown.level)
      : shown.outcome === 'not_assessed'
        ? 'Not assessed'
        : 'Not applicable';
  const parts = [describeValue(shown, competency)];
  if (targetCode !== null) parts.push(`target ${targetCode}`);
  if (stale) parts.push('stale');
  if (fromEarlierVersion) parts.push('from an earlier version of the competency');
  if (change) parts.push(`changed from ${describeValue(current, competency)}, not saved`);
  if (conflict) parts.push('someone else saved a newer level since you loaded the grid');
  if (errors.length) parts.push(`error: ${errors.join('; ')}`);
  return {
    key: at.key,
    employeeId: person.id,
    competencyId: competency.id,
    row: at.row,
    col: at.col,
    text,
    kind,
    targetCode,
    stale,
    fromEarlierVersion,
    changed: !!change,
    conflict,
    errors,
    label: `${person.name}, ${competencyName(competency)}: ${parts.join(', ')}`,
  };
}

/** One manager record per change, in the order given (errors come back by that index). */
export function batchRecords(changes: readonly CellChange[], rationale: string): RecordAssessmentRequest[] {
  return changes.map((change) => ({
    employeeId: change.employeeId,
    competencyId: change.competencyId,
    role: 'manager',
    outcome: change.value.outcome,
    ...(change.value.outcome === 'rated' ? { level: change.value.level } : {}),
    rationale,
    basedOn: change.basedOn,
  }));
}

/** How a refused record's field is named in a cell's error. */
const FIELD_WORDS: Readonly<Record<string, string>> = {
  level: 'Level',
  outcome: 'Answer',
  competencyId: 'Competency',
  employeeId: 'Person',
  basedOn: 'Level',
  assessedOn: 'Date',
};

export interface SortedErrors {
  /** Per cell key, what the API said about its record. */
  readonly cells: ReadonlyMap<string, readonly string[]>;
  /** The cells whose record was based on an out-of-date level (409). */
  readonly conflicts: ReadonlySet<string>;
  /** What the API said about the shared rationale. */
  readonly rationale: readonly string[];
  /** Errors that name no record of the batch. */
  readonly other: readonly FieldError[];
}

/** Sorts a refused batch's field errors (`assessments.1.level`) onto the cells they name, by index in `sentKeys`. */
export function sortBatchErrors(errors: readonly FieldError[], sentKeys: readonly string[]): SortedErrors {
  const cells = new Map<string, string[]>();
  const conflicts = new Set<string>();
  const rationale: string[] = [];
  const other: FieldError[] = [];
  for (const error of errors) {
    const match = /^assessments\.(\d+)\.(\w+)$/.exec(error.field);
    const key = match ? sentKeys[Number(match[1])] : undefined;
    const field = match?.[2] ?? '';
    if (!key) {
      other.push(error);
    } else if (field === 'rationale') {
      if (!rationale.includes(error.message)) rationale.push(error.message);
    } else if (field === 'basedOn') {
      conflicts.add(key);
    } else {
      cells.set(key, [...(cells.get(key) ?? []), `${FIELD_WORDS[field] ?? field} ${error.message}`]);
    }
  }
  return { cells, conflicts, rationale, other };
}
