import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FrameworkImportCommitResult, FrameworkImportFormat, FrameworkImportPreview } from '@proficio/shared/contracts';
import { findDataQualityWarnings, countDocument, parseFramework } from '@proficio/shared/competency';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { Actor } from '../access';
import { AuditedWrites } from '../audit';
import { ProblemException } from '../common/filters/problem.exception';
import { conflict, notFound } from '../common/problems';
import { FrameworkEntity, FrameworkImportEntity, FrameworkVersionEntity } from './entities/framework.entities';
import { contentHash, FrameworkWriterService } from './framework-writer.service';
import { localizeRequired } from './localize';

export interface UploadedImportFile {
  buffer: Buffer;
  originalname: string;
}

/**
 * Framework import in two steps: `preview` parses and validates an uploaded
 * file and keeps the result; `commit` writes it as a new framework version in
 * one transaction. Nothing reaches the framework tables before commit.
 */
@Injectable()
export class FrameworkImportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly writes: AuditedWrites,
    private readonly writer: FrameworkWriterService,
  ) {}

  async preview(format: FrameworkImportFormat, file: UploadedImportFile, levelsFile?: UploadedImportFile): Promise<FrameworkImportPreview> {
    const result = parseFramework(format, file.buffer, { levelsFile: levelsFile?.buffer, fileName: file.originalname });
    if (result.errors.length || !result.document) {
      throw new ProblemException(
        HttpStatus.UNPROCESSABLE_ENTITY,
        'The file cannot be imported',
        `${file.originalname} is not a valid ${format} file: ${result.errors.length} error${result.errors.length === 1 ? '' : 's'}.`,
        result.errors.map((issue) => ({ field: issue.location, message: issue.message })),
        {
          type: 'urn:proficio:problem:import-invalid',
          warnings: result.warnings.map((issue) => ({ field: issue.location, message: issue.message })),
        },
      );
    }
    const row = this.dataSource.manager.create(FrameworkImportEntity, {
      id: randomUUID(),
      format,
      fileName: file.originalname.slice(0, 255),
      status: 'previewed',
      frameworkKey: result.document.framework.key,
      document: result.document,
      warnings: result.warnings,
    });
    await this.dataSource.manager.insert(FrameworkImportEntity, row);
    return this.get(row.id);
  }

  async get(id: string): Promise<FrameworkImportPreview> {
    const manager = this.dataSource.manager;
    const row = await manager.findOneBy(FrameworkImportEntity, { id });
    if (!row) throw notFound('Import', id);
    const doc = row.document;
    const framework = await manager.findOneBy(FrameworkEntity, { key: row.frameworkKey });
    const latest = framework
      ? await manager.findOne(FrameworkVersionEntity, { where: { frameworkId: framework.id }, order: { versionNumber: 'DESC' } })
      : null;
    const unchanged = latest?.contentHash === contentHash(doc);
    const language = doc.framework.defaultLanguage;
    return {
      id: row.id,
      format: row.format,
      fileName: row.fileName,
      status: row.status,
      createdAt: row.createdAt.toISOString(),
      framework: {
        key: doc.framework.key,
        code: doc.framework.code,
        name: localizeRequired(doc.framework.name, language, language),
        versionLabel: doc.framework.versionLabel,
        defaultLanguage: doc.framework.defaultLanguage,
        languages: doc.framework.languages,
      },
      counts: countDocument(doc),
      warnings: row.warnings,
      dataQualityWarnings: findDataQualityWarnings(doc),
      ...(framework && latest
        ? { existing: { frameworkId: framework.id, latestVersionId: latest.id, latestVersionNumber: latest.versionNumber, unchanged } }
        : {}),
      proposedVersionNumber: latest ? (unchanged ? latest.versionNumber : latest.versionNumber + 1) : 1,
      ...(row.committedVersionId ? { committedVersionId: row.committedVersionId } : {}),
    };
  }

  /** Writes the import as a new framework version (or finds its content unchanged), audited as the actor's. */
  async commit(actor: Actor, id: string): Promise<FrameworkImportCommitResult> {
    return this.writes.run(actor, async ({ manager, audit }) => {
      const row = await manager.findOne(FrameworkImportEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!row) throw notFound('Import', id);
      if (row.status === 'committed') throw conflict(`Import ${id} has already been committed.`);
      const written = await this.writer.writeIn(manager, row.document, {
        sourceFormat: row.format,
        status: 'published',
        importWarnings: row.warnings,
      });
      await manager.update(
        FrameworkImportEntity,
        { id },
        { status: 'committed', committedAt: new Date(), committedVersionId: written.versionId, committedBy: actor.userId },
      );
      const result = {
        importId: id,
        frameworkVersionId: written.versionId,
        versionNumber: written.versionNumber,
        created: written.created,
      };
      audit({
        action: 'import',
        entityType: 'framework_import',
        entityId: id,
        after: { fileName: row.fileName, format: row.format, frameworkKey: row.frameworkKey, frameworkId: written.frameworkId, ...result },
      });
      return result;
    });
  }
}
