import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The warnings of the file a framework version was imported from (what the
 * parser could not keep, e.g. Moodle rules or a Windows-1252 file), stored
 * with the version beside its data-quality findings, so the library counts
 * them and the browser shows them after the import is gone from view.
 * Versions imported before this get the warnings of the import that wrote
 * them (the first committed one); built-in packs have none.
 */
export class AddFrameworkVersionImportWarnings1796588796588 implements MigrationInterface {
  name = 'AddFrameworkVersionImportWarnings1796588796588';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE framework_version ADD COLUMN import_warnings jsonb NOT NULL DEFAULT '[]'::jsonb,
        ADD CONSTRAINT ck_framework_version_import_warnings CHECK (jsonb_typeof(import_warnings) = 'array')`);
    await runner.query(`
      UPDATE framework_version v SET import_warnings = i.warnings
      FROM (SELECT DISTINCT ON (committed_version_id) committed_version_id, warnings
            FROM framework_import WHERE committed_version_id IS NOT NULL
            ORDER BY committed_version_id, committed_at) i
      WHERE i.committed_version_id = v.id`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE framework_version DROP COLUMN import_warnings`);
  }
}
