/**
 * The SFIA Foundation's skills CSV (and the companion levels CSV), import only.
 *
 * Skills file columns, found by header name (case and spacing ignored): `#`,
 * seven level columns (the level number where the skill is defined, else
 * blank), Code, URL, Skill, Category, Subcategory, Overall description,
 * Guidance notes, Level 1 description … Level 7 description. The level
 * columns are headed "Level 1".."Level 7", "1".."7", nothing, or, as the
 * Foundation publishes it, by one cell over the first of them and blanks
 * after it (`#,Levels,,,,,,,Code,…`): recognised by that shape, seven
 * columns after "#" or before "Code", whatever the word. A file without
 * "Level n description" columns has the descriptions in the level columns.
 * Descriptions that start with "Essence of the level:" are kept as written
 * (one warning). Encoding: UTF-8 (BOM or not) or Windows-1252.
 *
 * Mapping: framework key "sfia" (so SFIA 8 → SFIA 9 is a new version of the
 * same framework), version and language from file names like
 * `sfia-9_current-skills_en.csv`; category → subcategory become a two-level
 * category tree (keys are slugs of the names, SFIA has no category codes);
 * a skill becomes a competency keyed by its SFIA code, defined at the marked
 * levels with their descriptions. The levels file (Level, Guiding phrase,
 * Essence of the level: as columns, or transposed as published, one row per
 * attribute and one column per level) fills the 7-level scale as the
 * built-in SFIA pack does: label = guiding phrase, description = essence;
 * other attributes are not kept (warning); without the file the labels are
 * "Level 1".."Level 7". Skill URLs have no place in the model and are not
 * kept.
 */
import type { Category, Competency, CompetencyLevel, FrameworkDocument, ScaleLevel } from '@proficio/shared/contracts';
import type { ImportResult, ParseOptions } from '../import-result';
import { validateFrameworkDocument } from '../proficio-json/proficio-json';
import { type CsvRecord, normalizeHeader, parseCsv } from '../shared/csv';
import { IssueList } from '../shared/issues';
import { decodeText } from '../shared/text-decoding';

const LEVELS = [1, 2, 3, 4, 5, 6, 7] as const;

/** Some SFIA exports start every level description with the level's generic essence: "Essence of the level: …". */
const ESSENCE_PREFIX = /^essence of the level\s*:/i;

export const SFIA_ATTRIBUTION =
  'SFIA content © SFIA Foundation (www.sfia-online.org). Imported from a file supplied by the user; using SFIA in your organisation requires your own SFIA licence.';
export const SFIA_LICENCE = 'SFIA licence (SFIA Foundation) — not redistributable without a licence';

interface Columns {
  code: number;
  skill: number;
  category: number;
  subcategory: number;
  overall: number;
  guidance?: number;
  url?: number;
  levelMarks: number[];
  levelDescriptions: number[];
  /** No "Level n description" columns: the level columns hold the descriptions (a blank cell = not defined there). */
  levelCellsAreDescriptions: boolean;
}

/** Lower-case ASCII slug for keys derived from names. */
export function slug(text: string): string {
  return (
    text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/&/g, ' and ')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'unnamed'
  );
}

function findHeader(records: CsvRecord[]): CsvRecord | undefined {
  return records.find((r) => {
    const names = r.cells.map(normalizeHeader);
    return names.includes('code') && (names.includes('skill') || names.includes('skill name'));
  });
}

