import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Assessments: who said which employee is at which level of a competency, when, in which role and
 * why. The table is append-only, enforced here (UPDATE, DELETE and TRUNCATE refused) as for the
 * audit log: a correction or a withdrawal is a new row pointing at the one it replaces (`replaces_id`,
 * at most one successor per row, so a chain never forks). Foreign keys restrict: deleting a
 * competency, level, employee or account never takes history with it.
 *
 * A BEFORE INSERT trigger fills `lineage_id` (the first competency of the `previous_competency_id`
 * chain, so that SFIA 9's ITMG and SFIA 10's ITMG share a history) and refuses a level that is not
 * the competency's own (or, for a competency without levels of its own, one of its framework's scale).
 *
 * `current_competency_level` holds, per employee, lineage and role, the record in force: the latest
 * by date (then by time written) that no correction or withdrawal replaced. An AFTER INSERT trigger
 * recomputes that one row from history in the same transaction, under a transaction-level advisory
 * lock on (employee, lineage, role), so concurrent writers cannot leave it behind. Review cycles
 * can later add a `status` to assessments and keep drafts out of the recomputation.
 *
 * `app_setting` holds instance settings an administrator may change at run time (here: after how
 * many months an assessment is shown as stale).
 */
export class CreateAssessments1796575155982 implements MigrationInterface {
  name = 'CreateAssessments1796575155982';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE app_setting (
        key text PRIMARY KEY,
        value jsonb NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`INSERT INTO app_setting (key, value) VALUES ('assessment.stale_after_months', '12'::jsonb)`);

    await runner.query(`
      CREATE TABLE assessment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        employee_id uuid NOT NULL REFERENCES employee (id) ON DELETE RESTRICT,
        competency_id uuid NOT NULL REFERENCES competency (id) ON DELETE RESTRICT,
        lineage_id uuid NOT NULL REFERENCES competency (id) ON DELETE RESTRICT,
        kind text NOT NULL,
        role text NOT NULL,
        outcome text,
        level integer,
        assessed_on date NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        assessor_user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE RESTRICT,
        assessor_employee_id uuid REFERENCES employee (id) ON DELETE RESTRICT,
        rationale text,
        confidence text,
        replaces_id uuid REFERENCES assessment (id) ON DELETE RESTRICT,
        reason text,
        CONSTRAINT ck_assessment_kind CHECK (kind IN ('assessment', 'correction', 'withdrawal')),
        CONSTRAINT ck_assessment_role CHECK (role IN ('manager', 'self', 'peer')),
        CONSTRAINT ck_assessment_outcome CHECK (
          (kind = 'withdrawal' AND outcome IS NULL) OR (kind <> 'withdrawal' AND outcome IN ('rated', 'not_assessed', 'not_applicable'))),
        CONSTRAINT ck_assessment_level CHECK ((outcome = 'rated') = (level IS NOT NULL) OR (outcome IS NULL AND level IS NULL)),
        CONSTRAINT ck_assessment_confidence CHECK (confidence IN ('low', 'medium', 'high')),
        CONSTRAINT ck_assessment_replaces CHECK ((kind = 'assessment') = (replaces_id IS NULL) AND (replaces_id IS NULL) = (reason IS NULL)),
        CONSTRAINT ck_assessment_rationale CHECK (
          rationale IS NULL OR length(rationale) BETWEEN 1 AND 5000),
        CONSTRAINT ck_assessment_manager_rationale CHECK (role <> 'manager' OR kind = 'withdrawal' OR rationale IS NOT NULL),
        CONSTRAINT ck_assessment_reason CHECK (reason IS NULL OR length(reason) BETWEEN 1 AND 1000)
      )`);
    await runner.query(`CREATE UNIQUE INDEX uq_assessment_replaces ON assessment (replaces_id) WHERE replaces_id IS NOT NULL`);
    await runner.query(
      `CREATE INDEX ix_assessment_history ON assessment (employee_id, lineage_id, role, assessed_on DESC, recorded_at DESC)`,
    );
    await runner.query(`CREATE INDEX ix_assessment_employee_recorded ON assessment (employee_id, recorded_at DESC)`);
    await runner.query(`CREATE INDEX ix_assessment_competency ON assessment (competency_id)`);

