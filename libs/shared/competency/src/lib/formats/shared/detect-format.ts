import type { ImportFormat } from '../import-result';
import { isMoodleHeader } from '../moodle-csv/moodle-csv';
import { normalizeHeader, parseCsv } from './csv';
import { IssueList } from './issues';
import { isRecord } from './objects';
import { decodeText } from './text-decoding';

/** What a file looks like: one of the import formats, or SFIA's companion levels file. */
export type DetectedFormat = ImportFormat | 'sfia-levels';

/** How the formats are called in messages ("this looks like an SFIA skills CSV"). */
export const FORMAT_NAMES: Record<DetectedFormat, string> = {
  'proficio-json': 'a Proficio framework file (JSON)',
  'moodle-csv': 'a Moodle competency framework CSV',
  'sfia-csv': 'an SFIA skills CSV',
  case: 'a CASE package (JSON)',
  'sfia-levels': 'the SFIA levels file (levels of responsibility)',
};

/** Headers are in the first rows: only the start of a large file is read. */
const HEAD = 64 * 1024;

/**
 * The format a file looks like, by its structure: `CFDocument` or
 * `"format": "proficio-framework"` in JSON, the header row of a CSV
 * (Code + Skill: SFIA skills; Guiding phrase: SFIA levels; ID number / Is
 * framework among Moodle's column names: Moodle). Undefined when nothing is
 * recognised. Used to replace a wall of errors with "choose that format".
 */
export function detectFormat(input: Uint8Array | string): DetectedFormat | undefined {
  const text = decodeText(typeof input === 'string' ? input : input.subarray(0, HEAD)).text;
  const start = text.trimStart();
  if (start.startsWith('{') || start.startsWith('[')) {
    const whole = typeof input === 'string' ? input : decodeText(input).text;
    let value: unknown;
    try {
      value = JSON.parse(whole.replace(/^\uFEFF/, ''));
    } catch {
      // A broken JSON file: recognise it by its first keys.
      if (/"CFDocument"\s*:/.test(start.slice(0, HEAD))) return 'case';
      if (/"format"\s*:\s*"proficio-framework"/.test(start.slice(0, HEAD))) return 'proficio-json';
      return undefined;
    }
    if (isRecord(value) && isRecord(value['CFDocument'])) return 'case';
    if (isRecord(value) && value['format'] === 'proficio-framework') return 'proficio-json';
    return undefined;
  }
  const records = parseCsv(text.slice(0, HEAD), new IssueList(), 3).records.slice(0, 5);
  for (const { cells } of records) {
    const names = cells.map(normalizeHeader);
    if (names.includes('code') && (names.includes('skill') || names.includes('skill name'))) return 'sfia-csv';
    if (names.some((n) => n === 'guiding phrase' || n === 'guiding phrases')) return 'sfia-levels';
    if (isMoodleHeader(cells)) return 'moodle-csv';
  }
  return undefined;
}

/** The one error that replaces the errors of a file read in the wrong format; undefined when the file's format is not recognised. */
export function wrongFormatMessage(chosen: ImportFormat, detected: DetectedFormat | undefined): string | undefined {
  if (!detected || detected === chosen) return undefined;
  if (detected === 'sfia-levels')
    return `This looks like ${FORMAT_NAMES[detected]}, not ${FORMAT_NAMES[chosen]}: choose the format "sfia-csv", with the skills CSV as the file and this one as the levels file.`;
  return `This looks like ${FORMAT_NAMES[detected]}, not ${FORMAT_NAMES[chosen]}: choose the format "${detected}".`;
}