function locateColumns(header: CsvRecord, issues: IssueList): Columns | undefined {
  const names = header.cells.map(normalizeHeader);
  const find = (...candidates: string[]) => {
    const index = names.findIndex((n) => candidates.includes(n));
    return index < 0 ? undefined : index;
  };
  const missing: string[] = [];
  const need = (label: string, ...candidates: string[]) => {
    const index = find(...candidates);
    if (index === undefined) missing.push(label);
    return index ?? -1;
  };
  const code = need('Code', 'code', 'skill code');
  const skill = need('Skill', 'skill', 'skill name');
  const category = need('Category', 'category');
  const subcategory = need('Subcategory', 'subcategory', 'sub category', 'sub-category');
  const overall = need('Overall description', 'overall description', 'description');
  let levelMarks = LEVELS.map((n) => find(`${n}`, `level ${n}`, `l${n}`) ?? -1);
  if (levelMarks.includes(-1)) {
    const start = levelBlock(names, code, find('#'));
    if (start !== undefined) levelMarks = LEVELS.map((n) => start + n - 1);
  }
  levelMarks.forEach((index, i) => {
    if (index < 0) missing.push(`Level ${i + 1}`);
  });
  const descriptionColumns = LEVELS.map((n) => find(`level ${n} description`));
  // Without any "Level n description" column, the seven level columns hold the descriptions themselves.
  const levelCellsAreDescriptions = descriptionColumns.every((index) => index === undefined);
  descriptionColumns.forEach((index, i) => {
    if (index === undefined && !levelCellsAreDescriptions) missing.push(`Level ${i + 1} description`);
  });
  const levelDescriptions = descriptionColumns.map((index, i) => (levelCellsAreDescriptions ? levelMarks[i] : (index ?? -1)));
  if (missing.length) {
    issues.error(`Missing required column${missing.length > 1 ? 's' : ''}: ${missing.join(', ')}.`, `row ${header.row} (header)`);
    return undefined;
  }
  return {
    code,
    skill,
    category,
    subcategory,
    overall,
    guidance: find('guidance notes', 'guidance'),
    url: find('url'),
    levelMarks,
    levelDescriptions,
    levelCellsAreDescriptions,
  };
}

/**
 * The seven level columns when their headers do not name them: the seven
 * columns after "#" or just before "Code", headed either by nothing or digits
 * ("#,1,2,…,7,Code" or "#,,,,,,,,Code"), or by one cell over the first of
 * them and blanks after it, as the SFIA Foundation publishes it
 * ("#,Levels,,,,,,,Code", whatever the word in that cell).
 */
function levelBlock(names: string[], code: number, hash: number | undefined): number | undefined {
  const candidates = [...(hash !== undefined ? [hash + 1] : []), ...(code >= 7 ? [code - 7] : [])];
  return candidates.find((start) => {
    if (start < 0 || start + 7 > names.length || (start <= code && code < start + 7)) return false;
    const block = names.slice(start, start + 7);
    const blankOrDigit = (n: string) => n === '' || /^\d$/.test(n);
    return block.every(blankOrDigit) || (block[0] !== '' && block.slice(1).every((n) => n === ''));
  });
}

function cellText(record: CsvRecord, index: number | undefined): string {
  if (index === undefined || index < 0) return '';
  return (record.cells[index] ?? '').replace(/\r\n?/g, '\n').trim();
}

const location = (record: CsvRecord, column: number, header: CsvRecord) =>
  `row ${record.row}, column ${column + 1} (${(header.cells[column] ?? '').trim()})`;

/** One level of the levels file, with the places of its cells (rows or columns, depending on the file's orientation). */
interface LevelsFileEntry {
  raw: string;
  phrase: string;
  essence: string;
  levelAt: string;
  phraseAt: string;
}

const isLevelName = (n: string) => n === 'level' || n === 'levels';
const isPhraseName = (n: string) => n === 'guiding phrase' || n === 'guiding phrases';
const isEssenceName = (n: string) => n.startsWith('essence');

/**
 * The levels file in either orientation: one row per level under the header
 * "Level, Guiding phrase, Essence of the level", or transposed as the SFIA
 * Foundation publishes it, one row per attribute ("Level", "Guiding phrase",
 * "Essence of the level" in the first column) and one column per level.
 */
