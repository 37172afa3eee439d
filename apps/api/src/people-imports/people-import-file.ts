import type { FieldError, PeopleImportColumn, PeopleImportFormat } from '@proficio/shared/contracts';
import { PEOPLE_IMPORT_COLUMNS, PEOPLE_IMPORT_MAX_ROWS, PEOPLE_IMPORT_REQUIRED_COLUMNS } from '@proficio/shared/contracts';
import { stream, type CellValue } from 'exceljs';
import Papa from 'papaparse';
import { DEFAULT_XLSX_MAX_UNCOMPRESSED_BYTES, XlsxArchive, XlsxArchiveError } from './xlsx-archive';

/** One data row of the file: its spreadsheet row number and the trimmed text of each known column. */
export interface RawPeopleRow {
  row: number;
  values: Partial<Record<PeopleImportColumn, string>>;
  /** Cells with text right of the last column of the header. */
  extraCells: boolean;
}

export interface PeopleFile {
  format: PeopleImportFormat;
  /** The known columns the header names, in the order of PEOPLE_IMPORT_COLUMNS. */
  columns: PeopleImportColumn[];
  rows: RawPeopleRow[];
  warnings: string[];
}

/**
 * The file as a whole cannot be read: `status` 422 (unreadable, wrong header, too many rows) or
 * 413 (a workbook that would expand beyond the size allowed once unpacked).
 */
export class PeopleFileError extends Error {
  constructor(
    message: string,
    readonly errors: FieldError[] = [],
    readonly status: 413 | 422 = 422,
  ) {
    super(message);
  }
}

export interface PeopleFileOptions {
  /** The most the parts of an XLSX workbook may expand to (PEOPLE_IMPORT_XLSX_MAX_MB); 50 MB by default. */
  xlsxMaxBytes?: number;
}

/** A table of text cells, with the spreadsheet row number of each row (the header is the first non-empty row). */
interface Table {
  rows: { row: number; cells: string[] }[];
  warnings: string[];
}

const HEADER_ALIASES: Record<string, PeopleImportColumn> = {
  email: 'email',
  emailaddress: 'email',
  mail: 'email',
  name: 'name',
  fullname: 'name',
  jobtitle: 'job title',
  title: 'job title',
  teampath: 'team path',
  team: 'team path',
  manageremail: 'manager email',
  manager: 'manager email',
  managermail: 'manager email',
  roleprofile: 'role profile',
  role: 'role profile',
};

/** `Job Title`, `job_title` and `JOB-TITLE` all name the column `job title`. */
export function columnOf(header: string): PeopleImportColumn | undefined {
  return HEADER_ALIASES[header.toLowerCase().replace(/[^a-z0-9]/g, '')];
}

/** Column letters as a spreadsheet shows them: 0 -> A, 26 -> AA. */
export function columnLetter(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

const isXlsx = (buffer: Buffer) => buffer.length >= 4 && buffer.readUInt32BE(0) === 0x504b0304;
const isOldExcel = (buffer: Buffer) => buffer.length >= 4 && buffer.readUInt32BE(0) === 0xd0cf11e0;

/** Reads an uploaded CSV or XLSX file (told apart by content, not by name) into rows of known columns. */
export async function readPeopleFile(buffer: Buffer, options: PeopleFileOptions = {}): Promise<PeopleFile> {
  if (isOldExcel(buffer))
    throw new PeopleFileError('The file is an old Excel (.xls) workbook: save it as .xlsx or .csv and upload it again.');
  const format: PeopleImportFormat = isXlsx(buffer) ? 'xlsx' : 'csv';
  const table = format === 'xlsx' ? await readXlsxTable(buffer, options.xlsxMaxBytes) : readCsvTable(buffer);
  return { format, ...toPeopleRows(table) };
}

/** Text of a CSV file: UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252 (as older Excel saves it). */
export function decodeText(buffer: Buffer): { text: string; warning?: string } {
  if (buffer.length >= 2 && buffer[0] === 0xff && buffer[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(buffer) };
  if (buffer.length >= 2 && buffer[0] === 0xfe && buffer[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(buffer) };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(buffer) };
  } catch {
    return {
      text: new TextDecoder('windows-1252').decode(buffer),
      warning: 'The file is not UTF-8; it was read as Windows-1252. Save it as "CSV UTF-8" if letters look wrong.',
    };
  }
}

const DELIMITERS = [',', ';', '\t', '|'] as const;

/** The delimiter the header row uses most (Papa Parse's own guess needs many consistent rows). */
export function guessDelimiter(text: string): string {
  const header = text.split(/\r\n|\n|\r/).find((line) => line.trim() !== '') ?? '';
  const unquoted = header.replace(/"[^"]*"/g, '');
  const counts = DELIMITERS.map((delimiter) => unquoted.split(delimiter).length - 1);
  const best = Math.max(...counts);
  return (best > 0 ? DELIMITERS[counts.indexOf(best)] : undefined) ?? ',';
}

/** CSV with `,`, `;`, tab or `|` between fields (guessed from the file), quoted fields, any line ending. */
export function readCsvTable(buffer: Buffer): Table {
  const { text, warning } = decodeText(buffer);
  const content = text.replace(/^\uFEFF/, '');
  const parsed = Papa.parse<string[]>(content, { header: false, delimiter: guessDelimiter(content), skipEmptyLines: false });
  const quoteError = parsed.errors.find((error) => error.type === 'Quotes');
  if (quoteError) {
    const row = (quoteError.row ?? 0) + 1;
    throw new PeopleFileError(`Row ${row} has a quote (") that is never closed: the rest of the file cannot be read.`, [
      { field: `row ${row}`, message: quoteError.message },
    ]);
  }
  return {
    rows: parsed.data.map((cells, index) => ({ row: index + 1, cells: cells.map((cell) => cell.trim()) })),
    warnings: warning ? [warning] : [],
  };
}

/** Text of an Excel cell: hyperlinks and rich text give their text, formulas their result, dates `YYYY-MM-DD`. */
export function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('hyperlink' in value) return cellText(value.text as CellValue);
  if ('formula' in value || 'sharedFormula' in value) return cellText((value as { result?: CellValue }).result ?? null);
  if ('error' in value) return String(value.error);
  return '';
}

