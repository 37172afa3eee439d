import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The identifier a framework's source gives it (Moodle's ID number, a CASE
 * document's identifier…), apart from its own unique key: two different
 * frameworks may come with one identifier (CASE test packages reuse theirs),
 * and the second is then imported under a key of its own (`<identifier>~2`)
 * while a re-import still finds both by the identifier. Until now the key was
 * the source's identifier, so existing frameworks get their key.
 */
export class AddFrameworkSourceKey1796590819117 implements MigrationInterface {
  name = 'AddFrameworkSourceKey1796590819117';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE framework ADD COLUMN source_key text`);
    await runner.query(`UPDATE framework SET source_key = key`);
    await runner.query(`
      ALTER TABLE framework ALTER COLUMN source_key SET NOT NULL,
        ADD CONSTRAINT ck_framework_source_key CHECK (length(source_key) BETWEEN 1 AND 200)`);
    await runner.query(`CREATE INDEX ix_framework_source_key ON framework (source_key)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE framework DROP COLUMN source_key`);
  }
}