function levelsFileEntries(records: CsvRecord[], issues: IssueList): LevelsFileEntry[] | undefined {
  const cell = (record: CsvRecord, index: number) => (record.cells[index] ?? '').replace(/\r\n?/g, '\n').trim();
  const header = records.find((r) => r.cells.map(normalizeHeader).some((n) => isPhraseName(n) || isEssenceName(n)));
  const rowLabel = (r: CsvRecord) => normalizeHeader(r.cells[0] ?? '');
  const phraseRow = records.find((r) => isPhraseName(rowLabel(r)));
  const essenceRow = records.find((r) => isEssenceName(rowLabel(r)));
  const headerNames = header?.cells.map(normalizeHeader) ?? [];
  const transposed = (phraseRow || essenceRow) && !(headerNames.filter((n) => isPhraseName(n) || isEssenceName(n)).length > 1);

  if (transposed) {
    const missing = [phraseRow ? '' : 'Guiding phrase', essenceRow ? '' : 'Essence of the level'].filter(Boolean);
    if (missing.length) {
      issues.error(
        `Levels file: missing required row${missing.length > 1 ? 's' : ''}: ${missing.join(', ')} (the file lists the levels in columns).`,
        'levels file, column 1',
      );
      return undefined;
    }
    const phrases = phraseRow as CsvRecord;
    const essences = essenceRow as CsvRecord;
    const levelRow = records.find((r) => isLevelName(rowLabel(r)));
    const ignored = records
      .filter((r) => r !== levelRow && r !== phrases && r !== essences && rowLabel(r) !== '')
      .map((r) => (r.cells[0] ?? '').trim());
    if (ignored.length)
      issues.warning(
        `Levels file: the row${ignored.length > 1 ? 's' : ''} ${ignored.map((n) => `"${n}"`).join(', ')} ${ignored.length > 1 ? 'are' : 'is'} not kept: a scale level keeps its guiding phrase and essence.`,
        'levels file, column 1',
      );
    const width = Math.max(...[levelRow, phrases, essences].map((r) => r?.cells.length ?? 0));
    const entries: LevelsFileEntry[] = [];
    for (let column = 1; column < width; column++) {
      const raw = levelRow ? cell(levelRow, column) : String(column);
      const phrase = cell(phrases, column);
      const essence = cell(essences, column);
      if (!raw && !phrase && !essence) continue;
      const at = (r: CsvRecord | undefined) => `levels file, ${r ? `row ${r.row}, ` : ''}column ${column + 1}`;
      entries.push({ raw, phrase, essence, levelAt: `${at(levelRow)} (Level)`, phraseAt: `${at(phrases)} (Guiding phrase)` });
    }
    return entries;
  }

  const levelHeader = header ?? records.find((r) => r.cells.map(normalizeHeader).some(isLevelName));
  if (!levelHeader) {
    issues.error('Levels file: no header row with the columns Level, Guiding phrase, Essence of the level.', 'levels file, row 1');
    return undefined;
  }
  const names = levelHeader.cells.map(normalizeHeader);
  const level = names.findIndex(isLevelName);
  const phrase = names.findIndex(isPhraseName);
  const essence = names.findIndex(isEssenceName);
  const missing = [level < 0 ? 'Level' : '', phrase < 0 ? 'Guiding phrase' : '', essence < 0 ? 'Essence of the level' : ''].filter(Boolean);
  if (missing.length) {
    issues.error(
      `Levels file: missing required column${missing.length > 1 ? 's' : ''}: ${missing.join(', ')}.`,
      `levels file, row ${levelHeader.row} (header)`,
    );
    return undefined;
  }
  const ignored = levelHeader.cells.filter((name, i) => name.trim() !== '' && ![level, phrase, essence].includes(i)).map((n) => n.trim());
  if (ignored.length)
    issues.warning(
      `Levels file: the column${ignored.length > 1 ? 's' : ''} ${ignored.map((n) => `"${n}"`).join(', ')} ${ignored.length > 1 ? 'are' : 'is'} not kept: a scale level keeps its guiding phrase and essence.`,
      `levels file, row ${levelHeader.row} (header)`,
    );
  return records
    .filter((r) => r.row > levelHeader.row)
    .map((record) => ({
      raw: cell(record, level),
      phrase: cell(record, phrase),
      essence: cell(record, essence),
      levelAt: `levels file, row ${record.row}, column ${level + 1} (Level)`,
      phraseAt: `levels file, row ${record.row}, column ${phrase + 1} (Guiding phrase)`,
    }));
}

