import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Who committed a framework import: the account, kept as long as it exists
 * (the audit log keeps the id for good). Imports committed before this have none.
 */
export class AddFrameworkImportCommittedBy1796544609549 implements MigrationInterface {
  name = 'AddFrameworkImportCommittedBy1796544609549';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE framework_import ADD COLUMN committed_by uuid REFERENCES app_user (id) ON DELETE SET NULL`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE framework_import DROP COLUMN committed_by`);
  }
}
