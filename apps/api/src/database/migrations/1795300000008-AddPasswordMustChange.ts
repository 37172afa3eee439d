import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Accounts an administrator creates, or whose password they reset, get a
 * temporary password the administrator has seen: the person must choose
 * their own at the next sign-in. Changing the password clears the flag.
 */
export class AddPasswordMustChange1795300000008 implements MigrationInterface {
  name = 'AddPasswordMustChange1795300000008';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE app_user ADD COLUMN password_must_change boolean NOT NULL DEFAULT false`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE app_user DROP COLUMN password_must_change`);
  }
}
