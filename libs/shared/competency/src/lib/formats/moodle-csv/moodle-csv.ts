/**
 * Moodle competency framework CSV (admin/tool/lpimportcsv), import and export.
 *
 * Layout: a header row, then one row per framework or competency; CRLF;
 * quoted multi-line cells. Columns are matched by HEADER NAME (any order, any
 * casing, "(optional)" and punctuation ignored, known aliases such as
 * "Shortname" / "Short name" / "is_framework"), so both Moodle's current 14
 * columns and the 12 of exports made before cross-references (no
 * "Cross-referenced competency ID numbers", no "Exported ID") are read.
 * Only a file whose first row is already the framework row, or whose header
 * names no known column (Moodle writes it in the user's language), is read
 * by POSITION, in the 14- or 12-column order (warning).
 * - Short names the source cut with an ellipsis ("…" or "...") take the
 *   description's first sentence when the description starts with them.
 *
 * Mapping decisions
 * - Tree: Moodle competencies form a tree in which parents are competencies
 *   too. FrameworkDocument has no competency-to-competency parent link, only
 *   categories of any depth, so INNER NODES (rows with children) become
 *   categories and LEAVES become competencies; keys and codes are the Moodle
 *   ID numbers (one namespace in Moodle, so an export is re-imported as the
 *   same framework). This keeps the whole tree, so the browser's category
 *   tree shows e.g. OECD > Competencies > Delivery-related > Analytical
 *   Thinking, and the export writes the same tree back. The same rule is used
 *   for CASE. Moodle's rules (completion of a parent from its children) are
 *   not kept (warning).
 * - Levels: Moodle rates every competency on the framework's scale and has no
 *   per-level text, so imported competencies have `levels: []` (allowed by
 *   the schema); the scale values become the level scale (number = position,
 *   label = value).
 * - Descriptions: Proficio stores plain text. HTML descriptions (format 1) are
 *   converted to text with paragraphs (blank lines), line breaks and "- "
 *   list items; source line breaks inside an HTML paragraph are whitespace.
 *   The export writes descriptions with format 2 (FORMAT_PLAIN) so the text
 *   comes back unchanged: the round trip is lossless on the document, while
 *   the original HTML markup (bold, links' markup) is not kept.
 * - Scale configuration: the proficient values become `proficient: true` on
 *   their scale levels; the default value has no place in the model (an
 *   export makes the lowest proficient value the default, the highest value
 *   proficient when none is), so a different default is a warning.
 * - Taxonomy terms (what each depth is called: domain, competency,
 *   behaviour…) become `framework.depthNames` ("Domain", "Competency"…),
 *   unless every term is Moodle's default "competency"; the export writes
 *   them back as Moodle's terms.
 */
import type { Category, Competency, FrameworkDocument, LocalizedText } from '@proficio/shared/contracts';
import type { ImportIssue, ImportResult, ParseOptions } from '../import-result';
import { validateFrameworkDocument } from '../proficio-json/proficio-json';
import { type CsvRecord, normalizeHeader, parseCsv, writeCsv } from '../shared/csv';
import { htmlToText } from '../shared/html-text';
import { IssueList, pointer } from '../shared/issues';
import { decodeText } from '../shared/text-decoding';

/** Column names as current Moodle writes them (and as the export writes them). */
export const MOODLE_CSV_COLUMNS = [
  'Parent ID number',
  'ID number',
  'Short name',
  'Description',
  'Description format',
  'Scale values',
  'Scale configuration',
  'Rule type (optional)',
  'Rule outcome (optional)',
  'Rule config (optional)',
  'Cross-referenced competency ID numbers',
  'Exported ID (optional)',
  'Is framework',
  'Taxonomy',
] as const;

const COL = {
  parent: 0,
  idNumber: 1,
  shortName: 2,
  description: 3,
  descriptionFormat: 4,
  scaleValues: 5,
  scaleConfig: 6,
  ruleType: 7,
  ruleOutcome: 8,
  ruleConfig: 9,
  related: 10,
  exportId: 11,
  isFramework: 12,
  taxonomy: 13,
} as const;

type ColumnId = keyof typeof COL;
const COLUMN_IDS = Object.keys(COL) as ColumnId[];

/**
 * Header names Moodle versions and hand-made files use, squashed (lower
 * case, "(optional)" dropped, letters and digits only).
 */
