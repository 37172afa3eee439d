import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What an assessment relied on: accepted evidence (the revision that was accepted), named when the
 * manager records the assessment. Append-only like the assessment it belongs to: a correction names
 * its own evidence.
 */
export class LinkAssessmentEvidence1796592975596 implements MigrationInterface {
  name = 'LinkAssessmentEvidence1796592975596';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE assessment_evidence (
        assessment_id uuid NOT NULL REFERENCES assessment (id) ON DELETE RESTRICT,
        evidence_id uuid NOT NULL,
        revision integer NOT NULL,
        PRIMARY KEY (assessment_id, evidence_id),
        FOREIGN KEY (evidence_id, revision) REFERENCES evidence_revision (evidence_id, number) ON DELETE RESTRICT
      )`);
    await runner.query(`CREATE INDEX ix_assessment_evidence_evidence ON assessment_evidence (evidence_id)`);
    await runner.query(`
      CREATE TRIGGER tr_assessment_evidence_append_only BEFORE UPDATE OR DELETE ON assessment_evidence
      FOR EACH ROW EXECUTE FUNCTION evidence_history_is_append_only()`);
    await runner.query(`
      CREATE TRIGGER tr_assessment_evidence_no_truncate BEFORE TRUNCATE ON assessment_evidence
      FOR EACH STATEMENT EXECUTE FUNCTION evidence_history_is_append_only()`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE assessment_evidence`);
  }
}
