import { MigrationInterface, QueryRunner } from 'typeorm';

/** Uploaded framework files between preview and commit. */
export class CreateFrameworkImport1795300000001 implements MigrationInterface {
  name = 'CreateFrameworkImport1795300000001';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE framework_import (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        format text NOT NULL,
        file_name text NOT NULL,
        status text NOT NULL DEFAULT 'previewed',
        framework_key text NOT NULL,
        document jsonb NOT NULL,
        warnings jsonb NOT NULL DEFAULT '[]'::jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        committed_at timestamptz,
        committed_version_id uuid REFERENCES framework_version (id) ON DELETE SET NULL,
        CONSTRAINT ck_framework_import_status CHECK (status IN ('previewed', 'committed')),
        CONSTRAINT ck_framework_import_format CHECK (format IN ('proficio-json', 'moodle-csv', 'sfia-csv', 'case'))
      )`);
    await runner.query(`CREATE INDEX ix_framework_import_created ON framework_import (created_at)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE framework_import`);
  }
}