const WORKBOOK_RELS = 'xl/_rels/workbook.xml.rels';
const WORKBOOK = 'xl/workbook.xml';
/** The parts exceljs reads as worksheets (chart sheets and others are not). */
const WORKSHEET_PART = /^xl\/worksheets\/sheet\d+\.xml$/;

/** What exceljs 4.4's streaming WorkbookReader keeps and its typings leave out. */
interface WorkbookReaderInternals {
  parse(): AsyncIterable<unknown>;
  model?: { sheets?: { name: string; rId: string }[] };
  workbookRels?: { Id: string; Target: string }[];
  sharedStrings?: unknown[];
}

const unreadableWorkbook = () =>
  new PeopleFileError('The file cannot be read as an Excel workbook (.xlsx). Save it again from Excel, or as CSV.');

/**
 * The first worksheet (in tab order) of an XLSX workbook, read as a stream: the archive is checked
 * first (XlsxArchive: what its parts expand to, and how tightly they are compressed), then only the
 * parts needed are parsed, the worksheet last, and reading stops as soon as it has more rows than
 * can be imported.
 */
export async function readXlsxTable(buffer: Buffer, maxBytes = DEFAULT_XLSX_MAX_UNCOMPRESSED_BYTES): Promise<Table> {
  try {
    return await readFirstWorksheet(await XlsxArchive.open(buffer, maxBytes));
  } catch (error) {
    if (error instanceof PeopleFileError) throw error;
    if (error instanceof XlsxArchiveError) throw new PeopleFileError(error.message, [], error.reason === 'too-large' ? 413 : 422);
    throw unreadableWorkbook();
  }
}

