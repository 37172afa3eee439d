/**
 * Database maintenance from the command line, on the same database the app
 * would use (DATABASE_URL, or the embedded PostgreSQL in PROFICIO_DATA_DIR):
 *
 *   nx run api:migrate                     apply pending migrations
 *   nx run api:migrate-revert              revert the latest migration
 *   nx run api:db-reset                    drop everything and migrate from scratch
 *
 * Stop a running `npm start` first when it uses the embedded database.
 *
 * New migrations are written by hand in SQL (`npm run db:migration:create --
 * VerbObject` makes the file): the migrations are the only truth about the
 * schema, and nothing is generated from the entities.
 */
import { loadConfig } from '../config/app-config';
import { runCommand, withAppDatabase } from './cli-support';
import { resetDatabase, revertLastMigration, runMigrations } from './migrate';

async function main(): Promise<number> {
  const [command] = process.argv.slice(2);
  if (command === 'generate') {
    console.error(
      'Migrations are not generated from the entities: they are hand-written SQL, the only truth about the schema ' +
        '(a diff generated from the entities knows nothing of the triggers, functions and expression indexes, and would quietly ' +
        'make the entities the truth). Run `npm run db:migration:create -- VerbObject` and write up() and down(); ' +
        'the integration tests check that the entities agree with the migrated database and that down() restores the schema.',
    );
    return 2;
  }
  return withAppDatabase(loadConfig(process.env), async (url) => {
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
      default:
        console.error('Usage: db-cli migrate | revert | reset');
        return 2;
    }
  });
}

runCommand(main);
