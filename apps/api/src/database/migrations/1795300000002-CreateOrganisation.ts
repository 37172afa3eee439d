import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * People and access: teams (a tree of org units), employees with their
 * reporting line (manager_id; separate from team membership, for matrix
 * organisations), user accounts and their refresh tokens, and the audit log.
 * Emails are unique case-insensitively. Audit rows can only be inserted.
 */
export class CreateOrganisation1795300000002 implements MigrationInterface {
  name = 'CreateOrganisation1795300000002';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE team (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        parent_id uuid REFERENCES team (id) ON DELETE RESTRICT,
        name text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ck_team_name CHECK (length(btrim(name)) BETWEEN 1 AND 200),
        CONSTRAINT ck_team_not_own_parent CHECK (parent_id IS DISTINCT FROM id)
      )`);
    await runner.query(`CREATE UNIQUE INDEX uq_team_sibling_name ON team (parent_id, lower(name)) NULLS NOT DISTINCT`);
    await runner.query(`
      CREATE TABLE employee (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL,
        name text NOT NULL,
        job_title text,
        team_id uuid REFERENCES team (id) ON DELETE SET NULL,
        manager_id uuid REFERENCES employee (id) ON DELETE SET NULL,
        start_date date,
        status text NOT NULL DEFAULT 'active',
        anonymised_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ck_employee_status CHECK (status IN ('active', 'left')),
        CONSTRAINT ck_employee_not_own_manager CHECK (manager_id IS DISTINCT FROM id),
        CONSTRAINT ck_employee_name CHECK (length(btrim(name)) BETWEEN 1 AND 200),
        CONSTRAINT ck_employee_email CHECK (length(email) BETWEEN 3 AND 320)
      )`);
    await runner.query(`CREATE UNIQUE INDEX uq_employee_email ON employee (lower(email))`);
    await runner.query(`CREATE INDEX ix_employee_manager ON employee (manager_id)`);
    await runner.query(`CREATE INDEX ix_employee_team ON employee (team_id)`);
    // The reporting line as a closure table: one row per (manager, person below
    // them at any depth), plus each person with themselves at depth 0. Kept by
    // triggers on employee, so "who is in X's line" is one indexed lookup.
    await runner.query(`
      CREATE TABLE employee_line (
        ancestor_id uuid NOT NULL REFERENCES employee (id) ON DELETE CASCADE,
        descendant_id uuid NOT NULL REFERENCES employee (id) ON DELETE CASCADE,
        depth integer NOT NULL,
        PRIMARY KEY (ancestor_id, descendant_id),
        CONSTRAINT ck_employee_line_depth CHECK (depth >= 0)
      )`);
    await runner.query(`CREATE INDEX ix_employee_line_descendant ON employee_line (descendant_id, depth)`);
    await runner.query(`
      CREATE FUNCTION employee_line_on_insert() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO employee_line (ancestor_id, descendant_id, depth)
        SELECT NEW.id, NEW.id, 0
        UNION ALL
        SELECT l.ancestor_id, NEW.id, l.depth + 1 FROM employee_line l WHERE l.descendant_id = NEW.manager_id;
        RETURN NULL;
      END $$`);
    await runner.query(`
      CREATE FUNCTION employee_line_on_manager_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.manager_id IS NOT NULL AND EXISTS (
          SELECT 1 FROM employee_line WHERE ancestor_id = NEW.id AND descendant_id = NEW.manager_id
        ) THEN
          RAISE EXCEPTION 'employee % cannot report to % : that would make the reporting line a cycle', NEW.id, NEW.manager_id
            USING ERRCODE = 'check_violation', CONSTRAINT = 'ck_employee_reporting_line_cycle';
        END IF;
        -- detach the subtree rooted at NEW.id from its old managers
        DELETE FROM employee_line
        WHERE descendant_id IN (SELECT descendant_id FROM employee_line WHERE ancestor_id = NEW.id)
          AND ancestor_id IN (SELECT ancestor_id FROM employee_line WHERE descendant_id = NEW.id AND ancestor_id <> NEW.id);
        -- attach it below the new manager's line
        INSERT INTO employee_line (ancestor_id, descendant_id, depth)
        SELECT above.ancestor_id, below.descendant_id, above.depth + below.depth + 1
        FROM employee_line above CROSS JOIN employee_line below
        WHERE above.descendant_id = NEW.manager_id AND below.ancestor_id = NEW.id;
        RETURN NULL;
      END $$`);
    await runner.query(
      `CREATE TRIGGER tr_employee_line_insert AFTER INSERT ON employee FOR EACH ROW EXECUTE FUNCTION employee_line_on_insert()`,
    );
    await runner.query(`
      CREATE TRIGGER tr_employee_line_manager AFTER UPDATE OF manager_id ON employee
      FOR EACH ROW WHEN (OLD.manager_id IS DISTINCT FROM NEW.manager_id) EXECUTE FUNCTION employee_line_on_manager_change()`);
    await runner.query(`
      CREATE TABLE app_user (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL,
        password_hash text,
        is_admin boolean NOT NULL DEFAULT false,
        employee_id uuid REFERENCES employee (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        password_changed_at timestamptz,
        disabled_at timestamptz,
        CONSTRAINT uq_app_user_employee UNIQUE (employee_id)
      )`);
    await runner.query(`CREATE UNIQUE INDEX uq_app_user_email ON app_user (lower(email))`);
    await runner.query(`
      CREATE TABLE refresh_token (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
        family_id uuid NOT NULL,
        token_hash text NOT NULL,
        expires_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        used_at timestamptz,
        revoked_at timestamptz,
        CONSTRAINT uq_refresh_token_hash UNIQUE (token_hash)
      )`);
    await runner.query(`CREATE INDEX ix_refresh_token_family ON refresh_token (family_id)`);
    // Per-instance secrets (the token signing key), created at first start.
    await runner.query(`
      CREATE TABLE instance_secret (
        name text PRIMARY KEY,
        value text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`
      CREATE TABLE audit_event (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        occurred_at timestamptz NOT NULL DEFAULT now(),
        actor_user_id uuid,
        action text NOT NULL,
        entity_type text NOT NULL,
        entity_id text,
        before jsonb,
        after jsonb
      )`);
    await runner.query(`CREATE INDEX ix_audit_event_entity ON audit_event (entity_type, entity_id, occurred_at DESC)`);
    await runner.query(`CREATE INDEX ix_audit_event_occurred ON audit_event (occurred_at DESC)`);
    await runner.query(`
      CREATE FUNCTION audit_event_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_event rows cannot be changed or deleted' USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await runner.query(`
      CREATE TRIGGER tr_audit_event_append_only BEFORE UPDATE OR DELETE ON audit_event
      FOR EACH ROW EXECUTE FUNCTION audit_event_is_append_only()`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE audit_event`);
    await runner.query(`DROP FUNCTION audit_event_is_append_only()`);
    await runner.query(`DROP TABLE instance_secret`);
    await runner.query(`DROP TABLE refresh_token`);
    await runner.query(`DROP TABLE app_user`);
    await runner.query(`DROP TABLE employee_line`);
    await runner.query(`DROP TABLE employee`);
    await runner.query(`DROP FUNCTION employee_line_on_insert()`);
    await runner.query(`DROP FUNCTION employee_line_on_manager_change()`);
    await runner.query(`DROP TABLE team`);
  }
}