/** Reads the companion levels file into the 7 scale levels. */
function parseLevelsFile(input: Uint8Array | string, language: string, issues: IssueList): ScaleLevel[] {
  const levels = defaultSfiaLevels(language);
  const decoded = decodeText(input);
  const sub = new IssueList();
  const table = parseCsv(decoded.text, sub, 3);
  issues.add(sub.errors.map((e) => ({ ...e, location: `levels file, ${e.location}` })));
  issues.add(sub.warnings.map((w) => ({ ...w, location: `levels file, ${w.location}` })));
  const entries = levelsFileEntries(table.records, issues);
  if (!entries) return levels;
  const seen = new Set<number>();
  for (const entry of entries) {
    const number = Number(entry.raw.replace(/^level\s*/i, ''));
    if (!Number.isInteger(number) || number < 1 || number > 7) {
      issues.error(`Levels file: "${entry.raw}" is not a SFIA level (1–7).`, entry.levelAt);
      continue;
    }
    if (seen.has(number)) {
      issues.error(`Levels file: level ${number} is listed twice.`, entry.levelAt);
      continue;
    }
    seen.add(number);
    levels[number - 1] = {
      number,
      code: String(number),
      label: { [language]: entry.phrase || `Level ${number}` },
      ...(entry.essence ? { description: { [language]: entry.essence } } : {}),
    };
    if (!entry.phrase) issues.warning(`Levels file: level ${number} has no guiding phrase; labelled "Level ${number}".`, entry.phraseAt);
  }
  const absent = LEVELS.filter((n) => !seen.has(n));
  if (absent.length)
    issues.warning(`Levels file: level${absent.length > 1 ? 's' : ''} ${absent.join(', ')} missing; labelled "Level n".`, 'levels file');
  return levels;
}

function defaultSfiaLevels(language: string): ScaleLevel[] {
  return LEVELS.map((n) => ({ number: n, code: String(n), label: { [language]: `Level ${n}` } }));
}

/** Version and language from the Foundation's file names, e.g. `sfia-9_current-skills_en_230313.csv`. */
function fromFileName(fileName: string | undefined): { version?: string; language?: string } {
  if (!fileName) return {};
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  const version = /sfia[\s_-]*(\d+(?:\.\d+)?)/i.exec(base)?.[1];
  const language = /[_-]([a-z]{2})(?=[_.-])/.exec(base.replace(/sfia[\s_-]*\d+/i, ''))?.[1];
  return { ...(version ? { version } : {}), ...(language ? { language } : {}) };
}

