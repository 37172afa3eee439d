/**
 * Bulk import of people from a CSV or XLSX file, in two steps:
 * `POST /api/people-imports` (multipart, field `file`) checks the file and keeps a preview;
 * `POST /api/people-imports/:id/commit` writes it in one transaction. Admin only.
 */

/** The columns of an import file, as written in its header row (case and spaces do not matter). */
export const PEOPLE_IMPORT_COLUMNS = ['email', 'name', 'job title', 'team path', 'manager email', 'role profile'] as const;
export type PeopleImportColumn = (typeof PEOPLE_IMPORT_COLUMNS)[number];

/** The columns every file must have. */
export const PEOPLE_IMPORT_REQUIRED_COLUMNS: readonly PeopleImportColumn[] = ['email', 'name'];

/** Separates the teams of a team path, from the top-level team down: `Engineering / Service Desk`. */
export const PEOPLE_IMPORT_TEAM_SEPARATOR = '/';

/** Largest file accepted (413 above it) and most people in one file (422 above it). */
export const PEOPLE_IMPORT_MAX_BYTES = 10 * 1024 * 1024;
export const PEOPLE_IMPORT_MAX_ROWS = 100_000;

export type PeopleImportFormat = 'csv' | 'xlsx';

/** What committing would do with a row: nothing is written while any row has errors. */
export type PeopleImportRowAction = 'create' | 'update' | 'unchanged' | 'error';

/** A problem of one cell (`column`) or of the whole row (no `column`). */
export interface PeopleImportRowError {
  column?: PeopleImportColumn;
  message: string;
}

/** One row of the file, its values as read (trimmed), what it would do and what is wrong with it. */
export interface PeopleImportRowView {
  /** The row number a spreadsheet shows: the header is row 1. */
  row: number;
  email: string;
  name: string;
  jobTitle?: string;
  teamPath?: string;
  managerEmail?: string;
  roleProfile?: string;
  action: PeopleImportRowAction;
  errors: PeopleImportRowError[];
}

export interface PeopleImportCounts {
  rows: number;
  create: number;
  update: number;
  unchanged: number;
  /** Rows with at least one error. */
  error: number;
}

/** `POST /api/people-imports` and `GET /api/people-imports/:id` answer this; the rows are paged on `GET …/:id/rows`. */
export interface PeopleImportPreview {
  id: string;
  fileName: string;
  format: PeopleImportFormat;
  status: 'previewed' | 'committed';
  createdAt: string;
  /** The optional columns the file has: a column left out is not changed on people who already exist. */
  columns: PeopleImportColumn[];
  counts: PeopleImportCounts;
  /** Findings about the whole file that do not stop the import, e.g. a column Proficio does not know. */
  warnings: string[];
  /** Team paths that do not exist yet and that the commit would create, top-level first. */
  teamsToCreate: string[];
  committedAt?: string;
}

/** `GET /api/people-imports/:id/rows`: `errorsOnly=true` keeps the rows with errors. */
export interface PeopleImportRowsQuery {
  page?: number;
  pageSize?: number;
  errorsOnly?: boolean;
}

/** `POST /api/people-imports/:id/commit` answers this. */
export interface PeopleImportCommitResult {
  importId: string;
  created: number;
  updated: number;
  unchanged: number;
  teamsCreated: number;
}
