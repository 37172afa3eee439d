import type { FrameworkDocument, FrameworkExportNote } from '@proficio/shared/contracts';
import { exportCaseWithNotes, type CaseExportOptions } from './case/case-export';
import { moodleExportNotes } from './export-notes';
import type { ImportIssue } from './import-result';
import { checkMoodleCsvFit, exportMoodleCsv } from './moodle-csv/moodle-csv';
import { exportProficioJson } from './proficio-json/proficio-json';

export type ExportFormat = 'proficio-json' | 'moodle-csv' | 'case';

export const EXPORT_FORMATS: readonly ExportFormat[] = ['proficio-json', 'moodle-csv', 'case'];

export interface ExportedFile {
  content: string;
  mediaType: string;
  /** What the file's name ends with, without the dot: `json`, `csv`, `case.json`. */
  fileExtension: string;
  /** What the format cannot hold (JSON pointers into the document); empty when the round trip is lossless. */
  losses: ImportIssue[];
  /** What the export regenerated, added or left out, in words: the export preview's notes. Empty when nothing was. */
  notes: FrameworkExportNote[];
}

/** Writes a framework document in one of the export formats. */
export function exportFramework(format: ExportFormat, doc: FrameworkDocument, options: CaseExportOptions = {}): ExportedFile {
  switch (format) {
    case 'proficio-json':
      return {
        content: exportProficioJson(doc),
        mediaType: 'application/json; charset=utf-8',
        fileExtension: 'json',
        losses: [],
        notes: [],
      };
    case 'moodle-csv': {
      const losses = checkMoodleCsvFit(doc);
      return {
        content: exportMoodleCsv(doc),
        mediaType: 'text/csv; charset=utf-8',
        fileExtension: 'csv',
        losses,
        notes: moodleExportNotes(losses),
      };
    }
    case 'case': {
      const written = exportCaseWithNotes(doc, options);
      return {
        content: `${JSON.stringify(written.package, null, 2)}\n`,
        mediaType: 'application/json; charset=utf-8',
        fileExtension: 'case.json',
        losses: [],
        notes: written.notes,
      };
    }
    default:
      throw new Error(`Unknown export format "${String(format)}"`);
  }
}

/** The file name of a version's export: `<framework key>-v<version number>.<extension>`, with only safe characters. */
export function exportFileName(frameworkKey: string, versionNumber: number, file: Pick<ExportedFile, 'fileExtension'>): string {
  return `${`${frameworkKey}-v${versionNumber}`.replace(/[^\w.-]+/g, '_')}.${file.fileExtension}`;
}
