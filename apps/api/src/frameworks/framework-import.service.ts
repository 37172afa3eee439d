import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  FrameworkContentLoss,
  FrameworkDocument,
  FrameworkImportCommitField,
  FrameworkImportCommitRequest,
  FrameworkImportCommitResult,
  FrameworkImportFormat,
  FrameworkImportPreview,
  FrameworkScaleChoice,
  FrameworkSimilarity,
} from '@proficio/shared/contracts';
import {
  contentLoss,
  countDocument,
  findDataQualityWarnings,
  frameworkSimilarity,
  type FrameworkScale,
  hasPlaceholderScale,
  isLevelLess,
  parseFramework,
  withScale,
} from '@proficio/shared/competency';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../access';
import { AuditedWrites } from '../audit';
import { ProblemException } from '../common/filters/problem.exception';
import { lockedOrNotFound } from '../common/locked-row';
import { conflict, fieldProblem, notFound } from '../common/problems';
import { FrameworkEntity, FrameworkImportEntity, FrameworkVersionEntity } from './entities/framework.entities';
import { FrameworkDocumentReader } from './framework-document.reader';
import { FrameworkScaleService } from './framework-scale.service';
import { contentHash, FrameworkWriterService, lockFramework, underKey } from './framework-writer.service';
import { describeLoss, describeSimilarity } from './import-checks';
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
    private readonly scales: FrameworkScaleService,
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
    const match = await this.findExisting(manager, doc);
    const rated = match?.document ?? doc;
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
      ...(match
        ? {
            existing: {
              frameworkId: match.framework.id,
              latestVersionId: match.latest.id,
              latestVersionNumber: match.latest.versionNumber,
              code: match.latest.code,
              name: localizeRequired(match.latest.name, language, match.latest.defaultLanguage),
              unchanged: match.unchanged,
              ...(match.loss ? { loss: match.loss } : {}),
              similarity: match.similarity,
            },
          }
        : {}),
      proposedVersionNumber: match ? (match.unchanged ? match.latest.versionNumber : match.latest.versionNumber + 1) : 1,
      scale: {
        name: localizeRequired(rated.scale.name, language, rated.framework.defaultLanguage),
        levelCount: rated.scale.levels.length,
        placeholder: hasPlaceholderScale(doc),
        keptFromLatest: match?.keptScale ?? false,
      },
      commitRequires: commitRequires(doc, match),
      ...(row.committedVersionId ? { committedVersionId: row.committedVersionId } : {}),
    };
  }

  /**
   * The framework an import would become a version of: among those that came with the file's identifier (their key
   * or source key), the one whose latest version holds exactly the file's content, else the most similar one (the
   * oldest on a tie), with what the file would lose of it. Undefined when none exists. The file is compared as it
   * would be written: on the `chosen` scale, else, when it has only the placeholder scale, on the candidate's.
   */
  private async findExisting(manager: EntityManager, file: FrameworkDocument, chosen?: FrameworkScale): Promise<ExistingMatch | undefined> {
    const frameworks = await manager.find(FrameworkEntity, {
      where: [{ key: file.framework.key }, { sourceKey: file.framework.key }],
      order: { createdAt: 'ASC', key: 'ASC' },
    });
    const candidates: Omit<ExistingMatch, 'unchanged' | 'similarity' | 'loss'>[] = [];
    for (const framework of frameworks) {
      const latest = await manager.findOne(FrameworkVersionEntity, {
        where: { frameworkId: framework.id },
        order: { versionNumber: 'DESC' },
      });
      if (!latest) continue;
      const keptScale = !chosen && hasPlaceholderScale(file);
      const doc = chosen ? withScale(file, chosen) : keptScale ? withScale(file, await this.reader.readScale(manager, latest)) : file;
      if (latest.contentHash === contentHash(underKey(doc, framework.key)))
        return { framework, latest, document: doc, keptScale, unchanged: true, similarity: IDENTICAL };
      candidates.push({ framework, latest, document: doc, keptScale });
    }
    let best: (ExistingMatch & { before: FrameworkDocument }) | undefined;
    for (const candidate of candidates) {
      // A stored version never changes, so its content is read through the pool (in parallel) even inside a transaction.
      const before = await this.reader.readVersion(this.dataSource.manager, candidate.latest);
      const similarity = frameworkSimilarity(before, candidate.document);
      if (!best || similarity.title + similarity.items > best.similarity.title + best.similarity.items)
        best = { ...candidate, unchanged: false, similarity, before };
    }
    if (!best) return undefined;
    const { before, ...match } = best;
    return { ...match, loss: contentLoss(before, match.document) };
  }

  /** The scale a commit request chose, for a file whose competencies have no levels of their own. */
  private async chosenScale(manager: EntityManager, doc: FrameworkDocument, choice: FrameworkScaleChoice | undefined) {
    if (!choice) return undefined;
    if (!isLevelLess(doc)) throw fieldProblem('scale', 'can only be chosen for a file whose competencies have no levels of their own');
    return this.scales.scaleOf(manager, choice, 'scale.frameworkVersionId');
  }

  /**
   * Writes the import as a new version of the framework it matches, or as a new framework, audited as the actor's
   * (or finds its content unchanged). The choices the preview asked for (`commitRequires`) are checked again against
   * the frameworks as they are under the lock of the file's identifier, not as they were at preview: `target` when
   * the matched framework shares little with the file, `acceptContentLoss` for a version that loses content of the
   * latest one, `acceptEmpty` for a framework without competencies.
   */
  async commit(actor: Actor, id: string, request: FrameworkImportCommitRequest): Promise<FrameworkImportCommitResult> {
    return this.writes.run(actor, async ({ manager, audit }) => {
      const row = await lockedOrNotFound(manager, FrameworkImportEntity, id, 'Import');
      if (row.status === 'committed') throw conflict(`Import ${id} has already been committed.`);
      const doc = row.document;
      await lockFramework(manager, doc.framework.key);
      const chosen = await this.chosenScale(manager, doc, request.scale);
      const match = await this.findExisting(manager, doc, chosen);
      const target = !match || match.unchanged ? 'new-version' : (request.target ?? (match.similarity.similar ? 'new-version' : undefined));
      if (!target && match)
        throw fieldProblem(
          'target',
          `must say whether this file is a new version of ${describeMatch(match, doc)} or a new framework: they share the identifier "${doc.framework.key}" but little else (${describeSimilarity(match.similarity)})`,
          HttpStatus.CONFLICT,
        );
      const lossy = match && target === 'new-version' && match.loss && match.loss.total > 0 ? match.loss : undefined;
      if (lossy && match && request.acceptContentLoss !== true)
        throw fieldProblem(
          'acceptContentLoss',
          `must be true to publish this file as version ${match.latest.versionNumber + 1}: it would lose ${describeLoss(lossy)} of version ${match.latest.versionNumber}`,
          HttpStatus.CONFLICT,
        );
      if (doc.competencies.length === 0 && !match?.unchanged && request.acceptEmpty !== true)
        throw fieldProblem('acceptEmpty', 'must be true to publish a framework without competencies', HttpStatus.CONFLICT);
      const frameworkKey =
        match && target === 'new-framework'
          ? await freeFrameworkKey(manager, doc.framework.key)
          : (match?.framework.key ?? doc.framework.key);
      const rated = match && target === 'new-version' ? match.document : chosen ? withScale(doc, chosen) : doc;
      const written = await this.writer.writeIn(manager, rated, {
        sourceFormat: row.format,
        status: 'published',
        importWarnings: row.warnings,
        frameworkKey,
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
          frameworkKey,
          frameworkId: written.frameworkId,
          ...result,
          ...(match && target === 'new-framework' ? { target, sharedIdentifierWith: match.framework.id } : {}),
          ...(chosen
            ? { scale: chosen.key }
            : match?.keptScale
              ? { scale: `${chosen ?? rated.scale.key} (kept from version ${match.latest.versionNumber})` }
              : {}),
          ...(lossy ? { acceptedLoss: lossy } : {}),
        },
      });
      return result;
    });
  }
}

