import { Client } from 'pg';
import { DataSource, MigrationInterface, QueryRunner } from 'typeorm';
import { dataSourceOptions, MIGRATIONS_TABLE } from '../src/database/data-source-options';
import { revertLastMigration, runMigrations } from '../src/database/migrate';
import { migrations } from '../src/database/migrations';
import { createTestDatabase, TestDatabase } from './support/test-database';

async function query<T>(url: string, sql: string): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

/**
 * Extensions that a down() leaves in place on purpose (other objects may have
 * come to depend on them): IndexEmployeeSearch's pg_trgm.
 */
const EXTENSIONS_KEPT_ON_REVERT = ['pg_trgm'];

/**
 * The schema of `public` as sorted lists of strings (one per object, with
 * everything that defines it), so that two snapshots are deep-equal exactly
 * when the schemas are the same.
 */
async function schemaSnapshot(url: string): Promise<Record<string, string[]>> {
  const lines = async (sql: string) => (await query<{ line: string }>(url, sql)).map((row) => row.line).sort();
  return {
    relations: await lines(`
      SELECT c.relkind::text || ' ' || c.relname AS line FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')`),
    columns: await lines(`
      SELECT concat_ws(' | ', c.relname || '.' || a.attname, format_type(a.atttypid, a.atttypmod),
        CASE WHEN a.attnotnull THEN 'not null' ELSE 'null' END, 'default ' || pg_get_expr(d.adbin, d.adrelid),
        NULLIF(a.attidentity::text, ''), NULLIF(a.attgenerated::text, ''), 'collation ' || NULLIF(a.attcollation, 0)::regcollation::text) AS line
      FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'f') AND a.attnum > 0 AND NOT a.attisdropped`),
    indexes: await lines(`SELECT indexdef AS line FROM pg_indexes WHERE schemaname = 'public'`),
    constraints: await lines(`
      SELECT c.conrelid::regclass || ' ' || c.conname || ': ' || pg_get_constraintdef(c.oid) AS line
      FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace WHERE n.nspname = 'public'`),
    triggers: await lines(`
      SELECT pg_get_triggerdef(t.oid) || CASE t.tgenabled WHEN 'D' THEN ' (disabled)' ELSE '' END AS line
      FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND NOT t.tgisinternal`),
    // Whitespace is collapsed: a down() that restores a function may indent its body differently.
    functions: await lines(`
      SELECT regexp_replace(pg_get_functiondef(p.oid), '\\s+', ' ', 'g') AS line
      FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
      WHERE n.nspname = 'public' AND p.prokind IN ('f', 'p') AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')`),
    views: await lines(`SELECT viewname || ': ' || definition AS line FROM pg_views WHERE schemaname = 'public'`),
    types: await lines(`
      SELECT t.typname || ' ' || t.typtype::text || coalesce(' ' || (SELECT string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder) FROM pg_enum e WHERE e.enumtypid = t.oid), '') AS line
      FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE n.nspname = 'public' AND t.typtype IN ('e', 'd', 'c') AND NOT EXISTS (SELECT 1 FROM pg_class c WHERE c.oid = t.typrelid AND c.relkind <> 'c')`),
    extensions: await lines(`SELECT extname AS line FROM pg_extension WHERE extname <> ALL ('{${EXTENSIONS_KEPT_ON_REVERT}}')`),
  };
}

/** What `after` has that `before` has not (left), and the reverse (lost); empty when they are the same. */
function schemaDifference(before: Record<string, string[]>, after: Record<string, string[]>): { left?: string[]; lost?: string[] } {
  const kinds = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  const only = (a: Record<string, string[]>, b: Record<string, string[]>) =>
    kinds.flatMap((kind) => (a[kind] ?? []).filter((line) => !(b[kind] ?? []).includes(line)).map((line) => `${kind}: ${line}`));
  const left = only(after, before);
  const lost = only(before, after);
  return { ...(left.length ? { left } : {}), ...(lost.length ? { lost } : {}) };
}

class CreateProbeTable1700000000001 implements MigrationInterface {
  async up(runner: QueryRunner): Promise<void> {
    await runner.query('CREATE TABLE migration_probe (id int)');
  }
  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE migration_probe');
  }
}

class BrokenMigration1700000000002 implements MigrationInterface {
  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE no_such_table ADD COLUMN x int');
  }
  async down(): Promise<void> {
    // nothing to undo
  }
}

