import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  FrameworkDocument,
  FrameworkImportCommitRequest,
  FrameworkImportCommitResult,
  FrameworkImportFormat,
  FrameworkImportPreview,
} from '@proficio/shared/contracts';
import { contentLoss, countDocument, findDataQualityWarnings, parseFramework } from '@proficio/shared/competency';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../access';
import { AuditedWrites } from '../audit';
import { ProblemException } from '../common/filters/problem.exception';
import { conflict, fieldProblem, notFound } from '../common/problems';
import { FrameworkEntity, FrameworkImportEntity, FrameworkVersionEntity } from './entities/framework.entities';
import { FrameworkDocumentReader } from './framework-document.reader';
import { contentHash, FrameworkWriterService, lockFramework } from './framework-writer.service';
import { describeLoss } from './import-checks';
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
    private readonly reader: FrameworkDocumentReader,
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
    const language = doc.framework.defaultLanguage;
    const { framework, latest, unchanged, loss } = await this.compareWithLatest(manager, doc);
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
        ? {
            existing: {
              frameworkId: framework.id,
              latestVersionId: latest.id,
              latestVersionNumber: latest.versionNumber,
              code: latest.code,
              name: localizeRequired(latest.name, language, latest.defaultLanguage),
              unchanged,
              ...(loss ? { loss } : {}),
            },
          }
        : {}),
      proposedVersionNumber: latest ? (unchanged ? latest.versionNumber : latest.versionNumber + 1) : 1,
      commitRequires: loss && loss.total > 0 ? ['acceptContentLoss'] : [],
      ...(row.committedVersionId ? { committedVersionId: row.committedVersionId } : {}),
    };
  }

  /**
   * The framework an import would become a version of (by source key), its latest version, whether the import holds
   * exactly that content, and what it would lose of it (absent when unchanged or new).
   */
  private async compareWithLatest(manager: EntityManager, doc: FrameworkDocument) {
    const framework = await manager.findOneBy(FrameworkEntity, { key: doc.framework.key });
    const latest = framework
      ? await manager.findOne(FrameworkVersionEntity, { where: { frameworkId: framework.id }, order: { versionNumber: 'DESC' } })
      : null;
    const unchanged = latest?.contentHash === contentHash(doc);
    // A stored version never changes, so its content is read through the pool (in parallel) even inside a transaction.
    const loss = latest && !unchanged ? contentLoss(await this.reader.readVersion(this.dataSource.manager, latest), doc) : undefined;
    return { framework, latest, unchanged, loss };
  }

  /**
   * Writes the import as a new framework version (or finds its content unchanged), audited as the actor's.
   * A version that would lose content of the latest one needs `acceptContentLoss`, checked against the latest
   * version as it is under the framework's lock, not as it was at preview.
   */
  async commit(actor: Actor, id: string, request: FrameworkImportCommitRequest): Promise<FrameworkImportCommitResult> {
    return this.writes.run(actor, async ({ manager, audit }) => {
      const row = await manager.findOne(FrameworkImportEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!row) throw notFound('Import', id);
      if (row.status === 'committed') throw conflict(`Import ${id} has already been committed.`);
      await lockFramework(manager, row.document.framework.key);
      const { latest, loss } = await this.compareWithLatest(manager, row.document);
      const lossy = latest && loss && loss.total > 0 ? loss : undefined;
      if (lossy && request.acceptContentLoss !== true)
        throw fieldProblem(
          'acceptContentLoss',
          `must be true to publish this file as version ${(latest?.versionNumber ?? 0) + 1}: it would lose ${describeLoss(lossy)} of version ${latest?.versionNumber}`,
          HttpStatus.CONFLICT,
        );
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
        after: {
          fileName: row.fileName,
          format: row.format,
          frameworkKey: row.frameworkKey,
          frameworkId: written.frameworkId,
          ...result,
          ...(lossy ? { acceptedLoss: lossy } : {}),
        },
      });
      return result;
    });
  }
}
