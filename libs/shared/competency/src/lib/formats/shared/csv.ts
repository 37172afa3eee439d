import Papa from 'papaparse';
import type { IssueList } from './issues';

export interface CsvRecord {
  /** 1-based record number as a spreadsheet shows it (a quoted multi-line cell stays one row). */
  row: number;
  cells: string[];
}

export interface CsvTable {
  records: CsvRecord[];
  delimiter: string;
}

const DELIMITERS = [',', ';', '\t'];

/**
 * Parses CSV text (any line ending, quoted multi-line cells). The delimiter is
 * the first of `, ; tab` that gives the first record at least `minColumns`
 * cells. Blank records are dropped; row numbers still count them.
 */
export function parseCsv(text: string, issues: IssueList, minColumns = 2): CsvTable {
  let best: Papa.ParseResult<string[]> | undefined;
  let delimiter = DELIMITERS[0];
  for (const candidate of DELIMITERS) {
    const parsed = Papa.parse<string[]>(text, { delimiter: candidate, skipEmptyLines: false });
    const first = parsed.data.find((cells) => cells.some((cell) => cell.trim() !== ''));
    if (!best || (first && first.length >= minColumns)) {
      best = parsed;
      delimiter = candidate;
    }
    if (first && first.length >= minColumns) break;
  }
  const parsed = best as Papa.ParseResult<string[]>;
  for (const error of parsed.errors) {
    const where = error.row !== undefined && error.row !== null ? `row ${error.row + 1}` : 'file';
    if (error.code === 'MissingQuotes') issues.error(`Unterminated quoted cell: ${error.message}.`, where);
    else if (error.code !== 'UndetectableDelimiter') issues.warning(`CSV: ${error.message}.`, where);
  }
  const records: CsvRecord[] = [];
  parsed.data.forEach((cells, index) => {
    if (cells.some((cell) => cell.trim() !== '')) records.push({ row: index + 1, cells });
  });
  return { records, delimiter };
}

/** A cell a spreadsheet would run as a formula when the file is opened: `=`, `+`, `-`, `@`, tab or carriage return first. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * The one output encoding of every spreadsheet cell Proficio writes (CSV now,
 * XLSX and dashboard exports later): a cell that would start a formula gets a
 * leading `'`, which spreadsheets show as text (OWASP, CSV injection). Only
 * outputs are escaped; imports keep the text as it is.
 */
export function escapeSpreadsheetCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** Writes CSV with CRLF line ends, quoting only where needed (as Moodle's and Excel's writers do), every cell escaped. */
export function writeCsv(rows: readonly (readonly string[])[]): string {
  const cells = rows.map((row) => row.map(escapeSpreadsheetCell));
  return Papa.unparse(cells, { newline: '\r\n', quotes: false }) + '\r\n';
}

/** Lower-case, single-spaced header text for matching column names. */
export function normalizeHeader(header: string): string {
  return header
    .replace(/\uFEFF/g, '')
    .replace(/[\s_]+/g, ' ')
    .trim()
    .toLowerCase();
}
