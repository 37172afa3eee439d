/**
 * The SFIA Foundation's skills CSV (and the companion levels CSV), import only.
 *
 * Skills file columns, found by header name (case and spacing ignored): `#`,
 * seven level columns (the level number where the skill is defined, else
 * blank; headed "1".."7" or "Level 1".."Level 7"), Code, URL, Skill,
 * Category, Subcategory, Overall description, Guidance notes, Level 1
 * description … Level 7 description. Encoding: UTF-8 (BOM or not) or
 * Windows-1252, as the Foundation publishes it.
 *
 * Mapping: framework key "sfia" (so SFIA 8 → SFIA 9 is a new version of the
 * same framework), version and language from file names like
 * `sfia-9_current-skills_en.csv`; category → subcategory become a two-level
 * category tree (keys are slugs of the names, SFIA has no category codes);
 * a skill becomes a competency keyed by its SFIA code, defined at the marked
 * levels with their descriptions. The levels file (Level, Guiding phrase,
 * Essence of the level) fills the 7-level scale as the built-in SFIA pack
 * does: label = guiding phrase, description = essence; without it the labels
 * are "Level 1".."Level 7". Skill URLs have no place in the model and are not
 * kept.
 */
import type { Category, Competency, CompetencyLevel, FrameworkDocument, ScaleLevel } from '@proficio/shared/contracts';
import type { ImportResult, ParseOptions } from '../import-result';
import { validateFrameworkDocument } from '../proficio-json/proficio-json';
import { type CsvRecord, normalizeHeader, parseCsv } from '../shared/csv';
import { IssueList } from '../shared/issues';
import { decodeText } from '../shared/text-decoding';

const LEVELS = [1, 2, 3, 4, 5, 6, 7] as const;

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
  const hash = find('#');
  if (
    levelMarks.includes(-1) &&
    hash !== undefined &&
    names.length >= hash + 8 &&
    names.slice(hash + 1, hash + 8).every((n) => n === '' || /^\d$/.test(n))
  ) {
    // Unnamed level columns: the seven columns after "#".
    levelMarks = LEVELS.map((n) => hash + n);
  }
  levelMarks.forEach((index, i) => {
    if (index < 0) missing.push(`Level ${i + 1}`);
  });
  const levelDescriptions = LEVELS.map((n) => need(`Level ${n} description`, `level ${n} description`));
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
  };
}

function cellText(record: CsvRecord, index: number | undefined): string {
  if (index === undefined || index < 0) return '';
  return (record.cells[index] ?? '').replace(/\r\n?/g, '\n').trim();
}

const location = (record: CsvRecord, column: number, header: CsvRecord) =>
  `row ${record.row}, column ${column + 1} (${(header.cells[column] ?? '').trim()})`;

/** Reads the companion levels file into the 7 scale levels. */
function parseLevelsFile(input: Uint8Array | string, language: string, issues: IssueList): ScaleLevel[] {
  const levels = defaultSfiaLevels(language);
  const decoded = decodeText(input);
  const sub = new IssueList();
  const table = parseCsv(decoded.text, sub, 3);
  issues.add(sub.errors.map((e) => ({ ...e, location: `levels file, ${e.location}` })));
  issues.add(sub.warnings.map((w) => ({ ...w, location: `levels file, ${w.location}` })));
  const header = table.records.find((r) => r.cells.map(normalizeHeader).includes('level'));
  if (!header) {
    issues.error('Levels file: no header row with the columns Level, Guiding phrase, Essence of the level.', 'levels file, row 1');
    return levels;
  }
  const names = header.cells.map(normalizeHeader);
  const level = names.indexOf('level');
  const phrase = names.findIndex((n) => n === 'guiding phrase' || n === 'guiding phrases');
  const essence = names.findIndex((n) => n.startsWith('essence'));
  const missing = [phrase < 0 ? 'Guiding phrase' : '', essence < 0 ? 'Essence of the level' : ''].filter(Boolean);
  if (missing.length) {
    issues.error(
      `Levels file: missing required column${missing.length > 1 ? 's' : ''}: ${missing.join(', ')}.`,
      `levels file, row ${header.row} (header)`,
    );
    return levels;
  }
  const seen = new Set<number>();
  for (const record of table.records.filter((r) => r.row > header.row)) {
    const raw = cellText(record, level);
    const number = Number(raw.replace(/^level\s*/i, ''));
    if (!Number.isInteger(number) || number < 1 || number > 7) {
      issues.error(`Levels file: "${raw}" is not a SFIA level (1–7).`, `levels file, row ${record.row}, column ${level + 1} (Level)`);
      continue;
    }
    if (seen.has(number)) {
      issues.error(`Levels file: level ${number} is listed twice.`, `levels file, row ${record.row}, column ${level + 1} (Level)`);
      continue;
    }
    seen.add(number);
    const label = cellText(record, phrase);
    const description = cellText(record, essence);
    levels[number - 1] = {
      number,
      code: String(number),
      label: { [language]: label || `Level ${number}` },
      ...(description ? { description: { [language]: description } } : {}),
    };
    if (!label)
      issues.warning(
        `Levels file: level ${number} has no guiding phrase; labelled "Level ${number}".`,
        `levels file, row ${record.row}, column ${phrase + 1} (Guiding phrase)`,
      );
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
