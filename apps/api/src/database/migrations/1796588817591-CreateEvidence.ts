import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Evidence: an employee's proof of what they did at a level of a competency, and the managers'
 * verdicts on it.
 *
 * - `evidence` is the item: whose it is, and where it stands: `status` is that of the latest
 *   submitted revision (`draft` until the first submission), `current_revision` the newest one (a
 *   draft amendment, visible to its author only, may be newer than `submitted_revision`), with the
 *   title and submission time lists and the inbox read. It is the only row here that changes.
 * - `evidence_revision` holds the content. A draft revision (no `submitted_at`) is edited in place
 *   by its author and may be discarded; once submitted, the database refuses to change or delete
 *   it, and an amendment is a new revision. `evidence_claim` (competency and level) and
 *   `evidence_revision_file` (which files) belong to a revision and freeze with it.
 * - `evidence_verdict` and `evidence_comment` are append-only (UPDATE, DELETE and TRUNCATE
 *   refused), as the audit log and assessments are; one verdict per revision.
 * - Files: `stored_file` and its `stored_file_chunk`s (256 KB each) keep the bytes in PostgreSQL, so
 *   that a backup holds everything; the chunks' foreign key is deferred so that an upload streams its
 *   chunks first and writes the file row (size, SHA-256) last, in one transaction: no orphan and no
 *   row without its bytes. `evidence_file` gives a stored file its display name on one item.
 * - `notification` (in-app) and `mail_outbox` (email sent after commit, retried).
 *
 * Foreign keys restrict: deleting an employee, competency, level or account never takes evidence
 * with it.
 */
