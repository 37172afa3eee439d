import { Injectable } from '@nestjs/common';
import type { FrameworkExportFormat, FrameworkExportPreview } from '@proficio/shared/contracts';
import { type ExportedFile, exportFileName, exportFramework } from '@proficio/shared/competency';
import { FrameworkDocumentReader } from './framework-document.reader';

/** A framework version written in an export format, with the name its download gets. */
export interface FrameworkExportFile extends ExportedFile {
  fileName: string;
}

/**
 * Exports of stored framework versions. A version never changes, so neither does its file: the dates a CASE source
 * did not give are the version's publication time (its creation time for a draft), not the time of the download,
 * and the preview describes exactly the file the download gives.
 */
@Injectable()
export class FrameworkExportService {
  constructor(private readonly documents: FrameworkDocumentReader) {}

  async file(versionId: string, format: FrameworkExportFormat): Promise<FrameworkExportFile> {
    const { document, version } = await this.documents.read(versionId);
    const file = exportFramework(format, document, {
      now: version.publishedAt ?? version.createdAt,
      nowLabel: version.publishedAt ? "the version's publication time" : "the version's creation time",
    });
    return { ...file, fileName: exportFileName(document.framework.key, version.versionNumber, file) };
  }

  /** What the download of `format` gives: its name, type and size, and what the export regenerated, added or left out. */
  async preview(versionId: string, format: FrameworkExportFormat): Promise<FrameworkExportPreview> {
    const file = await this.file(versionId, format);
    return {
      format,
      fileName: file.fileName,
      mediaType: file.mediaType,
      size: Buffer.byteLength(file.content, 'utf8'),
      notes: file.notes,
    };
  }
}
