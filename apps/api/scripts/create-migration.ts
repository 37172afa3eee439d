/**
 * npm run db:migration:create -- VerbObject
 *
 * Writes apps/api/src/database/migrations/<Date.now()>-<VerbObject>.ts (an
 * empty up/down to fill with SQL) and registers it in migrations/index.ts.
 * Migrations are hand-written: nothing is generated from the entities.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MigrationFileError, newMigration, registerMigration } from '../src/database/migration-file';

const folder = join(__dirname, '..', 'src', 'database', 'migrations');

function main(args: string[]): number {
  if (args.length !== 1 || !args[0]) {
    console.error('Usage: npm run db:migration:create -- VerbObject   (e.g. AddEmployeeStatus)');
    return 2;
  }
  const migration = newMigration(args[0], Date.now());
  const file = join(folder, `${migration.fileBase}.ts`);
  const indexFile = join(folder, 'index.ts');
  const index = registerMigration(readFileSync(indexFile, 'utf8'), migration);
  if (existsSync(file)) throw new MigrationFileError(`${file} already exists.`);
  writeFileSync(file, migration.source, { flag: 'wx' });
  writeFileSync(indexFile, index);
  console.log(`Wrote ${file} and registered ${migration.className} in migrations/index.ts.`);
  console.log('Write up() and down() in SQL; the migrations integration test checks that down() restores the schema exactly.');
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  console.error(error instanceof MigrationFileError ? error.message : error);
  process.exitCode = 1;
}
