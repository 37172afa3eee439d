import { Injectable } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { execute, queryOne, sql, type SqlRunner } from '../common/sql';
import { ContentSniffer } from './content-type';
import { FileCorruptError, FileTooLargeError, type FileStore, type StoredFile, UnacceptedContentError } from './file-store';

/** Bytes per `stored_file_chunk` row: large enough for few rows, small enough to stream. */
export const CHUNK_BYTES = 256 * 1024;

/**
 * Keeps files in PostgreSQL: `stored_file_chunk` rows of 256 KB, written as the upload streams in
 * (one chunk in memory at a time), then the `stored_file` row with size and SHA-256 last (the
 * chunks' foreign key is deferred to the commit). Reads fetch one chunk per query.
 */
@Injectable()
export class PgFileStore implements FileStore {
  async write(runner: SqlRunner, bytes: AsyncIterable<Buffer>, { maxBytes }: { maxBytes: number }): Promise<StoredFile> {
    const id = randomUUID();
    const hash = createHash('sha256');
    const sniffer = new ContentSniffer();
    let size = 0;
    let seq = 0;
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    const flush = async (): Promise<void> => {
      if (pendingBytes === 0) return;
      const data = Buffer.concat(pending, pendingBytes);
      pending = [];
      pendingBytes = 0;
      await execute(runner, sql`INSERT INTO stored_file_chunk (file_id, seq, data) VALUES (${id}, ${seq++}, ${data})`);
    };
    for await (const chunk of bytes) {
      size += chunk.length;
      if (size > maxBytes) throw new FileTooLargeError(maxBytes);
      hash.update(chunk);
      sniffer.push(chunk);
      pending.push(chunk);
      pendingBytes += chunk.length;
      if (pendingBytes >= CHUNK_BYTES) await flush();
    }
    await flush();
    const mediaType = sniffer.result();
    if (size === 0 || !mediaType) throw new UnacceptedContentError(size === 0);
    const file: StoredFile = { id, mediaType, size, sha256: hash.digest('hex') };
    await execute(
      runner,
      sql`INSERT INTO stored_file (id, media_type, size, sha256, chunk_count) VALUES (${id}, ${mediaType}, ${size}, ${file.sha256}, ${seq})`,
    );
    return file;
  }

  async *read(runner: SqlRunner, file: StoredFile): AsyncIterable<Buffer> {
    const hash = createHash('sha256');
    const stored = await queryOne<{ chunks: number }>(runner, sql`SELECT chunk_count AS chunks FROM stored_file WHERE id = ${file.id}`);
    if (!stored) throw new FileCorruptError(file.id);
    for (let seq = 0; seq < stored.chunks; seq++) {
      const row = await queryOne<{ data: Buffer }>(
        runner,
        sql`SELECT data FROM stored_file_chunk WHERE file_id = ${file.id} AND seq = ${seq}`,
      );
      if (!row) throw new FileCorruptError(file.id);
      hash.update(row.data);
      yield row.data;
    }
    if (hash.digest('hex') !== file.sha256) throw new FileCorruptError(file.id);
  }

  async delete(runner: SqlRunner, fileId: string): Promise<void> {
    await execute(runner, sql`DELETE FROM stored_file WHERE id = ${fileId}`);
  }
}
