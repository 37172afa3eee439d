import type { FrameworkDocument } from '@proficio/shared/contracts';
import { exportCase, type CaseExportOptions } from './case/case-export';
import type { ImportIssue } from './import-result';
import { checkMoodleCsvFit, exportMoodleCsv } from './moodle-csv/moodle-csv';
import { exportProficioJson } from './proficio-json/proficio-json';

export type ExportFormat = 'proficio-json' | 'moodle-csv' | 'case';

export const EXPORT_FORMATS: readonly ExportFormat[] = ['proficio-json', 'moodle-csv', 'case'];

export interface ExportedFile {
  content: string;
  mediaType: string;
  fileExtension: string;
  /** What the format cannot hold (JSON pointers into the document); empty when the round trip is lossless. */
  losses: ImportIssue[];
}

/** Writes a framework document in one of the export formats. */
export function exportFramework(format: ExportFormat, doc: FrameworkDocument, options: CaseExportOptions = {}): ExportedFile {
  switch (format) {
    case 'proficio-json':
      return { content: exportProficioJson(doc), mediaType: 'application/json', fileExtension: 'json', losses: [] };
    case 'moodle-csv':
      return { content: exportMoodleCsv(doc), mediaType: 'text/csv; charset=utf-8', fileExtension: 'csv', losses: checkMoodleCsvFit(doc) };
    case 'case':
      return {
        content: `${JSON.stringify(exportCase(doc, options), null, 2)}\n`,
        mediaType: 'application/json',
        fileExtension: 'json',
        losses: [],
      };
    default:
      throw new Error(`Unknown export format "${String(format)}"`);
  }
}