const ALIASES: Record<ColumnId, readonly string[]> = {
  parent: ['parentidnumber', 'parentid', 'parent'],
  idNumber: ['idnumber', 'id'],
  shortName: ['shortname', 'name'],
  description: ['description'],
  descriptionFormat: ['descriptionformat'],
  scaleValues: ['scalevalues', 'scale'],
  scaleConfig: ['scaleconfiguration', 'scaleconfig'],
  ruleType: ['ruletype'],
  ruleOutcome: ['ruleoutcome'],
  ruleConfig: ['ruleconfig', 'ruleconfiguration'],
  related: ['crossreferencedcompetencyidnumbers', 'crossreferencedcompetencies', 'relatedidnumbers', 'relatedcompetencies'],
  exportId: ['exportedid', 'exportid'],
  isFramework: ['isframework'],
  taxonomy: ['taxonomy', 'taxonomies'],
};

/** Without them a file cannot be read; every other column may be missing (read as empty). */
const REQUIRED: readonly ColumnId[] = ['parent', 'idNumber', 'shortName', 'scaleValues', 'isFramework'];

/** Files without a header row are read by position: Moodle's current 14 columns, or the 12 of exports made before cross-references. */
const LAYOUT_14: readonly ColumnId[] = COLUMN_IDS;
const LAYOUT_12: readonly ColumnId[] = COLUMN_IDS.filter((id) => id !== 'related' && id !== 'exportId');

const squash = (header: string) =>
  normalizeHeader(header)
    .replace(/\(optional\)/g, '')
    .replace(/[^a-z0-9]/g, '');

/** Where each column is in the file (0-based), by id. */
type ColumnPlaces = Partial<Record<ColumnId, number>>;

function placesByName(header: string[]): { places: ColumnPlaces; unknown: string[]; twice: string[] } {
  const places: ColumnPlaces = {};
  const unknown: string[] = [];
  const twice: string[] = [];
  header.forEach((name, index) => {
    const squashed = squash(name);
    if (squashed === '') return;
    const id = COLUMN_IDS.find((c) => ALIASES[c].includes(squashed));
    if (!id) unknown.push(name.trim());
    else if (places[id] !== undefined) twice.push(name.trim());
    else places[id] = index;
  });
  return { places, unknown, twice };
}

/** A row that names at least three of Moodle's columns, among them "ID number" or "Is framework". */
export function isMoodleHeader(cells: string[]): boolean {
  const { places } = placesByName(cells);
  return Object.keys(places).length >= 3 && (places.idNumber !== undefined || places.isFramework !== undefined);
}

const placesByPosition = (layout: readonly ColumnId[]): ColumnPlaces => Object.fromEntries(layout.map((id, index) => [id, index]));

/** A row that is already the framework row in one of the two layouts (a file without header). */
function frameworkRowLayout(cells: string[]): readonly ColumnId[] | undefined {
  for (const layout of [LAYOUT_14, LAYOUT_12]) {
    const at = (id: ColumnId) => (cells[layout.indexOf(id)] ?? '').trim();
    if (cells.length >= layout.length - 1 && isTruthy(at('isFramework')) && /^\d*$/.test(at('descriptionFormat'))) return layout;
  }
  return undefined;
}

/** Moodle's FORMAT_* constants. */
const FORMAT = { moodle: 0, html: 1, plain: 2, markdown: 4 } as const;

/** Moodle cuts ID numbers and short names at 100 characters (shorten_text). */
const MOODLE_TEXT_LIMIT = 100;

const DEFAULT_TAXONOMY = 'competency';

interface MoodleRow {
  row: number;
  cells: string[];
}

function isTruthy(cell: string): boolean {
  const value = cell.trim().toLowerCase();
  return value !== '' && value !== '0' && value !== 'false';
}

/** A Moodle description in the given format as Proficio plain text. */
function descriptionText(raw: string, format: string, formatAt: string, issues: IssueList): string | undefined {
  if (raw.trim() === '') return undefined;
  const code = format.trim() === '' ? FORMAT.moodle : Number(format.trim());
  let text: string;
  if (code === FORMAT.html) text = htmlToText(raw);
  else if (code === FORMAT.moodle) {
    // Moodle auto-format: HTML allowed, line breaks kept.
    text = /<[a-z][^>]*>/i.test(raw) ? htmlToText(raw.replace(/\r?\n/g, '<br>')) : raw.replace(/\r\n?/g, '\n');
  } else {
    if (code !== FORMAT.plain && code !== FORMAT.markdown)
      issues.warning(`Unknown description format "${format}"; the description is kept as plain text.`, formatAt);
    text = raw.replace(/\r\n?/g, '\n');
  }
  return text.trim() === '' ? undefined : text;
}