/** A framework an import matches by its identifier, with how the import compares with its latest version. */
interface ExistingMatch {
  framework: FrameworkEntity;
  latest: FrameworkVersionEntity;
  /** The file as it would be written as this framework's next version (on the chosen or the kept scale). */
  document: FrameworkDocument;
  /** The file has only the placeholder scale and takes the latest version's. */
  keptScale: boolean;
  unchanged: boolean;
  similarity: FrameworkSimilarity;
  /** Absent when unchanged. */
  loss?: FrameworkContentLoss;
}

const IDENTICAL: FrameworkSimilarity = { title: 1, items: 1, similar: true };

/** The fields a commit of `doc` must set while it matches `match` (see FrameworkImportPreview.commitRequires). */
function commitRequires(doc: FrameworkDocument, match: ExistingMatch | undefined): FrameworkImportCommitField[] {
  if (match?.unchanged) return [];
  return [
    ...(match && !match.similarity.similar ? (['target'] as const) : []),
    ...(match?.loss && match.loss.total > 0 ? (['acceptContentLoss'] as const) : []),
    ...(doc.competencies.length === 0 ? (['acceptEmpty'] as const) : []),
  ];
}

/** '"Map skills" (MAP)': the matched framework as its latest version names it, in the file's language when it has it. */
function describeMatch(match: ExistingMatch, doc: FrameworkDocument): string {
  const name = localizeRequired(match.latest.name, doc.framework.defaultLanguage, match.latest.defaultLanguage).text;
  return `"${name}" (${match.latest.code})`;
}

/**
 * A key of its own for a framework that came with another one's identifier: `<identifier>~2`, `~3`… (the first
 * free one), within the 200 characters a key may have.
 */
async function freeFrameworkKey(manager: EntityManager, identifier: string): Promise<string> {
  const base = identifier.slice(0, 190);
  for (let n = 2; ; n++) {
    const key = `${base}~${n}`;
    if (!(await manager.existsBy(FrameworkEntity, { key }))) return key;
  }
}
