import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What imports used to drop: which scale levels a source marks as proficient
 * (Moodle's scale configuration) and what each depth of the tree is called
 * (Moodle's taxonomy: Domain, Competency, Behaviour…). Both absent (null)
 * for versions written before, as for sources that do not say.
 */
export class AddScaleProficientAndDepthNames1796573726036 implements MigrationInterface {
  name = 'AddScaleProficientAndDepthNames1796573726036';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE scale_level ADD COLUMN proficient boolean`);
    await queryRunner.query(`ALTER TABLE framework_version ADD COLUMN depth_names jsonb`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE framework_version DROP COLUMN depth_names`);
    await queryRunner.query(`ALTER TABLE scale_level DROP COLUMN proficient`);
  }
}
