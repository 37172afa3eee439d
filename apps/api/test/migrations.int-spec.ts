import { Client } from 'pg';
import { MigrationInterface, QueryRunner } from 'typeorm';
import { MIGRATIONS_TABLE } from '../src/database/data-source-options';
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
    database = await createTestDatabase();
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

  it('reverts every migration, newest first, back to an empty schema, and applies them again', async () => {
    await runMigrations(database.url);
    for (let remaining = migrations.length; remaining > 0; remaining -= 1) {
      await revertLastMigration(database.url);
      const recorded = await query<{ count: string }>(database.url, `SELECT count(*) FROM ${MIGRATIONS_TABLE}`);
      expect(Number(recorded[0]?.count)).toBe(remaining - 1);
    }
    const tables = await query<{ table_name: string }>(
      database.url,
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> '${MIGRATIONS_TABLE}'`,
    );
    expect(tables).toEqual([]);

    const again = await runMigrations(database.url);
    expect(again.applied).toHaveLength(migrations.length);
  });
});
