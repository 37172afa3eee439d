import { Module } from '@nestjs/common';
import { FILE_STORE } from './file-store';
import { PgFileStore } from './pg-file-store';

/** File storage behind the `FileStore` interface; PostgreSQL by default. */
@Module({
  providers: [{ provide: FILE_STORE, useClass: PgFileStore }],
  exports: [FILE_STORE],
})
export class FilesModule {}
