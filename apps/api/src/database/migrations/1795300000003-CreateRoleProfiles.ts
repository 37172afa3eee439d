import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Role profiles: a named role ("Service Desk Analyst") with the competencies it
 * needs and a target level for each. Like frameworks, a profile (its stable
 * identity and name) has versions; a published version is immutable, and a new
 * version starts as a draft copy. Requirements point at a competency of a
 * framework version and at one of that competency's own levels (a composite
 * foreign key on competency_level), so every target is level-precise.
 * Employees hold a current and a target role profile.
 */
export class CreateRoleProfiles1795300000003 implements MigrationInterface {
  name = 'CreateRoleProfiles1795300000003';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE role_profile (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        archived_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ck_role_profile_name CHECK (length(btrim(name)) BETWEEN 1 AND 200)
      )`);
    await runner.query(`CREATE UNIQUE INDEX uq_role_profile_name ON role_profile (lower(name))`);
    await runner.query(`
      CREATE TABLE role_profile_version (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        role_profile_id uuid NOT NULL REFERENCES role_profile (id) ON DELETE CASCADE,
        version_number integer NOT NULL,
        previous_version_id uuid REFERENCES role_profile_version (id) ON DELETE RESTRICT,
        description text,
        status text NOT NULL DEFAULT 'draft',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        published_at timestamptz,
        CONSTRAINT uq_role_profile_version_number UNIQUE (role_profile_id, version_number),
        CONSTRAINT ck_role_profile_version_number CHECK (version_number >= 1),
        CONSTRAINT ck_role_profile_version_status CHECK (status IN ('draft', 'published', 'retired')),
        CONSTRAINT ck_role_profile_version_description CHECK (description IS NULL OR length(description) <= 5000)
      )`);
    // At most one draft and one published version per profile at any time.
    await runner.query(
      `CREATE UNIQUE INDEX uq_role_profile_version_draft ON role_profile_version (role_profile_id) WHERE status = 'draft'`,
    );
    await runner.query(
      `CREATE UNIQUE INDEX uq_role_profile_version_published ON role_profile_version (role_profile_id) WHERE status = 'published'`,
    );
    await runner.query(`
      CREATE TABLE role_profile_requirement (
        role_profile_version_id uuid NOT NULL REFERENCES role_profile_version (id) ON DELETE CASCADE,
        competency_id uuid NOT NULL REFERENCES competency (id) ON DELETE RESTRICT,
        target_level integer NOT NULL,
        required boolean NOT NULL DEFAULT true,
        position integer NOT NULL,
        PRIMARY KEY (role_profile_version_id, competency_id),
        CONSTRAINT fk_role_profile_requirement_level FOREIGN KEY (competency_id, target_level)
          REFERENCES competency_level (competency_id, level_number) ON DELETE RESTRICT
      )`);
    await runner.query(`CREATE INDEX ix_role_profile_requirement_competency ON role_profile_requirement (competency_id)`);
    // Only a draft's requirements can change.
    await runner.query(`
      CREATE FUNCTION role_profile_requirement_draft_only() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        version_status text;
      BEGIN
        SELECT status INTO version_status FROM role_profile_version
        WHERE id = CASE WHEN TG_OP = 'DELETE' THEN OLD.role_profile_version_id ELSE NEW.role_profile_version_id END;
        IF version_status IS DISTINCT FROM 'draft' AND version_status IS NOT NULL THEN
          RAISE EXCEPTION 'role profile version is % and cannot change', version_status
            USING ERRCODE = 'check_violation', CONSTRAINT = 'ck_role_profile_requirement_draft_only';
        END IF;
        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
      END $$`);
    await runner.query(`
      CREATE TRIGGER tr_role_profile_requirement_draft_only BEFORE INSERT OR UPDATE OR DELETE ON role_profile_requirement
      FOR EACH ROW EXECUTE FUNCTION role_profile_requirement_draft_only()`);
    await runner.query(`
      ALTER TABLE employee
        ADD COLUMN role_profile_id uuid REFERENCES role_profile (id) ON DELETE RESTRICT,
        ADD COLUMN target_role_profile_id uuid REFERENCES role_profile (id) ON DELETE RESTRICT`);
    await runner.query(`CREATE INDEX ix_employee_role_profile ON employee (role_profile_id)`);
    await runner.query(`CREATE INDEX ix_employee_target_role_profile ON employee (target_role_profile_id)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE employee DROP COLUMN target_role_profile_id, DROP COLUMN role_profile_id`);
    await runner.query(`DROP TABLE role_profile_requirement`);
    await runner.query(`DROP FUNCTION role_profile_requirement_draft_only()`);
    await runner.query(`DROP TABLE role_profile_version`);
    await runner.query(`DROP TABLE role_profile`);
  }
}
