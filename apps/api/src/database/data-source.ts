/**
 * DataSource for the TypeORM CLI (`nx run api:migration-generate`), which needs
 * DATABASE_URL pointing at a database migrated to the latest revision.
 */
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options';

const url = process.env['DATABASE_URL'];
if (!url) {
  throw new Error(
    'DATABASE_URL must be set for the TypeORM CLI (e.g. postgres://postgres@127.0.0.1:54329/proficio while `npm start` runs).',
  );
}

export default new DataSource(dataSourceOptions(url));
