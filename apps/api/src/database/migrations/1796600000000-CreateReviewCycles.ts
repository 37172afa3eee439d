import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Review cycles and reviews: the performance review as a process.
 *
 * - `review_cycle`: name, period, deadlines, who takes part (a team with its sub-teams, a role
 *   profile's holders, or people picked by hand in `review_cycle_pick`), and whether the target
 *   role's competencies are in scope too. Draft → open → closed.
 * - `review`: one per participant of an opened cycle, assigned to their manager at that moment.
 *   Its `state` follows not_started → self_assessment → manager_assessment → discussion →
 *   manager_signed → locked (a reopen goes back to discussion). The database allows only these
 *   steps (trigger `review_state_moves`), whatever the API does.
 * - `review_competency`: the competencies in scope, with the targets as published when the cycle
 *   opened. Fixed once written.
 * - `review_rating`: the drafts of the two people concerned, by role; `review_note`: notes (per
 *   competency, or general). Both change only while the review is open for them
 *   (`review_draft_is_open`): never once signed by the manager or locked.
 * - `review_event` (transitions, sign-offs, reopenings, reassignments) and `review_snapshot` (what
 *   was signed, frozen at the employee's sign-off) are append-only.
 * - `review_reminder`: the reminders already sent (one per review, step and kind), so that however
 *   many API instances run the reminder job, each is sent once.
 * - `assessment.review_id`: the assessments a locked review became (the official record).
 */
export class CreateReviewCycles1796600000000 implements MigrationInterface {
  name = 'CreateReviewCycles1796600000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE review_cycle (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        period_start date NOT NULL,
        period_end date NOT NULL,
        self_due date NOT NULL,
        manager_due date NOT NULL,
        participants_kind text NOT NULL,
        team_id uuid REFERENCES team (id) ON DELETE RESTRICT,
        role_profile_id uuid REFERENCES role_profile (id) ON DELETE RESTRICT,
        include_target_role boolean NOT NULL DEFAULT false,
        status text NOT NULL DEFAULT 'draft',
        created_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        opened_at timestamptz,
        closed_at timestamptz,
        CONSTRAINT ck_review_cycle_name CHECK (length(btrim(name)) BETWEEN 1 AND 200),
        CONSTRAINT ck_review_cycle_period CHECK (period_end >= period_start),
        CONSTRAINT ck_review_cycle_deadlines CHECK (manager_due >= self_due),
        CONSTRAINT ck_review_cycle_status CHECK (status IN ('draft', 'open', 'closed')),
        CONSTRAINT ck_review_cycle_participants CHECK (
          (participants_kind = 'team' AND team_id IS NOT NULL AND role_profile_id IS NULL)
          OR (participants_kind = 'role-profile' AND role_profile_id IS NOT NULL AND team_id IS NULL)
          OR (participants_kind = 'people' AND team_id IS NULL AND role_profile_id IS NULL)),
        CONSTRAINT ck_review_cycle_opened CHECK ((status = 'draft') = (opened_at IS NULL))
      )`);
    await runner.query(`CREATE UNIQUE INDEX uq_review_cycle_name ON review_cycle (lower(btrim(name)))`);

    await runner.query(`
      CREATE TABLE review_cycle_pick (
        cycle_id uuid NOT NULL REFERENCES review_cycle (id) ON DELETE CASCADE,
        employee_id uuid NOT NULL REFERENCES employee (id) ON DELETE CASCADE,
        PRIMARY KEY (cycle_id, employee_id)
      )`);

    await runner.query(`
      CREATE TABLE review (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        cycle_id uuid NOT NULL REFERENCES review_cycle (id) ON DELETE RESTRICT,
        employee_id uuid NOT NULL REFERENCES employee (id) ON DELETE RESTRICT,
        manager_id uuid REFERENCES employee (id) ON DELETE RESTRICT,
        state text NOT NULL DEFAULT 'not_started',
        role_profile_version_id uuid REFERENCES role_profile_version (id) ON DELETE RESTRICT,
        target_role_profile_version_id uuid REFERENCES role_profile_version (id) ON DELETE RESTRICT,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        state_changed_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        locked_at timestamptz,
        CONSTRAINT uq_review_participant UNIQUE (cycle_id, employee_id),
        CONSTRAINT ck_review_state CHECK (
          state IN ('not_started', 'self_assessment', 'manager_assessment', 'discussion', 'manager_signed', 'locked')),
        CONSTRAINT ck_review_not_own_manager CHECK (manager_id IS DISTINCT FROM employee_id),
        CONSTRAINT ck_review_locked_at CHECK ((state = 'locked') = (locked_at IS NOT NULL))
      )`);
    await runner.query(`CREATE INDEX ix_review_manager ON review (manager_id, cycle_id)`);
    await runner.query(`CREATE INDEX ix_review_employee ON review (employee_id, created_at DESC)`);
    await runner.query(`CREATE INDEX ix_review_cycle_state ON review (cycle_id, state)`);

    // The steps a review may take; anything else is refused, whatever writes it.
    await runner.query(`
      CREATE FUNCTION review_state_moves() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.id <> OLD.id OR NEW.cycle_id <> OLD.cycle_id OR NEW.employee_id <> OLD.employee_id
          OR NEW.role_profile_version_id IS DISTINCT FROM OLD.role_profile_version_id
          OR NEW.target_role_profile_version_id IS DISTINCT FROM OLD.target_role_profile_version_id
          OR NEW.created_at <> OLD.created_at THEN
          RAISE EXCEPTION 'a review''s cycle, person and scope cannot change' USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF NEW.manager_id IS DISTINCT FROM OLD.manager_id AND OLD.state IN ('manager_signed', 'locked') THEN
          RAISE EXCEPTION 'a signed review cannot be reassigned' USING ERRCODE = 'check_violation',
            CONSTRAINT = 'ck_review_reassign_open';
        END IF;
        IF NEW.state <> OLD.state AND NOT (
          (OLD.state = 'not_started' AND NEW.state = 'self_assessment')
          OR (OLD.state = 'self_assessment' AND NEW.state = 'manager_assessment')
          OR (OLD.state = 'manager_assessment' AND NEW.state = 'discussion')
          OR (OLD.state = 'discussion' AND NEW.state = 'manager_signed')
          OR (OLD.state = 'manager_signed' AND NEW.state = 'locked')
          OR (OLD.state = 'locked' AND NEW.state = 'discussion')
        ) THEN
          RAISE EXCEPTION 'a review cannot move from % to %', OLD.state, NEW.state USING ERRCODE = 'check_violation',
            CONSTRAINT = 'ck_review_state_move';
        END IF;
        IF NEW.state = OLD.state AND OLD.state = 'locked' AND NEW IS DISTINCT FROM OLD THEN
          RAISE EXCEPTION 'a locked review cannot change' USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
      END $$`);
    await runner.query(`
      CREATE TRIGGER tr_review_state_moves BEFORE UPDATE ON review
      FOR EACH ROW EXECUTE FUNCTION review_state_moves()`);

    await runner.query(`
      CREATE FUNCTION review_history_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% cannot be changed or deleted: review history is append-only', TG_TABLE_NAME
          USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await runner.query(`
      CREATE TRIGGER tr_review_no_delete BEFORE DELETE ON review
      FOR EACH ROW EXECUTE FUNCTION review_history_is_append_only()`);

    await runner.query(`
      CREATE TABLE review_competency (
        review_id uuid NOT NULL REFERENCES review (id) ON DELETE RESTRICT,
        competency_id uuid NOT NULL REFERENCES competency (id) ON DELETE RESTRICT,
        position integer NOT NULL,
        target_level integer,
        target_required boolean,
        growth_target_level integer,
        PRIMARY KEY (review_id, competency_id)
      )`);
    await runner.query(`CREATE INDEX ix_review_competency_competency ON review_competency (competency_id)`);
    await runner.query(`
      CREATE TRIGGER tr_review_competency_fixed BEFORE UPDATE OR DELETE ON review_competency
      FOR EACH ROW EXECUTE FUNCTION review_history_is_append_only()`);

    await runner.query(`
      CREATE TABLE review_rating (
        review_id uuid NOT NULL,
        competency_id uuid NOT NULL,
        role text NOT NULL,
        outcome text NOT NULL,
        level integer,
        rationale text,
        confidence text,
        evidence_ids uuid[] NOT NULL DEFAULT '{}',
        updated_by uuid NOT NULL REFERENCES app_user (id) ON DELETE RESTRICT,
        rater_employee_id uuid REFERENCES employee (id) ON DELETE RESTRICT,
        updated_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        PRIMARY KEY (review_id, competency_id, role),
        FOREIGN KEY (review_id, competency_id) REFERENCES review_competency (review_id, competency_id) ON DELETE RESTRICT,
        CONSTRAINT ck_review_rating_role CHECK (role IN ('self', 'manager')),
        CONSTRAINT ck_review_rating_outcome CHECK (outcome IN ('rated', 'not_assessed', 'not_applicable')),
        CONSTRAINT ck_review_rating_level CHECK ((outcome = 'rated') = (level IS NOT NULL)),
        CONSTRAINT ck_review_rating_rationale CHECK (rationale IS NULL OR length(rationale) BETWEEN 1 AND 5000),
        CONSTRAINT ck_review_rating_confidence CHECK (confidence IN ('low', 'medium', 'high'))
      )`);

    await runner.query(`
      CREATE TABLE review_note (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        review_id uuid NOT NULL REFERENCES review (id) ON DELETE RESTRICT,
        competency_id uuid,
        text text NOT NULL,
        updated_by uuid NOT NULL REFERENCES app_user (id) ON DELETE RESTRICT,
        updated_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        FOREIGN KEY (review_id, competency_id) REFERENCES review_competency (review_id, competency_id) ON DELETE RESTRICT,
        CONSTRAINT ck_review_note_text CHECK (length(text) BETWEEN 1 AND 10000)
      )`);
    await runner.query(`CREATE UNIQUE INDEX uq_review_note ON review_note (review_id, competency_id) NULLS NOT DISTINCT`);

    // Drafts change only while their review is open for them: never once the manager has signed.
    await runner.query(`
      CREATE FUNCTION review_draft_is_open() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        review_state text;
      BEGIN
        SELECT state INTO review_state FROM review
        WHERE id = CASE WHEN TG_OP = 'DELETE' THEN OLD.review_id ELSE NEW.review_id END;
        IF review_state IN ('manager_signed', 'locked') THEN
          RAISE EXCEPTION 'the review is % and its % cannot change', review_state, TG_TABLE_NAME
            USING ERRCODE = 'check_violation', CONSTRAINT = 'ck_review_draft_open';
        END IF;
        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
      END $$`);
    for (const table of ['review_rating', 'review_note']) {
      await runner.query(`
        CREATE TRIGGER tr_${table}_open BEFORE INSERT OR UPDATE OR DELETE ON ${table}
        FOR EACH ROW EXECUTE FUNCTION review_draft_is_open()`);
    }

    await runner.query(`
      CREATE TABLE review_event (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        review_id uuid NOT NULL REFERENCES review (id) ON DELETE RESTRICT,
        kind text NOT NULL,
        from_state text,
        to_state text,
        signed_as text,
        actor_user_id uuid REFERENCES app_user (id) ON DELETE RESTRICT,
        actor_employee_id uuid REFERENCES employee (id) ON DELETE RESTRICT,
        manager_id uuid REFERENCES employee (id) ON DELETE RESTRICT,
        comment text,
        occurred_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        CONSTRAINT ck_review_event_kind CHECK (kind IN ('transition', 'reopen', 'reassign')),
        CONSTRAINT ck_review_event_signed_as CHECK (signed_as IS NULL OR signed_as IN ('manager', 'employee')),
        CONSTRAINT ck_review_event_comment CHECK (comment IS NULL OR length(comment) BETWEEN 1 AND 2000)
      )`);
    await runner.query(`CREATE INDEX ix_review_event_review ON review_event (review_id, occurred_at)`);

    await runner.query(`
      CREATE TABLE review_snapshot (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        review_id uuid NOT NULL REFERENCES review (id) ON DELETE RESTRICT,
        number integer NOT NULL,
        taken_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        content jsonb NOT NULL,
        CONSTRAINT uq_review_snapshot_number UNIQUE (review_id, number)
      )`);
    for (const table of ['review_event', 'review_snapshot']) {
      await runner.query(`
        CREATE TRIGGER tr_${table}_append_only BEFORE UPDATE OR DELETE ON ${table}
        FOR EACH ROW EXECUTE FUNCTION review_history_is_append_only()`);
      await runner.query(`
        CREATE TRIGGER tr_${table}_no_truncate BEFORE TRUNCATE ON ${table}
        FOR EACH STATEMENT EXECUTE FUNCTION review_history_is_append_only()`);
    }
    await runner.query(`
      CREATE TRIGGER tr_review_no_truncate BEFORE TRUNCATE ON review
      FOR EACH STATEMENT EXECUTE FUNCTION review_history_is_append_only()`);

    await runner.query(`
      CREATE TABLE review_reminder (
        review_id uuid NOT NULL REFERENCES review (id) ON DELETE RESTRICT,
        step text NOT NULL,
        kind text NOT NULL,
        sent_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        PRIMARY KEY (review_id, step, kind),
        CONSTRAINT ck_review_reminder_step CHECK (step IN ('self_assessment', 'manager_assessment')),
        CONSTRAINT ck_review_reminder_kind CHECK (kind IN ('due', 'overdue'))
      )`);

    await runner.query(`ALTER TABLE assessment ADD COLUMN review_id uuid REFERENCES review (id) ON DELETE RESTRICT`);
    await runner.query(`CREATE INDEX ix_assessment_review ON assessment (review_id) WHERE review_id IS NOT NULL`);

    await runner.query(`ALTER TABLE notification DROP CONSTRAINT ck_notification_kind`);
    await runner.query(`ALTER TABLE notification ADD COLUMN review_id uuid REFERENCES review (id) ON DELETE CASCADE`);
    await runner.query(`
      ALTER TABLE notification ADD CONSTRAINT ck_notification_kind CHECK (kind IN (
        'evidence_submitted', 'evidence_verdict', 'evidence_comment', 'review_step', 'review_due', 'review_overdue'))`);

    await runner.query(`INSERT INTO app_setting (key, value) VALUES ('review.remind_days_before', '3'::jsonb)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DELETE FROM app_setting WHERE key = 'review.remind_days_before'`);
    await runner.query(`DELETE FROM notification WHERE review_id IS NOT NULL`);
    await runner.query(`ALTER TABLE notification DROP CONSTRAINT ck_notification_kind`);
    await runner.query(`ALTER TABLE notification DROP COLUMN review_id`);
    await runner.query(`
      ALTER TABLE notification ADD CONSTRAINT ck_notification_kind CHECK (kind IN (
        'evidence_submitted', 'evidence_verdict', 'evidence_comment'))`);
    await runner.query(`ALTER TABLE assessment DROP COLUMN review_id`);
    for (const table of ['review_reminder', 'review_snapshot', 'review_event', 'review_note', 'review_rating', 'review_competency']) {
      await runner.query(`DROP TABLE ${table}`);
    }
    await runner.query(`DROP TABLE review`);
    await runner.query(`DROP TABLE review_cycle_pick`);
    await runner.query(`DROP TABLE review_cycle`);
    await runner.query(`DROP FUNCTION review_draft_is_open()`);
    await runner.query(`DROP FUNCTION review_history_is_append_only()`);
    await runner.query(`DROP FUNCTION review_state_moves()`);
  }
}