/** Parses the SFIA Foundation's skills CSV (plus, optionally, its levels CSV). */
export function parseSfiaCsv(input: Uint8Array | string, options: ParseOptions = {}): ImportResult {
  const issues = new IssueList();
  const named = fromFileName(options.fileName);
  const language = options.language ?? named.language ?? 'en';
  const decoded = decodeText(input);
  if (decoded.encoding === 'windows-1252')
    issues.warning('The file is not UTF-8; it was read as Windows-1252 (as the SFIA Foundation publishes it).', 'file');
  const table = parseCsv(decoded.text, issues, 10);
  if (issues.hasErrors) return issues.result();
  const header = findHeader(table.records);
  if (!header) {
    issues.error(
      'Not a SFIA skills CSV: no header row with the columns Code and Skill.',
      table.records[0] ? `row ${table.records[0].row}` : 'file',
    );
    return issues.result();
  }
  const columns = locateColumns(header, issues);
  if (!columns) return issues.result();

  const categories: Category[] = [];
  const categoryKeys = new Set<string>();
  const addCategory = (key: string, name: string, parentKey?: string) => {
    if (categoryKeys.has(key)) return;
    categoryKeys.add(key);
    categories.push({ key, name: { [language]: name }, ...(parentKey ? { parentKey } : {}) });
  };
  const competencies: Competency[] = [];
  const codes = new Map<string, number>();
  const essencePrefixed: string[] = [];
  for (const record of table.records.filter((r) => r.row > header.row)) {
    const code = cellText(record, columns.code);
    const title = cellText(record, columns.skill);
    if (!code) {
      issues.error('A skill without a code.', location(record, columns.code, header));
      continue;
    }
    const firstRow = codes.get(code);
    if (firstRow !== undefined) {
      issues.error(`Duplicate skill code "${code}" (first at row ${firstRow}).`, location(record, columns.code, header));
      continue;
    }
    codes.set(code, record.row);
    if (!title) issues.error(`Skill "${code}" has no name.`, location(record, columns.skill, header));

    const categoryName = cellText(record, columns.category);
    const subcategoryName = cellText(record, columns.subcategory);
    let categoryKey: string | undefined;
    if (categoryName) {
      categoryKey = slug(categoryName);
      addCategory(categoryKey, categoryName);
      if (subcategoryName) {
        const parentKey = categoryKey;
        categoryKey = `${parentKey}/${slug(subcategoryName)}`;
        addCategory(categoryKey, subcategoryName, parentKey);
      }
    } else {
      issues.warning(`Skill "${code}" has no category.`, location(record, columns.category, header));
      if (subcategoryName)
        issues.warning(`The subcategory of "${code}" is ignored: it has no category.`, location(record, columns.subcategory, header));
    }

    const levels: CompetencyLevel[] = [];
    for (const n of LEVELS) {
      const markColumn = columns.levelMarks[n - 1];
      const descriptionColumn = columns.levelDescriptions[n - 1];
      const mark = cellText(record, markColumn);
      if (columns.levelCellsAreDescriptions) {
        if (!mark) continue;
        const description = mark === String(n) ? '' : mark;
        if (!description)
          issues.warning(`Skill "${code}" is defined at level ${n} without a description.`, location(record, markColumn, header));
        else if (ESSENCE_PREFIX.test(description)) essencePrefixed.push(location(record, markColumn, header));
        levels.push({ level: n, ...(description ? { description: { [language]: description } } : {}), indicators: [], questions: [] });
        continue;
      }
      const description = cellText(record, descriptionColumn);
      if (!mark) {
        if (description)
          issues.warning(
            `Skill "${code}" has a level ${n} description but is not marked as defined at level ${n}; the description is ignored.`,
            location(record, descriptionColumn, header),
          );
        continue;
      }
      if (mark !== String(n))
        issues.warning(
          `Level column ${n} of "${code}" holds "${mark}" (expected "${n}"); read as defined at level ${n}.`,
          location(record, markColumn, header),
        );
      if (!description)
        issues.warning(`Skill "${code}" is defined at level ${n} without a description.`, location(record, descriptionColumn, header));
      else if (ESSENCE_PREFIX.test(description)) essencePrefixed.push(location(record, descriptionColumn, header));
      levels.push({ level: n, ...(description ? { description: { [language]: description } } : {}), indicators: [], questions: [] });
    }
    if (levels.length === 0)
      issues.error(
        `Skill "${code}" is not defined at any level (all seven level columns are blank).`,
        `row ${record.row}, columns ${columns.levelMarks[0] + 1}–${columns.levelMarks[6] + 1} (Level 1–7)`,
      );

    const overall = cellText(record, columns.overall);
    const guidance = cellText(record, columns.guidance);
    competencies.push({
      key: code,
      code,
      ...(categoryKey ? { categoryKey } : {}),
      title: { [language]: title || code },
      ...(overall ? { description: { [language]: overall } } : {}),
      ...(guidance ? { guidance: { [language]: guidance } } : {}),
      levels,
    });
  }
  if (competencies.length === 0 && !issues.hasErrors) issues.error('The file lists no skills.', `row ${header.row + 1}`);
  if (essencePrefixed.length)
    issues.warning(
      `${essencePrefixed.length} level description${essencePrefixed.length > 1 ? 's start' : ' starts'} with "Essence of the level:"; kept as the source wrote ${essencePrefixed.length > 1 ? 'them' : 'it'} (the generic essence of each level is the scale's description when the levels file is attached).`,
      essencePrefixed[0],
    );

  const scaleLevels =
    options.levelsFile !== undefined ? parseLevelsFile(options.levelsFile, language, issues) : defaultSfiaLevels(language);
  const version = named.version;
  const doc: FrameworkDocument = {
    format: 'proficio-framework',
    formatVersion: 1,
    framework: {
      key: 'sfia',
      code: 'SFIA',
      name: { [language]: version ? `SFIA ${version}` : 'SFIA' },
      description: { [language]: 'The global skills and competency framework for the digital world' },
      publisher: 'SFIA Foundation',
      sourceUrl: 'https://sfia-online.org',
      licence: SFIA_LICENCE,
      attribution: SFIA_ATTRIBUTION,
      versionLabel: version ?? 'unversioned',
      defaultLanguage: language,
      languages: [language],
    },
    scale: { key: 'sfia-responsibility-levels', name: { [language]: 'SFIA levels of responsibility' }, levels: scaleLevels },
    categories,
    competencies,
  };
  if (!issues.hasErrors) issues.add(validateFrameworkDocument(doc, { duplicateCodes: 'error', locationPrefix: 'document ' }));
  return issues.result(doc);
}
