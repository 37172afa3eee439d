import { FrameworkImportFormat } from '@proficio/shared/contracts';

/** A format the import wizard offers, with the one line that tells people which to pick. */
export interface ImportFormatOption {
  readonly value: FrameworkImportFormat;
  readonly label: string;
  readonly description: string;
  /** File name endings the format's files usually have; a file without one gets a (non-blocking) note. */
  readonly extensions: readonly string[];
  /** The file picker's `accept`. */
  readonly accept: string;
}

const JSON_ACCEPT = '.json,application/json';
const CSV_ACCEPT = '.csv,text/csv';

export const IMPORT_FORMAT_OPTIONS: readonly ImportFormatOption[] = [
  { value: 'proficio-json', label: 'Proficio JSON', description: 'Proficio’s own format', extensions: ['.json'], accept: JSON_ACCEPT },
  { value: 'moodle-csv', label: 'Moodle CSV', description: 'Moodle competency framework CSV', extensions: ['.csv'], accept: CSV_ACCEPT },
  {
    value: 'sfia-csv',
    label: 'SFIA CSV',
    description: 'SFIA skills CSV (your licensed download)',
    extensions: ['.csv'],
    accept: CSV_ACCEPT,
  },
  { value: 'case', label: 'CASE', description: '1EdTech CASE package (JSON)', extensions: ['.json'], accept: JSON_ACCEPT },
];

/** The SFIA levels file (Level, Guiding phrase, Essence of the level) is a CSV too. */
export const LEVELS_FILE_ACCEPT = CSV_ACCEPT;

export function importFormatOption(format: FrameworkImportFormat | null): ImportFormatOption | undefined {
  return IMPORT_FORMAT_OPTIONS.find((option) => option.value === format);
}
