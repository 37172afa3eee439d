import type { FieldError, PeopleImportColumn, PeopleImportFormat } from '@proficio/shared/contracts';
import { PEOPLE_IMPORT_COLUMNS, PEOPLE_IMPORT_MAX_ROWS, PEOPLE_IMPORT_REQUIRED_COLUMNS } from '@proficio/shared/contracts';
import { Workbook, type CellValue } from 'exceljs';
import Papa from 'papaparse';

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

/** The file as a whole cannot be read; `status` is 422 (unreadable, wrong header, too many rows). */
export class PeopleFileError extends Error {
  constructor(
    message: string,
    readonly errors: FieldError[] = [],
  ) {
    super(message);
  }
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
export async function readPeopleFile(buffer: Buffer): Promise<PeopleFile> {
  if (isOldExcel(buffer))
    throw new PeopleFileError('The file is an old Excel (.xls) workbook: save it as .xlsx or .csv and upload it again.');
  const format: PeopleImportFormat = isXlsx(buffer) ? 'xlsx' : 'csv';
  const table = format === 'xlsx' ? await readXlsxTable(buffer) : readCsvTable(buffer);
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

/** The first worksheet of an XLSX workbook. */
export async function readXlsxTable(buffer: Buffer): Promise<Table> {
  const workbook = new Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  } catch {
    throw new PeopleFileError('The file cannot be read as an Excel workbook (.xlsx). Save it again from Excel, or as CSV.');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new PeopleFileError('The workbook has no worksheet.');
  if (sheet.actualRowCount > PEOPLE_IMPORT_MAX_ROWS + 1) throw tooManyRows(sheet.actualRowCount - 1);
  const rows: Table['rows'] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      cells[column - 1] = cellText(cell.value).trim();
    });
    rows.push({ row: rowNumber, cells: Array.from(cells, (cell) => cell ?? '') });
  });
  const warnings =
    workbook.worksheets.length > 1
      ? [`The workbook has ${workbook.worksheets.length} worksheets; only the first, "${sheet.name}", was read.`]
      : [];
  return { rows, warnings };
}

const tooManyRows = (rows: number) =>
  new PeopleFileError(
    `The file has ${rows.toLocaleString('en')} rows; at most ${PEOPLE_IMPORT_MAX_ROWS.toLocaleString('en')} people can be imported at once. Split the file.`,
  );

/** Finds the header (first non-empty row), maps its cells to known columns and reads the rows below it. */
export function toPeopleRows(table: Table): Omit<PeopleFile, 'format'> {
  const nonEmpty = table.rows.filter((row) => row.cells.some((cell) => cell !== ''));
  const [header, ...data] = nonEmpty;
  if (!header) throw new PeopleFileError('The file is empty: it needs a header row (email, name, …) and one row per person.');
  if (data.length > PEOPLE_IMPORT_MAX_ROWS) throw tooManyRows(data.length);

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