describe('migrations', () => {
  let database: TestDatabase;

  beforeEach(async () => {
    database = await createTestDatabase({ schema: 'empty' });
  });

  afterEach(async () => {
    await database.drop();
  });

  it('applies every migration once and records it in typeorm_migrations', async () => {
    const first = await runMigrations(database.url);
    expect(first.applied).toHaveLength(migrations.length);

    const recorded = await query<{ name: string }>(database.url, `SELECT name FROM ${MIGRATIONS_TABLE} ORDER BY id`);
    expect(recorded.map((row) => row.name)).toEqual(migrations.map((migration) => migration.name));

    const second = await runMigrations(database.url);
    expect(second.applied).toEqual([]);
  });

  it('leaves the schema untouched when a migration fails', async () => {
    await expect(runMigrations(database.url, [CreateProbeTable1700000000001, BrokenMigration1700000000002])).rejects.toThrow(
      /no_such_table/,
    );

    const tables = await query<{ table_name: string }>(
      database.url,
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name = 'migration_probe'",
    );
    expect(tables).toEqual([]);
    const recorded = await query<{ count: string }>(database.url, `SELECT count(*) FROM ${MIGRATIONS_TABLE}`);
    expect(Number(recorded[0]?.count)).toBe(0);
  });

  it('reverts each migration, newest first, to exactly the schema before it, and applies them all again', async () => {
    await runMigrations(database.url, []); // only creates the migrations table, so that every snapshot has it
    const before: Record<string, string[]>[] = [];
    for (let count = 1; count <= migrations.length; count++) {
      before.push(await schemaSnapshot(database.url));
      const { applied } = await runMigrations(database.url, migrations.slice(0, count));
      expect(applied).toEqual([migrations[count - 1]?.name]);
    }
    const latest = await schemaSnapshot(database.url);
    expect(latest['relations']?.length).toBeGreaterThan(before[0]?.['relations']?.length ?? 0);

    for (let count = migrations.length; count > 0; count--) {
      await revertLastMigration(database.url);
      const difference = schemaDifference(before[count - 1] ?? {}, await schemaSnapshot(database.url));
      // Names the migration whose down() does not restore the schema, with what it left or lost.
      expect({ reverted: migrations[count - 1]?.name, ...difference }).toEqual({ reverted: migrations[count - 1]?.name });
    }
    const recorded = await query<{ count: string }>(database.url, `SELECT count(*) FROM ${MIGRATIONS_TABLE}`);
    expect(Number(recorded[0]?.count)).toBe(0);

    const again = await runMigrations(database.url);
    expect(again.applied).toHaveLength(migrations.length);
    expect(await schemaSnapshot(database.url)).toEqual(latest);
    // Two snapshots and a connection per migration, each way: it grows with every migration.
  }, 240_000);

  it('AddFrameworkVersionImportWarnings gives a version imported before it the warnings of the import that wrote it', async () => {
    const at = migrations.findIndex((migration) => migration.name === 'AddFrameworkVersionImportWarnings1796588796588');
    expect(at).toBeGreaterThan(0);
    await runMigrations(database.url, migrations.slice(0, at));
    const warning = (message: string) => JSON.stringify([{ severity: 'warning', message, location: 'row 2' }]);
    await query(
      database.url,
      `INSERT INTO framework (id, key) VALUES ('00000000-0000-4000-8000-000000000001', 'imported'), ('00000000-0000-4000-8000-000000000002', 'built-in');
       INSERT INTO framework_version (id, framework_id, version_number, code, name, version_label, default_language, languages,
         scale_key, scale_name, source_format, content_hash, counts)
       SELECT ('00000000-0000-4000-8000-00000000010' || n)::uuid, ('00000000-0000-4000-8000-00000000000' || n)::uuid, 1, 'C', '{"en":"C"}',
         '1', 'en', '{en}', 's', '{"en":"s"}', 'moodle-csv', 'h', '{}' FROM generate_series(1, 2) n;
       INSERT INTO framework_import (format, file_name, status, framework_key, document, warnings, committed_at, committed_version_id) VALUES
         ('moodle-csv', 'first.csv', 'committed', 'imported', '{}', '${warning('first')}', now() - interval '1 day', '00000000-0000-4000-8000-000000000101'),
         ('moodle-csv', 'same-again.csv', 'committed', 'imported', '{}', '${warning('again')}', now(), '00000000-0000-4000-8000-000000000101'),
         ('moodle-csv', 'previewed.csv', 'previewed', 'imported', '{}', '${warning('previewed')}', NULL, NULL)`,
    );
    await runMigrations(database.url, migrations.slice(0, at + 1));
    const rows = await query<{ key: string; import_warnings: { message: string }[] }>(
      database.url,
      'SELECT f.key, v.import_warnings FROM framework_version v JOIN framework f ON f.id = v.framework_id ORDER BY f.key',
    );
    expect(rows.map((row) => [row.key, row.import_warnings.map((w) => w.message)])).toEqual([
      ['built-in', []],
      ['imported', ['first']],
    ]);
  });
});

