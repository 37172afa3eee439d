import { BadRequestException, HttpStatus, Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DEFAULT_EVIDENCE_FILE_LIMITS, EVIDENCE_FILE_TYPES, type EvidenceFileView } from '@proficio/shared/contracts';
import Busboy from 'busboy';
import type { Request } from 'express';
import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import { Actor } from '../access';
import { AuditedWrites } from '../audit';
import { ProblemException } from '../common/filters/problem.exception';
import { conflict, notFound } from '../common/problems';
import { execute, query, sql } from '../common/sql';
import { FILE_STORE, type FileStore, FileTooLargeError, type StoredFile, UnacceptedContentError } from '../files';
import { EvidenceQueryService } from './evidence-query.service';
import { EvidenceWriteService } from './evidence-write.service';
import { settingNumber } from '../assessments';
import { evidenceById, evidenceFile } from './evidence.queries';
import { fileView } from './evidence.view';

const ACCEPTED = Object.values(EVIDENCE_FILE_TYPES).join(', ');
const megabytes = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} MB`;

/** A download: what the response says about the file, and its bytes. */
export interface FileDownload {
  name: string;
  mediaType: string;
  size: number;
  bytes: AsyncIterable<Buffer>;
}

/**
 * Evidence files: uploaded one per request (multipart, field `file`) into the draft revision, with
 * the bytes streamed through the file store inside the same transaction as the rows that name them,
 * and downloaded only by people who may see the evidence.
 */
@Injectable()
export class EvidenceFilesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(FILE_STORE) private readonly store: FileStore,
    private readonly writes: AuditedWrites,
    private readonly items: EvidenceWriteService,
    private readonly reads: EvidenceQueryService,
  ) {}

  /** Reads the multipart body as it arrives; the first part named `file` is stored, nothing else is read. */
  upload(actor: Actor, id: string, request: Request): Promise<EvidenceFileView> {
    return new Promise<EvidenceFileView>((resolve, reject) => {
      let busboy: Busboy.Busboy;
      try {
        // Names as browsers send them (UTF-8), not latin1: "Relazione attività.pdf" arrives intact.
        busboy = Busboy({ headers: request.headers, defParamCharset: 'utf8', limits: { files: 1, fields: 0, parts: 2 } });
      } catch {
        reject(new BadRequestException('The request must be multipart/form-data with the file in a part named "file".'));
        return;
      }
      let taken = false;
      const fail = (error: unknown) => {
        // Let the rest of the body pass unread so that the answer reaches the client.
        request.unpipe(busboy);
        request.resume();
        reject(error);
      };
      busboy.on('file', (field, stream, info) => {
        if (field !== 'file' || taken) {
          stream.resume();
          return;
        }
        taken = true;
        this.storeFile(actor, id, stream, info.filename).then(resolve, (error: unknown) => {
          stream.resume();
          fail(error);
        });
      });
      busboy.on('close', () => {
        if (!taken)
          reject(
            new ProblemException(HttpStatus.BAD_REQUEST, 'Bad Request', 'file is required: send it as a multipart part named "file".', [
              { field: 'file', message: 'is required' },
            ]),
          );
      });
      busboy.on('error', (error: unknown) => fail(new BadRequestException(`The upload could not be read: ${String(error)}`)));
      request.pipe(busboy);
    });
  }

  private async storeFile(actor: Actor, id: string, stream: Readable, rawName: string | undefined): Promise<EvidenceFileView> {
    const name = (rawName ?? '').normalize('NFC').replace(/[\\/]/g, '_').trim() || 'file';
    return this.writes.run(actor, async (tx) => {
      const item = await this.items.lockForAuthor(tx, actor, id);
      const revision = item.current_revision;
      if (!(await this.items.isDraft(tx.manager, id, revision))) {
        throw conflict('Files can be added to a draft only: amend the evidence first.');
      }
      const maxFiles = await this.items.maxFiles(tx.manager);
      const [{ count }] = await query<{ count: number }>(
        tx.manager,
        sql`SELECT count(*)::int AS count FROM evidence_revision_file WHERE evidence_id = ${id} AND revision = ${revision}`,
      );
      if (count >= maxFiles) {
        throw new ProblemException(
          HttpStatus.UNPROCESSABLE_ENTITY,
          'Too many files',
          `file "${name}": evidence holds at most ${maxFiles} files.`,
          [{ field: 'file', message: `would be file ${count + 1}; evidence holds at most ${maxFiles}` }],
        );
      }
      const maxBytes =
        (await settingNumber(tx.manager, 'evidence.max_file_mb', DEFAULT_EVIDENCE_FILE_LIMITS.maxFileMegabytes)) * 1024 * 1024;
      let stored: StoredFile;
      try {
        stored = await this.store.write(tx.manager, stream, { maxBytes });
      } catch (error) {
        throw this.refusal(error, name, maxBytes);
      }
      const fileId = randomUUID();
      await execute(
        tx.manager,
        sql`INSERT INTO evidence_file (id, evidence_id, stored_file_id, name, uploaded_by_user_id)
            VALUES (${fileId}, ${id}, ${stored.id}, ${name}, ${actor.userId})`,
      );
      await execute(
        tx.manager,
        sql`INSERT INTO evidence_revision_file (evidence_id, revision, file_id) VALUES (${id}, ${revision}, ${fileId})`,
      );
      await execute(tx.manager, sql`UPDATE evidence SET updated_at = now() WHERE id = ${id}`);
      tx.audit({
        action: 'update',
        entityType: 'evidence',
        entityId: id,
        after: { fileAdded: { id: fileId, name, mediaType: stored.mediaType, size: stored.size, sha256: stored.sha256 } },
      });
      return fileView({
        id: fileId,
        name,
        media_type: stored.mediaType,
        size: String(stored.size),
        sha256: stored.sha256,
        uploaded_at: new Date().toISOString(),
      });
    });
  }

  private refusal(error: unknown, name: string, maxBytes: number): unknown {
    if (error instanceof FileTooLargeError) {
      return new ProblemException(
        HttpStatus.PAYLOAD_TOO_LARGE,
        'File too large',
        `file "${name}" is larger than ${megabytes(maxBytes)}, the most a file may be.`,
        [{ field: 'file', message: `is larger than ${megabytes(maxBytes)}` }],
      );
    }
    if (error instanceof UnacceptedContentError) {
      return error.empty
        ? new ProblemException(HttpStatus.BAD_REQUEST, 'Empty file', `file "${name}" is empty.`, [{ field: 'file', message: 'is empty' }])
        : new ProblemException(
            HttpStatus.UNSUPPORTED_MEDIA_TYPE,
            'Unsupported file type',
            `file "${name}" is not one of the accepted types (${ACCEPTED}), judged by its content.`,
            [{ field: 'file', message: `is not one of: ${ACCEPTED}` }],
          );
    }
    return error;
  }

  /** Removes a file from the draft; its bytes go too when no submitted revision lists it. */
  async remove(actor: Actor, id: string, fileId: string): Promise<void> {
    await this.writes.run(actor, async (tx) => {
      const item = await this.items.lockForAuthor(tx, actor, id);
      const revision = item.current_revision;
      const file = await evidenceFile(tx.manager, id, fileId);
      if (!file || !file.revisions.includes(revision)) throw notFound('File', fileId);
      if (!(await this.items.isDraft(tx.manager, id, revision))) throw conflict('Files can be removed from a draft only.');
      await execute(
        tx.manager,
        sql`DELETE FROM evidence_revision_file WHERE evidence_id = ${id} AND revision = ${revision} AND file_id = ${fileId}`,
      );
      if (file.revisions.length === 1) await this.items.deleteFiles(tx.manager, [{ id: file.id, stored_file_id: file.stored_file_id }]);
      await execute(tx.manager, sql`UPDATE evidence SET updated_at = now() WHERE id = ${id}`);
      tx.audit({ action: 'update', entityType: 'evidence', entityId: id, before: { fileRemoved: { id: fileId, name: file.name } } });
    });
  }

  /** 404 unless the caller may see the evidence and a revision they may see lists the file. */
  async download(actor: Actor, id: string, fileId: string): Promise<FileDownload> {
    const item = await evidenceById(this.dataSource, id);
    if (!item || !(await this.reads.maySee(actor, item)) || item.employee_anonymised) throw notFound('File', fileId);
    const file = await evidenceFile(this.dataSource, id, fileId);
    const visible =
      file && (this.reads.isAuthor(actor, item) || file.revisions.some((revision) => revision <= (item.submitted_revision ?? 0)));
    if (!file || !visible) throw notFound('File', fileId);
    const stored: StoredFile = {
      id: file.stored_file_id,
      mediaType: file.media_type as StoredFile['mediaType'],
      size: Number(file.size),
      sha256: file.sha256,
    };
    return { name: file.name, mediaType: file.media_type, size: stored.size, bytes: this.store.read(this.dataSource, stored) };
  }
}
