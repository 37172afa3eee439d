import type { EvidenceFileType } from '@proficio/shared/contracts';
import type { SqlRunner } from '../common/sql';

/** A file as stored: its bytes live behind the store, identified by `id`. */
export interface StoredFile {
  id: string;
  mediaType: EvidenceFileType;
  size: number;
  /** Lower-case hex SHA-256 of the bytes, checked again on every read. */
  sha256: string;
}

/** Why a write stopped before the end of the upload. */
export class FileTooLargeError extends Error {
  constructor(readonly limitBytes: number) {
    super(`the file is larger than ${limitBytes} bytes`);
  }
}
export class UnacceptedContentError extends Error {
  constructor(readonly empty: boolean) {
    super(empty ? 'the file is empty' : 'the content is not one of the accepted types');
  }
}

/**
 * Where evidence files are kept. The default keeps them in PostgreSQL (`PgFileStore`); an
 * S3-compatible store can implement the same three calls without the evidence code changing.
 *
 * `write` streams the bytes in (never holding the whole file), recognises the type from the content
 * and refuses what is not accepted, all inside the caller's transaction (`runner`): when the
 * transaction rolls back, nothing of the file stays. A store outside the database must do the
 * same by deleting what it wrote when the transaction does not commit.
 */
export interface FileStore {
  write(runner: SqlRunner, bytes: AsyncIterable<Buffer>, options: { maxBytes: number }): Promise<StoredFile>;
  /** The bytes, in order; throws `FileCorruptError` at the end when they no longer match the stored SHA-256. */
  read(runner: SqlRunner, file: StoredFile): AsyncIterable<Buffer>;
  delete(runner: SqlRunner, fileId: string): Promise<void>;
}

export class FileCorruptError extends Error {
  constructor(readonly fileId: string) {
    super(`stored file ${fileId} does not match its SHA-256`);
  }
}

export const FILE_STORE = Symbol('FileStore');
