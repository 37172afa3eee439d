import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The people search (`?q=` matches name, email or job title anywhere,
 * case-insensitively) reads one lower-cased, generated column through a
 * trigram index. ILIKE on three columns scanned the whole employee table for
 * every search, even a manager's search of their own line: ~200 ms at 50,000
 * people. pg_trgm is a trusted extension (PostgreSQL 13+): the database owner
 * may create it.
 */
export class IndexEmployeeSearch1795300000007 implements MigrationInterface {
  name = 'IndexEmployeeSearch1795300000007';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    // U+001F (unit separator) between the fields, so that a search never matches across two of them.
    await runner.query(`
      ALTER TABLE employee ADD COLUMN search_text text
        GENERATED ALWAYS AS (lower(name || chr(31) || email || chr(31) || coalesce(job_title, ''))) STORED`);
    await runner.query(`CREATE INDEX ix_employee_search_text ON employee USING gin (search_text gin_trgm_ops)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE employee DROP COLUMN search_text`);
    // The extension stays: other objects may have come to depend on it.
  }
}