async function readFirstWorksheet(archive: XlsxArchive): Promise<Table> {
  // The workbook part lists the sheets in tab order; its relationships name the part of each.
  const outline = new stream.xlsx.WorkbookReader(await archive.stream([WORKBOOK_RELS, WORKBOOK]), {
    worksheets: 'ignore',
    sharedStrings: 'ignore',
    styles: 'ignore',
    hyperlinks: 'ignore',
  }) as unknown as WorkbookReaderInternals;
  for await (const event of outline.parse()) void event;
  const targets = new Map((outline.workbookRels ?? []).map((rel) => [rel.Id, rel.Target]));
  const worksheets = (outline.model?.sheets ?? []).flatMap((sheet) => {
    const target = targets.get(sheet.rId);
    // As exceljs resolves them: `worksheets/sheet1.xml` or `/xl/worksheets/sheet1.xml`.
    const path = target === undefined ? '' : `xl/${target.replace(/^(\s|\/xl\/)+/, '')}`;
    return WORKSHEET_PART.test(path) && archive.has(path) ? [{ name: sheet.name, path }] : [];
  });
  const [first] = worksheets;
  if (!first) throw new PeopleFileError('The workbook has no worksheet.');

  // Relationships, workbook, styles (dates) and shared strings before the worksheet, so that exceljs
  // reads the worksheet as it arrives instead of copying it to a temporary file first.
  const parts = await archive.stream([WORKBOOK_RELS, WORKBOOK, 'xl/styles.xml', 'xl/sharedStrings.xml', first.path]);
  const reader = new stream.xlsx.WorkbookReader(parts, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
  });
  // A workbook without shared strings (all text inline) has no part that would set them.
  (reader as unknown as WorkbookReaderInternals).sharedStrings = [];
  const rows: Table['rows'] = [];
  let inOrder = true;
  try {
    for await (const sheet of reader) {
      for await (const row of sheet) {
        if (!row.hasValues) continue;
        if (rows.length > PEOPLE_IMPORT_MAX_ROWS) throw tooManyRows(`more than ${PEOPLE_IMPORT_MAX_ROWS.toLocaleString('en')}`);
        // Only the cells with text: a row may have one at column XFD and nothing before it.
        const cells: string[] = [];
        row.eachCell((cell, column) => {
          const text = cellText(cell.value).trim();
          if (text !== '') cells[column - 1] = text;
        });
        // A row without its number (`r`, optional in the format) follows the one before.
        const previous = rows.at(-1)?.row ?? 0;
        const number = row.number > 0 ? row.number : previous + 1;
        if (number <= previous) inOrder = false;
        rows.push({ row: number, cells });
      }
    }
  } finally {
    parts.destroy();
  }
  if (!inOrder) rows.sort((a, b) => a.row - b.row);
  const warnings =
    worksheets.length > 1 ? [`The workbook has ${worksheets.length} worksheets; only the first, "${first.name}", was read.`] : [];
  return { rows, warnings };
}

/** `rows` as the message says it: `100,001`, or `more than 100,000` when reading stopped at the limit. */
const tooManyRows = (rows: string) =>
  new PeopleFileError(
    `The file has ${rows} rows; at most ${PEOPLE_IMPORT_MAX_ROWS.toLocaleString('en')} people can be imported at once. Split the file.`,
  );

/** Finds the header (first non-empty row), maps its cells to known columns and reads the rows below it. */
export function toPeopleRows(table: Table): Omit<PeopleFile, 'format'> {
  const nonEmpty = table.rows.filter((row) => row.cells.some((cell) => cell !== ''));
  const [header, ...data] = nonEmpty;
  if (!header) throw new PeopleFileError('The file is empty: it needs a header row (email, name, …) and one row per person.');
  if (data.length > PEOPLE_IMPORT_MAX_ROWS) throw tooManyRows(data.length.toLocaleString('en'));

  const warnings = [...table.warnings];
  const indexOf = new Map<PeopleImportColumn, number>();
  const errors: FieldError[] = [];
  header.cells.forEach((cell, index) => {
    if (cell === '') return;
    const column = columnOf(cell);
    if (!column) {
      warnings.push(`Column ${columnLetter(index)} ("${cell.slice(0, 100)}") is not a column Proficio knows; it is ignored.`);
      return;
    }
    const first = indexOf.get(column);
    if (first !== undefined) {
      errors.push({ field: `column ${columnLetter(index)}`, message: `is "${column}" again (already column ${columnLetter(first)})` });
      return;
    }
    indexOf.set(column, index);
  });
  for (const column of PEOPLE_IMPORT_REQUIRED_COLUMNS) {
    if (!indexOf.has(column)) errors.push({ field: column, message: `is a required column: the header row (row ${header.row}) has none` });
  }
  if (errors.length) {
    throw new PeopleFileError(
      `The header row cannot be used: ${errors.map((error) => `${error.field} ${error.message}`).join('; ')}. The columns are: ${PEOPLE_IMPORT_COLUMNS.join(', ')}.`,
      errors,
    );
  }
  if (data.length === 0) throw new PeopleFileError('The file has a header row but no people below it.');

  const columns = PEOPLE_IMPORT_COLUMNS.filter((column) => indexOf.has(column));
  const rows = data.map((line): RawPeopleRow => {
    const values: RawPeopleRow['values'] = {};
    for (const column of columns) values[column] = line.cells[indexOf.get(column) as number] ?? '';
    const extraCells = line.cells.some((cell, index) => index >= header.cells.length && cell !== '');
    return { row: line.row, values, extraCells };
  });
  return { columns, rows, warnings };
}