export class CreateEvidence1796588817591 implements MigrationInterface {
  name = 'CreateEvidence1796588817591';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      `INSERT INTO app_setting (key, value) VALUES ('evidence.max_file_mb', '10'::jsonb), ('evidence.max_files', '20'::jsonb)`,
    );

    await runner.query(`
      CREATE TABLE stored_file (
        id uuid PRIMARY KEY,
        media_type text NOT NULL,
        size bigint NOT NULL,
        sha256 text NOT NULL,
        chunk_count integer NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ck_stored_file_size CHECK (size > 0),
        CONSTRAINT ck_stored_file_sha256 CHECK (sha256 ~ '^[0-9a-f]{64}$')
      )`);
    await runner.query(`
      CREATE TABLE stored_file_chunk (
        file_id uuid NOT NULL REFERENCES stored_file (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
        seq integer NOT NULL,
        data bytea NOT NULL,
        PRIMARY KEY (file_id, seq)
      )`);
    // The accepted types are compressed already (or small text): do not spend time compressing them again.
    await runner.query(`ALTER TABLE stored_file_chunk ALTER COLUMN data SET STORAGE EXTERNAL`);

    await runner.query(`
      CREATE TABLE evidence (
        id uuid PRIMARY KEY,
        employee_id uuid NOT NULL REFERENCES employee (id) ON DELETE RESTRICT,
        created_by_user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE RESTRICT,
        created_at timestamptz NOT NULL DEFAULT now(),
        status text NOT NULL,
        current_revision integer NOT NULL,
        submitted_revision integer,
        title text NOT NULL,
        submitted_at timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ck_evidence_status CHECK (status IN ('draft', 'submitted', 'accepted', 'changes_requested', 'rejected')),
        CONSTRAINT ck_evidence_submitted CHECK (
          (status = 'draft') = (submitted_revision IS NULL) AND (submitted_revision IS NULL) = (submitted_at IS NULL)
          AND submitted_revision <= current_revision)
      )`);
    await runner.query(`CREATE INDEX ix_evidence_employee ON evidence (employee_id, updated_at DESC)`);
    await runner.query(`CREATE INDEX ix_evidence_waiting ON evidence (submitted_at, id) WHERE status = 'submitted'`);

    await runner.query(`
      CREATE TABLE evidence_revision (
        evidence_id uuid NOT NULL REFERENCES evidence (id) ON DELETE RESTRICT,
        number integer NOT NULL,
        title text NOT NULL,
        activity_from date NOT NULL,
        activity_to date,
        narrative text,
        answers jsonb NOT NULL DEFAULT '[]'::jsonb,
        indicators jsonb NOT NULL DEFAULT '[]'::jsonb,
        links text[] NOT NULL DEFAULT '{}',
        author_user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE RESTRICT,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        submitted_at timestamptz,
        PRIMARY KEY (evidence_id, number),
        CONSTRAINT ck_evidence_revision_number CHECK (number >= 1),
        CONSTRAINT ck_evidence_revision_title CHECK (length(title) BETWEEN 1 AND 200),
        CONSTRAINT ck_evidence_revision_period CHECK (activity_to IS NULL OR activity_to >= activity_from),
        CONSTRAINT ck_evidence_revision_narrative CHECK (narrative IS NULL OR length(narrative) BETWEEN 1 AND 20000)
      )`);
    await runner.query(`
      CREATE TABLE evidence_claim (
        evidence_id uuid NOT NULL,
        revision integer NOT NULL,
        position integer NOT NULL,
        competency_id uuid NOT NULL REFERENCES competency (id) ON DELETE RESTRICT,
        level integer NOT NULL,
        PRIMARY KEY (evidence_id, revision, position),
        FOREIGN KEY (evidence_id, revision) REFERENCES evidence_revision (evidence_id, number) ON DELETE RESTRICT
      )`);
    await runner.query(`CREATE INDEX ix_evidence_claim_competency ON evidence_claim (competency_id, level)`);

    await runner.query(`
      CREATE TABLE evidence_file (
        id uuid PRIMARY KEY,
        evidence_id uuid NOT NULL REFERENCES evidence (id) ON DELETE RESTRICT,
        stored_file_id uuid NOT NULL REFERENCES stored_file (id) ON DELETE RESTRICT,
        name text NOT NULL,
        uploaded_by_user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE RESTRICT,
        uploaded_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ck_evidence_file_name CHECK (length(name) BETWEEN 1 AND 255)
      )`);
    await runner.query(`CREATE INDEX ix_evidence_file_evidence ON evidence_file (evidence_id)`);
    await runner.query(`
      CREATE TABLE evidence_revision_file (
        evidence_id uuid NOT NULL,
        revision integer NOT NULL,
        file_id uuid NOT NULL REFERENCES evidence_file (id) ON DELETE RESTRICT,
        PRIMARY KEY (evidence_id, revision, file_id),
        FOREIGN KEY (evidence_id, revision) REFERENCES evidence_revision (evidence_id, number) ON DELETE RESTRICT
      )`);
    await runner.query(`CREATE INDEX ix_evidence_revision_file_file ON evidence_revision_file (file_id)`);

    await runner.query(`
      CREATE TABLE evidence_verdict (
        id uuid PRIMARY KEY,
        evidence_id uuid NOT NULL,
        revision integer NOT NULL,
        verdict text NOT NULL,
        comment text,
        reviewer_user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE RESTRICT,
        reviewer_employee_id uuid REFERENCES employee (id) ON DELETE RESTRICT,
        given_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        FOREIGN KEY (evidence_id, revision) REFERENCES evidence_revision (evidence_id, number) ON DELETE RESTRICT,
        CONSTRAINT ck_evidence_verdict_verdict CHECK (verdict IN ('accepted', 'changes_requested', 'rejected')),
        CONSTRAINT ck_evidence_verdict_comment CHECK (
          (verdict = 'accepted' OR comment IS NOT NULL) AND (comment IS NULL OR length(comment) BETWEEN 1 AND 5000))
      )`);
    await runner.query(`CREATE UNIQUE INDEX uq_evidence_verdict_revision ON evidence_verdict (evidence_id, revision)`);

    await runner.query(`
      CREATE TABLE evidence_comment (
        id uuid PRIMARY KEY,
        evidence_id uuid NOT NULL REFERENCES evidence (id) ON DELETE RESTRICT,
        author_user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE RESTRICT,
        body text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        CONSTRAINT ck_evidence_comment_body CHECK (length(body) BETWEEN 1 AND 5000)
      )`);
    await runner.query(`CREATE INDEX ix_evidence_comment_evidence ON evidence_comment (evidence_id, created_at)`);

    // History that must never be rewritten: verdicts and comments outright; revisions, their claims
    // and their files once submitted.
    await runner.query(`
      CREATE FUNCTION evidence_history_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% cannot be changed or deleted: evidence history is append-only', TG_TABLE_NAME
          USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await runner.query(`
      CREATE FUNCTION evidence_revision_is_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        submitted boolean;
      BEGIN
        IF TG_TABLE_NAME = 'evidence_revision' THEN
          submitted := OLD.submitted_at IS NOT NULL;
        ELSE
          SELECT r.submitted_at IS NOT NULL INTO submitted FROM evidence_revision r
          WHERE r.evidence_id = OLD.evidence_id AND r.number = OLD.revision;
        END IF;
        IF coalesce(submitted, false) THEN
          RAISE EXCEPTION 'a submitted evidence revision cannot be changed or deleted: amend it with a new revision'
            USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
      END $$`);
    for (const table of ['evidence_verdict', 'evidence_comment']) {
      await runner.query(`
        CREATE TRIGGER tr_${table}_append_only BEFORE UPDATE OR DELETE ON ${table}
        FOR EACH ROW EXECUTE FUNCTION evidence_history_is_append_only()`);
    }
    for (const table of ['evidence_revision', 'evidence_claim', 'evidence_revision_file']) {
      await runner.query(`
        CREATE TRIGGER tr_${table}_frozen BEFORE UPDATE OR DELETE ON ${table}
        FOR EACH ROW EXECUTE FUNCTION evidence_revision_is_frozen()`);
    }
    for (const table of ['evidence_verdict', 'evidence_comment', 'evidence_revision', 'evidence_claim', 'evidence_revision_file']) {
      await runner.query(`
        CREATE TRIGGER tr_${table}_no_truncate BEFORE TRUNCATE ON ${table}
        FOR EACH STATEMENT EXECUTE FUNCTION evidence_history_is_append_only()`);
    }

    await runner.query(`
      CREATE TABLE notification (
        id uuid PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
        kind text NOT NULL,
        text text NOT NULL,
        evidence_id uuid REFERENCES evidence (id) ON DELETE CASCADE,
        employee_id uuid REFERENCES employee (id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        read_at timestamptz,
        CONSTRAINT ck_notification_kind CHECK (kind IN ('evidence_submitted', 'evidence_verdict', 'evidence_comment'))
      )`);
    await runner.query(`CREATE INDEX ix_notification_user ON notification (user_id, created_at DESC)`);
    await runner.query(`CREATE INDEX ix_notification_unread ON notification (user_id) WHERE read_at IS NULL`);

    await runner.query(`
      CREATE TABLE mail_outbox (
        id uuid PRIMARY KEY,
        to_address text NOT NULL,
        subject text NOT NULL,
        body text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz,
        last_error text
      )`);
    await runner.query(`CREATE INDEX ix_mail_outbox_due ON mail_outbox (next_attempt_at) WHERE sent_at IS NULL`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE mail_outbox`);
    await runner.query(`DROP TABLE notification`);
    await runner.query(`DROP TABLE evidence_comment`);
    await runner.query(`DROP TABLE evidence_verdict`);
    await runner.query(`DROP TABLE evidence_revision_file`);
    await runner.query(`DROP TABLE evidence_file`);
    await runner.query(`DROP TABLE evidence_claim`);
    await runner.query(`DROP TABLE evidence_revision`);
    await runner.query(`DROP TABLE evidence`);
    await runner.query(`DROP TABLE stored_file_chunk`);
    await runner.query(`DROP TABLE stored_file`);
    await runner.query(`DROP FUNCTION evidence_revision_is_frozen()`);
    await runner.query(`DROP FUNCTION evidence_history_is_append_only()`);
    await runner.query(`DELETE FROM app_setting WHERE key IN ('evidence.max_file_mb', 'evidence.max_files')`);
  }
}
