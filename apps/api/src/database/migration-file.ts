/**
 * Writing a new migration (`npm run db:migration:create -- VerbObject`):
 * the file's name and source, and its registration in migrations/index.ts.
 * Pure functions; scripts/create-migration.ts does the file system part.
 *
 * Migrations are hand-written SQL and the only truth about the schema: nothing
 * is generated from the entities (an integration test checks that the entities
 * agree with the migrated database).
 */

export interface NewMigration {
  /** e.g. 1796000000000-AddEmployeeStatus (no extension). */
  fileBase: string;
  /** e.g. AddEmployeeStatus1796000000000: TypeORM reads the timestamp from the name's last 13 digits. */
  className: string;
  source: string;
}

/** A verb then an object, in PascalCase: AddEmployeeStatus, CreateSkillTables, IndexAuditActor. */
const VERB_OBJECT = /^[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]*)+$/;

export class MigrationFileError extends Error {}

export function newMigration(verbObject: string, timestamp: number): NewMigration {
  if (!VERB_OBJECT.test(verbObject)) {
    throw new MigrationFileError(`Name the migration VerbObject in PascalCase, e.g. AddEmployeeStatus (got "${verbObject}").`);
  }
  if (!Number.isInteger(timestamp) || String(timestamp).length !== 13) {
    throw new MigrationFileError(`The timestamp must be 13 digits of milliseconds (got ${timestamp}).`);
  }
  const className = `${verbObject}${timestamp}`;
  const source = `import { MigrationInterface, QueryRunner } from 'typeorm';

/** ${verbObject}: say what this changes and why. down() must restore exactly the schema before up(). */
export class ${className} implements MigrationInterface {
  name = '${className}';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(\`\`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(\`\`);
  }
}
`;
  return { fileBase: `${timestamp}-${verbObject}`, className, source };
}

const IMPORT_LINE = /^import \{ (\w+) \} from '\.\/(\d{13})-\w+';$/;
const LIST_START = /^export const migrations\b.*= \[$/;
const LIST_ENTRY = /^ {2}(\w+?)(\d{13}),$/;

/**
 * Adds the migration to the source of migrations/index.ts: its import and its
 * entry in the list, both at their place in timestamp order (normally last).
 */
export function registerMigration(index: string, migration: Pick<NewMigration, 'fileBase' | 'className'>): string {
  const timestamp = migration.fileBase.slice(0, 13);
  const lines = index.split('\n');
  if (lines.some((line) => IMPORT_LINE.exec(line)?.[1] === migration.className)) {
    throw new MigrationFileError(`${migration.className} is already registered in migrations/index.ts.`);
  }

  const imports = lines.flatMap((line, at) => {
    const match = IMPORT_LINE.exec(line);
    return match ? [{ at, timestamp: match[2] ?? '' }] : [];
  });
  const start = lines.findIndex((line) => LIST_START.test(line));
  const end = lines.findIndex((line, at) => at > start && line === '];');
  if (!imports.length || start < 0 || end < 0) {
    throw new MigrationFileError(
      'migrations/index.ts no longer has the expected shape (migration imports, then `export const migrations = [ … ];`).',
    );
  }
  const entries = lines.slice(start + 1, end).map((line, offset) => {
    const match = LIST_ENTRY.exec(line);
    if (!match) throw new MigrationFileError(`Unexpected line in the migrations list of migrations/index.ts: "${line}"`);
    return { at: start + 1 + offset, timestamp: match[2] ?? '' };
  });

  // Insert the list entry first: it lies below the imports, so their line numbers stay valid.
  const entryAt = entries.find((entry) => entry.timestamp > timestamp)?.at ?? end;
  lines.splice(entryAt, 0, `  ${migration.className},`);
  const lastImport = imports[imports.length - 1]?.at ?? 0;
  const importAt = imports.find((line) => line.timestamp > timestamp)?.at ?? lastImport + 1;
  lines.splice(importAt, 0, `import { ${migration.className} } from './${migration.fileBase}';`);
  return lines.join('\n');
}