function localized(language: string, text: string | undefined): LocalizedText | undefined {
  return text === undefined || text === '' ? undefined : { [language]: text };
}

interface ScaleConfig {
  /** Positions (1-based) of the proficient values. */
  proficient: number[];
  issue?: string;
}

/** Moodle's scale configuration: `[{"scaleid":"3"},{"id":2,"scaledefault":1,"proficient":1},…]`, ids = positions in the scale values. */
function readScaleConfig(config: string, values: string[]): ScaleConfig {
  if (config.trim() === '') return { proficient: [] };
  let parsed: unknown;
  try {
    parsed = JSON.parse(config);
  } catch {
    return { proficient: [], issue: 'The scale configuration is not valid JSON; it is ignored.' };
  }
  if (!Array.isArray(parsed)) return { proficient: [], issue: 'The scale configuration is not a JSON array; it is ignored.' };
  const entries = parsed.slice(1).filter((e): e is Record<string, unknown> => !!e && typeof e === 'object');
  const ids = (flag: string) => entries.filter((e) => Number(e[flag]) === 1).map((e) => Number(e['id']));
  const inScale = (id: number) => Number.isInteger(id) && id >= 1 && id <= values.length;
  const names = (list: number[]) => list.map((id) => `"${values[id - 1] ?? `#${id}`}"`).join(', ') || 'none';
  const proficient = [...new Set(ids('proficient'))].sort((a, b) => a - b);
  const outside = proficient.filter((id) => !inScale(id));
  if (outside.length)
    return {
      proficient: [],
      issue: `The scale configuration names value${outside.length > 1 ? 's' : ''} ${outside.join(', ')} outside the ${values.length} scale values; it is ignored.`,
    };
  const defaults = ids('scaledefault');
  const exportDefault = proficient.length ? proficient[0] : values.length;
  if (defaults.length === 1 && defaults[0] === exportDefault) return { proficient };
  return {
    proficient,
    issue: `The default value ${names(defaults)} is not kept: Proficio's scale keeps which values are proficient (${names(proficient)}), not a default; an export makes the lowest proficient value the default.`,
  };
}

/** Moodle's taxonomy terms (core_competency\\competency_framework::get_taxonomies_list). */
const MOODLE_TAXONOMIES = [
  'behaviour',
  'competency',
  'concept',
  'domain',
  'indicator',
  'level',
  'outcome',
  'practice',
  'proficiency',
  'skill',
  'value',
];

/** "domain" → "Domain"; a term Moodle does not know stays as written. */
function depthName(term: string): string {
  const known = MOODLE_TAXONOMIES.includes(term.toLowerCase());
  return known ? term.charAt(0).toUpperCase() + term.slice(1).toLowerCase() : term;
}

/** "Domain" → "domain"; undefined for a name that is not a Moodle term. */
function taxonomyTerm(name: string): string | undefined {
  const term = name.trim().toLowerCase();
  return MOODLE_TAXONOMIES.includes(term) ? term : undefined;
}

/**
 * The whole title of a short name the source cut with an ellipsis ("Distinguishes
 * between critical and irrelevant pieces of infor…"): the description's
 * sentence it starts, when the description starts with the short name.
 */
export function untruncatedTitle(shortName: string, description: string | undefined): string | undefined {
  const cut = /^(.*?)\s*(?:\u2026|\.\.\.)$/s.exec(shortName);
  if (!cut || !description) return undefined;
  const stem = cut[1].replace(/\s+/g, ' ').trim();
  const text = description.replace(/\s+/g, ' ').trim();
  if (stem === '' || !text.toLowerCase().startsWith(stem.toLowerCase())) return undefined;
  const end = /[.!?](?=\s|$)/.exec(text.slice(stem.length));
  const sentence = end ? text.slice(0, stem.length + end.index + 1) : text;
  return sentence.length > stem.length ? sentence : undefined;
}

/** Parses a Moodle competency framework CSV export into a FrameworkDocument. */
export function parseMoodleCsv(input: Uint8Array | string, options: Pick<ParseOptions, 'language'> = {}): ImportResult {
  const issues = new IssueList();
  const language = options.language ?? 'en';
  const decoded = decodeText(input);
  if (decoded.encoding !== 'utf-8') issues.warning('The file is not UTF-8; it was read as Windows-1252.', 'file');
  const table = parseCsv(decoded.text, issues, 5);
  if (issues.hasErrors) return issues.result();

  // Columns by header name (any order, any casing); by position only when the file has no header row Proficio can read.
  const first = table.records[0];
  if (!first) {
    issues.error('Not a Moodle competency framework CSV: the file is empty.', 'file');
    return issues.result();
  }
  const headerIndex = table.records.slice(0, 5).findIndex((r) => isMoodleHeader(r.cells));
  let places: ColumnPlaces;
  let dataRecords: CsvRecord[];
  let width: number;
  if (headerIndex >= 0) {
    const header = table.records[headerIndex];
    for (const skipped of table.records.slice(0, headerIndex))
      issues.warning(`Row with ${skipped.cells.length} column(s) before the header row; ignored.`, `row ${skipped.row}`);
    const named = placesByName(header.cells);
    places = named.places;
    const missing = REQUIRED.filter((id) => places[id] === undefined).map((id) => MOODLE_CSV_COLUMNS[COL[id]]);
    if (missing.length) {
      issues.error(`Missing required column${missing.length > 1 ? 's' : ''}: ${missing.join(', ')}.`, `row ${header.row} (header)`);
      return issues.result();
    }
    if (named.unknown.length)
      issues.warning(
        `Column${named.unknown.length > 1 ? 's' : ''} ${named.unknown.map((n) => `"${n}"`).join(', ')} ${named.unknown.length > 1 ? 'are' : 'is'} not a Moodle column; ignored.`,
        `row ${header.row} (header)`,
      );
    if (named.twice.length)
      issues.warning(
        `Column${named.twice.length > 1 ? 's' : ''} ${named.twice.map((n) => `"${n}"`).join(', ')} repeat${named.twice.length > 1 ? '' : 's'} an earlier column; only the first is read.`,
        `row ${header.row} (header)`,
      );
    dataRecords = table.records.slice(headerIndex + 1);
    width = header.cells.length;
  } else {
    const layout = frameworkRowLayout(first.cells);
    if (layout) {
      issues.warning(
        `No header row: the first row is already the framework row; the columns are read by position (Moodle's ${layout.length}-column layout).`,
        `row ${first.row}`,
      );
      dataRecords = table.records;
      places = placesByPosition(layout);
    } else if (first.cells.length >= LAYOUT_12.length - 1) {
      const byCount = first.cells.length >= LAYOUT_14.length - 1 ? LAYOUT_14 : LAYOUT_12;
      issues.warning(
        `The header row names no Moodle column Proficio knows (another language?); the columns are read by position (Moodle's ${byCount.length}-column layout).`,
        `row ${first.row} (header)`,
      );
      dataRecords = table.records.slice(1);
      places = placesByPosition(byCount);
    } else {
      issues.error(
        `Not a Moodle competency framework CSV: no header row naming Moodle's columns (${REQUIRED.map((id) => MOODLE_CSV_COLUMNS[COL[id]]).join(', ')}, …), and the first row has ${first.cells.length} column(s) where Moodle writes 12 or 14.`,
        `row ${first.row}`,
      );
      return issues.result();
    }
    width = Math.max(...Object.values(places).map((i) => (i as number) + 1));
  }

  /** Location of a cell, with the column's number in the file and its Moodle name. */
  const at = (row: number, column: number) => {
    const id = COLUMN_IDS[column];
    const place = places[id];
    return place === undefined
      ? `row ${row} (${MOODLE_CSV_COLUMNS[column]}: not in the file)`
      : `row ${row}, column ${place + 1} (${MOODLE_CSV_COLUMNS[column]})`;
  };
  const rows: MoodleRow[] = dataRecords.map((r) => {
    if (r.cells.length < width)
      issues.warning(`Row has ${r.cells.length} columns instead of ${width}; the missing ones are read as empty.`, `row ${r.row}`);
    // Cells in Moodle's current column order, whatever the file's.
    const cells = COLUMN_IDS.map((id) => (places[id] === undefined ? '' : (r.cells[places[id] as number] ?? '')));
    return { row: r.row, cells };
  });

  // The framework row.
  const frameworkRows = rows.filter((r) => isTruthy(r.cells[COL.isFramework]));
  if (frameworkRows.length === 0) {
    issues.error(
      'No framework row: exactly one row must have "Is framework" = 1.',
      `column ${(places.isFramework as number) + 1} (${MOODLE_CSV_COLUMNS[COL.isFramework]})`,
    );
    return issues.result();
  }
  for (const extra of frameworkRows.slice(1)) {
    issues.error(
      `A second framework row (the first is row ${frameworkRows[0].row}); a file holds one framework.`,
      at(extra.row, COL.isFramework),
    );
  }
  const fw = frameworkRows[0];
  const frameworkId = fw.cells[COL.idNumber].trim();
  const frameworkName = fw.cells[COL.shortName].trim();
  if (!frameworkId) issues.error('The framework has no ID number.', at(fw.row, COL.idNumber));
  if (!frameworkName) issues.error('The framework has no short name.', at(fw.row, COL.shortName));
  const scaleValues = fw.cells[COL.scaleValues].split(',').map((v) => v.trim());
  if (fw.cells[COL.scaleValues].trim() === '')
    issues.error(
      'The framework row has no scale values (a comma-separated list such as "Not yet competent,Competent").',
      at(fw.row, COL.scaleValues),
    );
  else if (scaleValues.some((v) => v === ''))
    issues.error(`Empty value in the scale "${fw.cells[COL.scaleValues]}".`, at(fw.row, COL.scaleValues));
  const scaleConfig = readScaleConfig(fw.cells[COL.scaleConfig], scaleValues);
  if (scaleConfig.issue) issues.warning(scaleConfig.issue, at(fw.row, COL.scaleConfig));
  const taxonomies = fw.cells[COL.taxonomy]
    .split(',')
    .map((t) => t.trim())
    .filter((t) => t !== '');
  const depthNames = taxonomies.some((t) => t.toLowerCase() !== DEFAULT_TAXONOMY)
    ? taxonomies.map((t) => ({ [language]: depthName(t) }))
    : undefined;

  // Competency rows.
  const competencyRows = rows.filter((r) => !isTruthy(r.cells[COL.isFramework]));
  const byId = new Map<string, MoodleRow>();
  for (const r of competencyRows) {
    const id = r.cells[COL.idNumber].trim();
    if (!id) {
      issues.error('A competency without an ID number (Moodle would skip it silently).', at(r.row, COL.idNumber));
      continue;
    }
    if (!r.cells[COL.shortName].trim())
      issues.error(`Competency "${id}" has no short name (Moodle would skip it silently).`, at(r.row, COL.shortName));
    const first = byId.get(id);
    if (first) issues.error(`Duplicate ID number "${id}" (first at row ${first.row}).`, at(r.row, COL.idNumber));
    else byId.set(id, r);
    if (r.cells[COL.scaleValues].trim())
      issues.warning(`Competency "${id}" has its own scale; it is not kept (the framework scale applies).`, at(r.row, COL.scaleValues));
    if (r.cells[COL.ruleType].trim())
      issues.warning(`The completion rule of "${id}" (${r.cells[COL.ruleType].trim()}) is not kept.`, at(r.row, COL.ruleType));
  }
  const parentOf = (r: MoodleRow) => r.cells[COL.parent].trim();
  const childCount = new Map<string, number>();
  for (const [id, r] of byId) {
    const parent = parentOf(r);
    if (!parent) continue;
    if (!byId.has(parent)) {
      const hint = parent === frameworkId ? ' (top-level competencies leave "Parent ID number" empty)' : '';
      issues.error(`Unknown parent ID number "${parent}" of "${id}"${hint}.`, at(r.row, COL.parent));
      continue;
    }
    childCount.set(parent, (childCount.get(parent) ?? 0) + 1);
  }
  const reportedCycle = new Set<string>();
  for (const [id, r] of byId) {
    const path = [id];
    let current = parentOf(r);
    while (current && byId.has(current) && !path.includes(current)) {
      path.push(current);
      current = parentOf(byId.get(current) as MoodleRow);
    }
    if (current === id && !reportedCycle.has(id)) {
      path.forEach((p) => reportedCycle.add(p));
      issues.error(`Cycle in the parent ID numbers: ${[...path, id].join(' → ')}.`, at(r.row, COL.parent));
    }
  }
  if (issues.hasErrors) return issues.result();

  const categories: Category[] = [];
  const competencies: Competency[] = [];
  for (const [id, r] of byId) {
    const parent = parentOf(r) || undefined;
    const description = localized(
      language,
      descriptionText(r.cells[COL.description], r.cells[COL.descriptionFormat], at(r.row, COL.descriptionFormat), issues),
    );
    const shortName = r.cells[COL.shortName].trim();
    const whole = untruncatedTitle(shortName, description?.[language]);
    if (whole)
      issues.warning(
        `The short name of "${id}" was cut by the source ("${shortName}"); the description's first sentence is the title.`,
        at(r.row, COL.shortName),
      );
    const name = whole ?? shortName;
    if (childCount.has(id)) {
      if (r.cells[COL.related].trim())
        issues.warning(
          `Cross-references of "${id}" are not kept: it has sub-competencies, so it is a category in Proficio.`,
          at(r.row, COL.related),
        );
      categories.push({
        key: id,
        code: id,
        name: { [language]: name },
        ...(description ? { description } : {}),
        ...(parent ? { parentKey: parent } : {}),
      });
    } else {
      const related: string[] = [];
      for (const raw of r.cells[COL.related].split(',')) {
        const ref = raw.trim().replace(/%2C/gi, ',');
        if (!ref || ref === id || related.includes(ref)) continue;
        if (!byId.has(ref))
          issues.warning(`Cross-referenced ID number "${ref}" of "${id}" is not in the file; ignored.`, at(r.row, COL.related));
        else if (childCount.has(ref))
          issues.warning(
            `Cross-reference from "${id}" to "${ref}" is not kept: "${ref}" has sub-competencies, so it is a category in Proficio.`,
            at(r.row, COL.related),
          );
        else related.push(ref);
      }
      competencies.push({
        key: id,
        code: id,
        ...(parent ? { categoryKey: parent } : {}),
        title: { [language]: name },
        ...(description ? { description } : {}),
        ...(related.length ? { relatedKeys: related } : {}),
        levels: [],
      });
    }
  }

  const frameworkDescription = localized(
    language,
    descriptionText(fw.cells[COL.description], fw.cells[COL.descriptionFormat], at(fw.row, COL.descriptionFormat), issues),
  );
  const doc: FrameworkDocument = {
    format: 'proficio-framework',
    formatVersion: 1,
    framework: {
      key: frameworkId,
      code: frameworkId,
      name: { [language]: frameworkName },
      ...(frameworkDescription ? { description: frameworkDescription } : {}),
      versionLabel: 'unversioned',
      defaultLanguage: language,
      languages: [language],
      ...(depthNames ? { depthNames } : {}),
    },
    scale: {
      key: moodleScaleKey(frameworkId),
      name: { [language]: moodleScaleName(frameworkName) },
      levels: scaleValues.map((value, i) => ({
        number: i + 1,
        code: String(i + 1),
        label: { [language]: value },
        ...(scaleConfig.proficient.includes(i + 1) ? { proficient: true } : {}),
      })),
    },
    categories,
    competencies,
  };
  issues.add(validateFrameworkDocument(doc, { duplicateCodes: 'error', locationPrefix: 'document ' }));
  return issues.result(doc);
}

const moodleScaleKey = (frameworkId: string) => `${frameworkId}-scale`;
/** Moodle names a scale it creates on import "Competency scale: <framework short name>". */
const moodleScaleName = (frameworkName: string) => `Competency scale: ${frameworkName}`;

function textIn(doc: FrameworkDocument, text: LocalizedText | undefined): string {
  if (!text) return '';
  return text[doc.framework.defaultLanguage] ?? Object.values(text)[0] ?? '';
}

/** Moodle separates scale values with commas (and trims them): a comma inside a label becomes a semicolon, keeping the number of levels. */
function scaleValue(label: string): string {
  return label.replace(/\s*,\s*/g, '; ').trim();
}

/** Depth of the deepest node (1 = top level), for the taxonomy column. */
function treeDepth(doc: FrameworkDocument): number {
  const parentOf = new Map(doc.categories.map((c) => [c.key, c.parentKey]));
  const depthOfCategory = (key: string | undefined, seen = new Set<string>()): number => {
    if (key === undefined || seen.has(key) || !parentOf.has(key)) return 0;
    seen.add(key);
    return 1 + depthOfCategory(parentOf.get(key), seen);
  };
  const depths = [...doc.categories.map((c) => depthOfCategory(c.key)), ...doc.competencies.map((c) => 1 + depthOfCategory(c.categoryKey))];
  return depths.length ? Math.max(...depths) : 0;
}

/**
 * The scale configuration's entries: the proficient levels (the highest when
 * none is marked, as Moodle needs one), the lowest of them also the default.
 */
function moodleScaleFlags(doc: FrameworkDocument): { id: number; scaledefault?: 1; proficient?: 1 }[] {
  const marked = doc.scale.levels.filter((level) => level.proficient === true).map((level) => level.number);
  const proficient = marked.length ? marked : [doc.scale.levels.length];
  return proficient.map((id, i) => (i === 0 ? { id, scaledefault: 1, proficient: 1 } : { id, proficient: 1 }));
}

/**
 * Writes a FrameworkDocument as a Moodle competency framework CSV (14
 * columns, CRLF) that tool_lpimportcsv imports: categories and competencies
 * become competency rows under their parent's ID number, keys become ID
 * numbers, texts are in the default language with description format 2
 * (plain). What Moodle cannot hold is listed by `checkMoodleCsvFit`.
 */
export function exportMoodleCsv(doc: FrameworkDocument): string {
  const t = (text: LocalizedText | undefined) => textIn(doc, text);
  const labels = doc.scale.levels.map((level) => scaleValue(t(level.label)));
  const scaleConfig = JSON.stringify([{ scaleid: '' }, ...moodleScaleFlags(doc)]);
  const taxonomy = doc.framework.depthNames
    ? doc.framework.depthNames.map((name) => taxonomyTerm(t(name)) ?? DEFAULT_TAXONOMY)
    : Array(treeDepth(doc)).fill(DEFAULT_TAXONOMY);
  const rows: string[][] = [[...MOODLE_CSV_COLUMNS]];
  const plain = String(FORMAT.plain);
  rows.push([
    '',
    doc.framework.key,
    t(doc.framework.name),
    t(doc.framework.description),
    plain,
    labels.join(','),
    scaleConfig,
    '',
    '',
    '',
    '',
    '',
    '1',
    taxonomy.join(','),
  ]);
  // A competency row: no scale of its own, no rule, its related competencies' ID numbers.
  const competencyRow = (parentKey: string | undefined, key: string, name: string, description: string, related = '') => [
    parentKey ?? '',
    key,
    name,
    description,
    plain,
    '',
    '',
    '',
    '0',
    'null',
    related,
    '',
    '',
    '',
  ];
  for (const category of doc.categories) {
    rows.push(competencyRow(category.parentKey, category.key, t(category.name), t(category.description)));
  }
  for (const competency of doc.competencies) {
    const related = (competency.relatedKeys ?? []).map((key) => key.replace(/,/g, '%2C')).join(',');
    rows.push(competencyRow(competency.categoryKey, competency.key, t(competency.title), t(competency.description), related));
  }
  return writeCsv(rows);
}

/**
 * What an export to Moodle CSV loses, as warnings with JSON pointers into the
 * document. An empty list means exportMoodleCsv → parseMoodleCsv gives the
 * same document back.
 */
export function checkMoodleCsvFit(doc: FrameworkDocument): ImportIssue[] {
  const issues: ImportIssue[] = [];
  const lose = (message: string, ...path: (string | number)[]) => issues.push({ severity: 'warning', message, location: pointer(...path) });
  const language = doc.framework.defaultLanguage;
  const fw = doc.framework;
  const t = (text: LocalizedText | undefined) => textIn(doc, text);

  if (fw.languages.length !== 1 || fw.languages[0] !== language)
    lose(`Moodle CSV holds one language: only "${language}" texts are written.`, 'framework', 'languages');
  if (fw.code !== fw.key)
    lose(`The framework code "${fw.code}" is not kept (Moodle has only the ID number "${fw.key}").`, 'framework', 'code');
  for (const field of ['publisher', 'sourceUrl', 'licence', 'attribution'] as const) {
    if (fw[field] !== undefined) lose(`The framework's ${field} is not kept (no such column).`, 'framework', field);
  }
  if (fw.versionLabel !== 'unversioned') lose(`The version label "${fw.versionLabel}" is not kept.`, 'framework', 'versionLabel');
  if (doc.certifications?.length) lose('Certifications are not kept.', 'certifications');
  if (doc.caseSource) lose("The CASE package's own records (identifiers, dates, creator) are not kept.", 'caseSource');

  (fw.depthNames ?? []).forEach((name, i) => {
    const term = taxonomyTerm(t(name));
    if (!term)
      lose(
        `The depth name "${t(name)}" is not one of Moodle's taxonomy terms; written as "${DEFAULT_TAXONOMY}".`,
        'framework',
        'depthNames',
        i,
      );
    else if (depthName(term) !== t(name))
      lose(`The depth name "${t(name)}" comes back as "${depthName(term)}".`, 'framework', 'depthNames', i);
  });
  if (fw.depthNames && fw.depthNames.every((name) => taxonomyTerm(t(name)) === DEFAULT_TAXONOMY))
    lose(`Depth names that are all "${DEFAULT_TAXONOMY}" are Moodle's default: they are not kept.`, 'framework', 'depthNames');
  if (doc.scale.key !== moodleScaleKey(fw.key)) lose(`The scale key "${doc.scale.key}" is not kept.`, 'scale', 'key');
  if (doc.scale.levels.length && !doc.scale.levels.some((level) => level.proficient === true))
    lose('No scale level is marked proficient: the export marks the highest, as Moodle needs one.', 'scale', 'levels');
  if (t(doc.scale.name) !== moodleScaleName(t(fw.name)))
    lose('The scale name is not kept (Moodle names imported scales itself).', 'scale', 'name');
  doc.scale.levels.forEach((level, i) => {
    const label = t(level.label);
    if (level.code !== String(level.number))
      lose(`Scale level code "${level.code}" is not kept (levels are numbered by position).`, 'scale', 'levels', i, 'code');
    if (scaleValue(label) !== label)
      lose(
        `Scale value "${label}" is written as "${scaleValue(label)}": Moodle separates scale values with commas and trims them.`,
        'scale',
        'levels',
        i,
        'label',
      );
    if (level.description) lose(`The description of scale level ${level.number} is not kept.`, 'scale', 'levels', i, 'description');
    if (level.guidingPhrase) lose(`The guiding phrase of scale level ${level.number} is not kept.`, 'scale', 'levels', i, 'guidingPhrase');
    if (level.proficient === false)
      lose(`"proficient: false" of scale level ${level.number} comes back absent.`, 'scale', 'levels', i, 'proficient');
  });

  const competencyKeys = new Set(doc.competencies.map((c) => c.key));
  const usedAsParent = new Set<string>(
    [...doc.categories.map((c) => c.parentKey), ...doc.competencies.map((c) => c.categoryKey)].filter((k): k is string => !!k),
  );
  doc.categories.forEach((category, i) => {
    if (competencyKeys.has(category.key))
      lose(`Category key "${category.key}" is also a competency key; Moodle ID numbers are one namespace.`, 'categories', i, 'key');
    if (category.code !== category.key)
      lose(
        `The category code ${category.code === undefined ? '(none)' : `"${category.code}"`} is not kept (Moodle has only the ID number "${category.key}").`,
        'categories',
        i,
        'code',
      );
    if (!usedAsParent.has(category.key))
      lose(
        `Category "${category.key}" is empty: in Moodle it is a competency without children, and comes back as a competency.`,
        'categories',
        i,
      );
    if (t(category.name).length > MOODLE_TEXT_LIMIT)
      lose(
        `The name of "${category.key}" is longer than Moodle's ${MOODLE_TEXT_LIMIT} characters and would be cut.`,
        'categories',
        i,
        'name',
      );
  });
  doc.competencies.forEach((competency, i) => {
    const base = ['competencies', i] as const;
    if (competency.code !== competency.key)
      lose(`The competency code "${competency.code}" is not kept (Moodle has only the ID number "${competency.key}").`, ...base, 'code');
    if (t(competency.title).length > MOODLE_TEXT_LIMIT)
      lose(`The title of "${competency.code}" is longer than Moodle's ${MOODLE_TEXT_LIMIT} characters and would be cut.`, ...base, 'title');
    if (competency.guidance) lose(`The guidance notes of "${competency.code}" are not kept.`, ...base, 'guidance');
    if (competency.changeStatus || competency.guidanceChangeStatus)
      lose(`The change markers of "${competency.code}" are not kept.`, ...base);
    if (competency.levels.length) {
      const numbers = competency.levels.map((l) => l.level).join(', ');
      lose(
        `The levels of "${competency.code}" (${numbers}) with their descriptions, indicators and questions are not kept: Moodle rates every competency on the whole scale and has no per-level text.`,
        ...base,
        'levels',
      );
    }
    if (competency.notPractisedLevels?.length)
      lose(`The "not practised" levels of "${competency.code}" are not kept.`, ...base, 'notPractisedLevels');
  });
  return issues;
}
