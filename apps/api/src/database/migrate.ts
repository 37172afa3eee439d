import { DataSource, DataSourceOptions } from 'typeorm';
import { dataSourceOptions } from './data-source-options';

export interface MigrationOutcome {
  applied: string[];
}

/**
 * Applies every pending migration in one transaction: either the schema ends
 * at the latest revision, or nothing changes and the error is thrown.
 */
export async function runMigrations(url: string, migrations?: DataSourceOptions['migrations']): Promise<MigrationOutcome> {
  const dataSource = new DataSource({ ...dataSourceOptions(url), ...(migrations ? { migrations } : {}) });
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'all' });
    return { applied: applied.map((migration) => migration.name) };
  } finally {
    await dataSource.destroy();
  }
}

/** Reverts the most recent migration. */
export async function revertLastMigration(url: string): Promise<void> {
  const dataSource = new DataSource(dataSourceOptions(url));
  await dataSource.initialize();
  try {
    await dataSource.undoLastMigration({ transaction: 'all' });
  } finally {
    await dataSource.destroy();
  }
}

/** Drops every table of the schema, then migrates from scratch. */
export async function resetDatabase(url: string): Promise<MigrationOutcome> {
  const dataSource = new DataSource(dataSourceOptions(url));
  await dataSource.initialize();
  try {
    await dataSource.query('DROP SCHEMA public CASCADE');
    await dataSource.query('CREATE SCHEMA public');
  } finally {
    await dataSource.destroy();
  }
  return runMigrations(url);
}
