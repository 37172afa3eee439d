/**
 * Database maintenance from the command line, on the same database the app
 * would use (DATABASE_URL, or the embedded PostgreSQL in PROFICIO_DATA_DIR):
 *
 *   nx run api:migrate                     apply pending migrations
 *   nx run api:migrate-revert              revert the latest migration
 *   nx run api:db-reset                    drop everything and migrate from scratch
 *   nx run api:migration-generate --name=AddThing
 *                                          write a migration for entity changes
 *
 * Stop a running `npm start` first when it uses the embedded database.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ConfigError, loadConfig } from '../config/app-config';
import { EmbeddedPostgresError, startEmbeddedPostgres } from './embedded-postgres';
import { resetDatabase, revertLastMigration, runMigrations } from './migrate';

async function main(): Promise<number> {
  const [command, name] = process.argv.slice(2);
  const config = loadConfig(process.env);
  const embedded = config.databaseUrl
    ? undefined
    : await startEmbeddedPostgres({ dataDir: config.dataDir, port: config.embeddedPgPort, database: 'proficio' });
  const url = config.databaseUrl ?? embedded?.url ?? '';
  try {
    switch (command) {
      case 'migrate': {
        const { applied } = await runMigrations(url);
        console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'Nothing to apply: the schema is up to date.');
        return 0;
      }
      case 'revert':
        await revertLastMigration(url);
        console.log('Reverted the latest migration.');
        return 0;
      case 'reset': {
        const { applied } = await resetDatabase(url);
        console.log(`Dropped all tables and applied ${applied.length} migrations.`);
        return 0;
      }
      case 'generate': {
        if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) {
          console.error('Give the migration a VerbObject name, e.g. --name=AddEmployeeStatus');
          return 2;
        }
        await runMigrations(url);
        const result = spawnSync(
          'npx',
          ['typeorm-ts-node-commonjs', 'migration:generate', '-d', join(__dirname, 'data-source.ts'), join(__dirname, 'migrations', name)],
          { stdio: 'inherit', env: { ...process.env, DATABASE_URL: url } },
        );
        if (result.status === 0) console.log('Review the migration, then add it to migrations/index.ts.');
        return result.status ?? 1;
      }
      default:
        console.error('Usage: db-cli migrate | revert | reset | generate <Name>');
        return 2;
    }
  } finally {
    await embedded?.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof ConfigError || error instanceof EmbeddedPostgresError ? error.message : error);
    process.exit(1);
  },
);
