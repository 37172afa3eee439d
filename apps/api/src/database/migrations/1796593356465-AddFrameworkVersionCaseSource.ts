import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What a CASE package said about its own records (the document's date and
 * creator, whether it had a publisher and rubrics, its items' dates and the
 * identifiers of the associations that place and relate them), stored with
 * the version imported from it so that a CASE export writes them back
 * instead of making new ones. Null for versions from other sources, and for
 * CASE versions imported before this (their export stays as it was).
 */
export class AddFrameworkVersionCaseSource1796593356465 implements MigrationInterface {
  name = 'AddFrameworkVersionCaseSource1796593356465';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE framework_version ADD COLUMN case_source jsonb`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE framework_version DROP COLUMN case_source`);
  }
}
