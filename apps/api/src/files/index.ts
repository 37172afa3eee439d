export { FilesModule } from './files.module';
export { FILE_STORE, FileCorruptError, FileTooLargeError, UnacceptedContentError } from './file-store';
export type { FileStore, StoredFile } from './file-store';
export { CHUNK_BYTES } from './pg-file-store';
