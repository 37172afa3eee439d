import { Client } from 'pg';
import { CONSTRAINT_PROBLEMS } from '../src/constraint-problems';
import { runMigrations } from '../src/database/migrate';
import { createTestDatabase, TestDatabase } from './support/test-database';

/**
 * The constraint registry names database rules by their names; a rule renamed
 * or dropped in a migration would silently fall back to the generic answer.
 * Every name must be a constraint, a unique index, or a constraint name that a
 * trigger function raises, in the database the migrations build.
 */
describe('the constraint registry', () => {
  let database: TestDatabase;
  let client: Client;

  beforeAll(async () => {
    database = await createTestDatabase();
    await runMigrations(database.url);
    client = new Client({ connectionString: database.url });
    await client.connect();
  });

  afterAll(async () => {
    await client.end();
    await database.drop();
  });

  it('names only constraints, unique indexes and trigger-raised constraints that the migrated database has', async () => {
    const { rows } = await client.query<{ name: string }>(
      `SELECT conname AS name FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace WHERE n.nspname = 'public'
       UNION
       SELECT i.relname FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_namespace n ON n.oid = i.relnamespace
       WHERE x.indisunique AND n.nspname = 'public'
       UNION
       SELECT m[1] FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace,
         regexp_matches(p.prosrc, 'CONSTRAINT\\s*=\\s*''([^'']+)''', 'gi') AS m
       WHERE n.nspname = 'public'`,
    );
    const known = new Set(rows.map((row) => row.name));
    const missing = Object.keys(CONSTRAINT_PROBLEMS).filter((name) => !known.has(name));
    expect(missing).toEqual([]);
    // The check itself sees each kind of name: a constraint, a unique index, a trigger-raised one.
    for (const name of ['ck_employee_not_own_manager', 'uq_employee_email', 'ck_employee_reporting_line_cycle'])
      expect(known.has(name)).toBe(true);
    expect(known.has('uq_no_such_constraint')).toBe(false);
  });
});