    await runner.query(`
      CREATE FUNCTION assessment_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'assessments cannot be changed or deleted: record a correction or a withdrawal'
          USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await runner.query(`
      CREATE TRIGGER tr_assessment_append_only BEFORE UPDATE OR DELETE ON assessment
      FOR EACH ROW EXECUTE FUNCTION assessment_is_append_only()`);
    await runner.query(`
      CREATE TRIGGER tr_assessment_no_truncate BEFORE TRUNCATE ON assessment
      FOR EACH STATEMENT EXECUTE FUNCTION assessment_is_append_only()`);

    await runner.query(`
      CREATE FUNCTION assessment_before_insert() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        own_levels integer;
      BEGIN
        WITH RECURSIVE chain AS (
          SELECT id, previous_competency_id, 0 AS depth FROM competency WHERE id = NEW.competency_id
          UNION ALL
          SELECT c.id, c.previous_competency_id, chain.depth + 1
          FROM competency c JOIN chain ON c.id = chain.previous_competency_id
          WHERE chain.depth < 100
        )
        SELECT id INTO NEW.lineage_id FROM chain ORDER BY depth DESC LIMIT 1;
        IF NEW.level IS NOT NULL THEN
          SELECT count(*) INTO own_levels FROM competency_level WHERE competency_id = NEW.competency_id;
          IF own_levels > 0 THEN
            IF NOT EXISTS (SELECT 1 FROM competency_level WHERE competency_id = NEW.competency_id AND level_number = NEW.level) THEN
              RAISE EXCEPTION 'level % is not a level of competency %', NEW.level, NEW.competency_id
                USING ERRCODE = 'check_violation', CONSTRAINT = 'ck_assessment_level_of_competency';
            END IF;
          ELSIF NOT EXISTS (
            SELECT 1 FROM scale_level s JOIN competency c ON c.framework_version_id = s.framework_version_id
            WHERE c.id = NEW.competency_id AND s.number = NEW.level
          ) THEN
            RAISE EXCEPTION 'level % is not on the scale of competency %', NEW.level, NEW.competency_id
              USING ERRCODE = 'check_violation', CONSTRAINT = 'ck_assessment_level_of_competency';
          END IF;
        END IF;
        RETURN NEW;
      END $$`);
    await runner.query(`
      CREATE TRIGGER tr_assessment_before_insert BEFORE INSERT ON assessment
      FOR EACH ROW EXECUTE FUNCTION assessment_before_insert()`);

    await runner.query(`
      CREATE TABLE current_competency_level (
        employee_id uuid NOT NULL REFERENCES employee (id) ON DELETE RESTRICT,
        lineage_id uuid NOT NULL REFERENCES competency (id) ON DELETE RESTRICT,
        role text NOT NULL,
        assessment_id uuid NOT NULL REFERENCES assessment (id) ON DELETE RESTRICT,
        competency_id uuid NOT NULL REFERENCES competency (id) ON DELETE RESTRICT,
        outcome text NOT NULL,
        level integer,
        assessed_on date NOT NULL,
        PRIMARY KEY (employee_id, lineage_id, role)
      )`);
    await runner.query(`CREATE INDEX ix_current_competency_level_lineage ON current_competency_level (lineage_id, role)`);

    await runner.query(`
      CREATE FUNCTION assessment_refresh_current() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        latest assessment%ROWTYPE;
      BEGIN
        -- Serialises writers of one (employee, lineage, role); the query below then sees what they committed.
        PERFORM pg_advisory_xact_lock(hashtextextended(NEW.employee_id::text || NEW.lineage_id::text || NEW.role, 0));
        SELECT a.* INTO latest FROM assessment a
        WHERE a.employee_id = NEW.employee_id AND a.lineage_id = NEW.lineage_id AND a.role = NEW.role
          AND a.kind <> 'withdrawal'
          AND NOT EXISTS (SELECT 1 FROM assessment r WHERE r.replaces_id = a.id)
        ORDER BY a.assessed_on DESC, a.recorded_at DESC
        LIMIT 1;
        IF latest.id IS NULL THEN
          DELETE FROM current_competency_level
          WHERE employee_id = NEW.employee_id AND lineage_id = NEW.lineage_id AND role = NEW.role;
        ELSE
          INSERT INTO current_competency_level (employee_id, lineage_id, role, assessment_id, competency_id, outcome, level, assessed_on)
          VALUES (latest.employee_id, latest.lineage_id, latest.role, latest.id, latest.competency_id, latest.outcome, latest.level,
                  latest.assessed_on)
          ON CONFLICT (employee_id, lineage_id, role) DO UPDATE SET
            assessment_id = EXCLUDED.assessment_id, competency_id = EXCLUDED.competency_id, outcome = EXCLUDED.outcome,
            level = EXCLUDED.level, assessed_on = EXCLUDED.assessed_on;
        END IF;
        RETURN NULL;
      END $$`);
    await runner.query(`
      CREATE TRIGGER tr_assessment_refresh_current AFTER INSERT ON assessment
      FOR EACH ROW EXECUTE FUNCTION assessment_refresh_current()`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE current_competency_level`);
    await runner.query(`DROP TABLE assessment`);
    await runner.query(`DROP FUNCTION assessment_refresh_current()`);
    await runner.query(`DROP FUNCTION assessment_before_insert()`);
    await runner.query(`DROP FUNCTION assessment_is_append_only()`);
    await runner.query(`DROP TABLE app_setting`);
  }
}
