import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit log is append-only, but its guard (tr_audit_event_append_only) is a
 * row-level trigger, which TRUNCATE never fires. A statement-level trigger
 * refuses TRUNCATE too, with the same function and error.
 */
export class GuardAuditTruncate1796544044717 implements MigrationInterface {
  name = 'GuardAuditTruncate1796544044717';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TRIGGER tr_audit_event_no_truncate BEFORE TRUNCATE ON audit_event
      FOR EACH STATEMENT EXECUTE FUNCTION audit_event_is_append_only()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER tr_audit_event_no_truncate ON audit_event`);
  }
}
