import type { FrameworkDocument } from '@proficio/shared/contracts';
import { parseCase } from './case/case-import';
import { parseMoodleCsv } from './moodle-csv/moodle-csv';
import { parseProficioJson } from './proficio-json/proficio-json';
import { parseSfiaCsv } from './sfia-csv/sfia-csv';
import { detectFormat, wrongFormatMessage } from './shared/detect-format';

export type ImportFormat = 'proficio-json' | 'moodle-csv' | 'sfia-csv' | 'case';

export const IMPORT_FORMATS: readonly ImportFormat[] = ['proficio-json', 'moodle-csv', 'sfia-csv', 'case'];

export interface ImportIssue {
  severity: 'error' | 'warning';
  message: string;
  /** Where in the source: `row 12, column 4 (Scale values)`, `line 3, column 7`, or a JSON pointer such as `/CFItems/3/fullStatement`. */
  location: string;
}

export interface ImportResult {
  /** The parsed framework; undefined when there are errors. */
  document?: FrameworkDocument;
  errors: ImportIssue[];
  warnings: ImportIssue[];
}

export interface ParseOptions {
  /** SFIA only: the companion file listing the 7 levels (Level, Guiding phrase, Essence of the level). */
  levelsFile?: Uint8Array | string;
  /** Name of the uploaded file; SFIA reads the version and language from names like `sfia-9_skills_en.csv`. */
  fileName?: string;
  /** Language of formats that do not say (Moodle CSV, SFIA CSV). Default: `en`. */
  language?: string;
}

/**
 * Parses a framework file in one of the supported formats into Proficio's
 * native document. Never throws. A file that fails and looks like another
 * format (by its header or JSON structure) gets one error naming that
 * format instead of the errors of reading it in the wrong one.
 */
export function parseFramework(format: ImportFormat, input: Uint8Array | string, options: ParseOptions = {}): ImportResult {
  try {
    const result = parseWith(format, input, options);
    if (result.errors.length === 0 || !IMPORT_FORMATS.includes(format)) return result;
    const hint = wrongFormatMessage(format, detectFormat(input));
    return hint ? { errors: [{ severity: 'error', message: hint, location: 'file' }], warnings: [] } : result;
  } catch (e) {
    // A bug, not bad input: still answer with a result the preview can show.
    return {
      errors: [
        { severity: 'error', message: `The file could not be read: ${e instanceof Error ? e.message : String(e)}.`, location: 'file' },
      ],
      warnings: [],
    };
  }
}

function parseWith(format: ImportFormat, input: Uint8Array | string, options: ParseOptions): ImportResult {
  switch (format) {
    case 'proficio-json':
      return parseProficioJson(input);
    case 'moodle-csv':
      return parseMoodleCsv(input, options);
    case 'sfia-csv':
      return parseSfiaCsv(input, options);
    case 'case':
      return parseCase(input);
    default:
      return {
        errors: [
          {
            severity: 'error',
            message: `Unknown import format "${String(format)}"; expected one of ${IMPORT_FORMATS.join(', ')}.`,
            location: 'format',
          },
        ],
        warnings: [],
      };
  }
}