/**
 * The migrations are the only truth about the schema (hand-written SQL; nothing
 * is generated from the entities). The entities must agree with them.
 */
describe('entities and the migrated schema', () => {
  /** Tables that no entity maps, on purpose: a new table without an entity must be added here. */
  const TABLES_WITHOUT_ENTITY = [
    MIGRATIONS_TABLE,
    'audit_event', // written with SQL by AuditService, read by raw queries
    'competency_search', // full-text documents, written and searched with SQL
    'employee_line', // the reporting-line closure, kept by triggers
    'instance_secret', // read and written with SQL at start-up
    // Evidence, files and notifications are written and read with SQL only (evidence.queries.ts, pg-file-store.ts, notifications.queries.ts).
    'evidence',
    'evidence_revision',
    'evidence_claim',
    'evidence_file',
    'evidence_revision_file',
    'evidence_verdict',
    'evidence_comment',
    'stored_file',
    'stored_file_chunk',
    'notification',
    'mail_outbox',
    'assessment_evidence', // which accepted evidence an assessment relied on, written with the assessment
    // Review cycles and reviews are written and read with SQL only (reviews.queries.ts and the review services).
    'review_cycle',
    'review_cycle_pick',
    'review',
    'review_competency',
    'review_rating',
    'review_note',
    'review_event',
    'review_snapshot',
    'review_reminder',
  ];

  let database: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase({ schema: 'migrated' });
    dataSource = new DataSource(dataSourceOptions(database.url));
    await dataSource.initialize();
  });

  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  const columnsOf = async () =>
    query<{ table: string; column: string; type: string; nullable: boolean }>(
      database.url,
      `SELECT c.relname AS table, a.attname AS column, format_type(a.atttypid, a.atttypmod) AS type, NOT a.attnotnull AS nullable
       FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped`,
    );

  it('has a table for every entity, and an entity for every table but the listed ones', async () => {
    const tables = new Set((await columnsOf()).map((row) => row.table));
    const mapped = dataSource.entityMetadatas.map((entity) => entity.tableName);
    expect(mapped.filter((table) => !tables.has(table))).toEqual([]);
    expect([...tables].filter((table) => !mapped.includes(table)).sort()).toEqual([...TABLES_WITHOUT_ENTITY].sort());
  });

  it('has every entity column, with the same type and nullability', async () => {
    const columns = new Map((await columnsOf()).map((row) => [`${row.table}.${row.column}`, row]));
    const expected = dataSource.entityMetadatas.flatMap((entity) =>
      entity.columns.map((column) => {
        const base = dataSource.driver.normalizeType(column);
        const length = column.length ? `(${column.length})` : '';
        return {
          column: `${entity.tableName}.${column.databaseName}`,
          type: `${base}${length}${column.isArray ? '[]' : ''}`,
          nullable: column.isNullable,
        };
      }),
    );
    expect(expected.length).toBeGreaterThan(0);
    const actual = expected.map(({ column }) => {
      const row = columns.get(column);
      return { column, type: row ? normaliseType(row.type) : 'missing', nullable: row?.nullable };
    });
    expect(actual).toEqual(expected.map((column) => ({ ...column, type: normaliseType(column.type) })));
  });
});

/** Spellings of one PostgreSQL type that TypeORM and format_type() write differently. */
function normaliseType(type: string): string {
  const aliases: Record<string, string> = {
    int: 'integer',
    int4: 'integer',
    int8: 'bigint',
    bool: 'boolean',
    timestamptz: 'timestamp with time zone',
    varchar: 'character varying',
  };
  return type.replace(/^[a-z0-9]+/, (name) => aliases[name] ?? name);
}
