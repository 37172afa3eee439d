import { MigrationInterface, QueryRunner } from 'typeorm';

const ON_INSERT = (bulkCheck: string) => `
  CREATE OR REPLACE FUNCTION employee_line_on_insert() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN${bulkCheck}
    INSERT INTO employee_line (ancestor_id, descendant_id, depth)
    SELECT NEW.id, NEW.id, 0
    UNION ALL
    SELECT l.ancestor_id, NEW.id, l.depth + 1 FROM employee_line l WHERE l.descendant_id = NEW.manager_id;
    RETURN NULL;
  END $$`;

const ON_MANAGER_CHANGE = (bulkCheck: string) => `
  CREATE OR REPLACE FUNCTION employee_line_on_manager_change() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN${bulkCheck}
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
  END $$`;

/**
 * The transaction-local setting `proficio.bulk_line = 'on'` makes the triggers skip a row: the
 * writer (the people import) then rebuilds the closure rows of everyone it touched in one statement.
 */
const BULK_CHECK = `
    IF current_setting('proficio.bulk_line', true) = 'on' THEN
      RETURN NULL;
    END IF;`;

/**
 * People imports (uploaded CSV/XLSX files between preview and commit, one row
 * per line of the file), and a bulk mode for the reporting-line triggers so that
 * an import of tens of thousands of people does not maintain the closure table
 * row by row.
 */
export class CreatePeopleImport1795300000005 implements MigrationInterface {
  name = 'CreatePeopleImport1795300000005';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE people_import (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        file_name text NOT NULL,
        format text NOT NULL,
        status text NOT NULL DEFAULT 'previewed',
        columns text[] NOT NULL,
        counts jsonb NOT NULL,
        warnings jsonb NOT NULL DEFAULT '[]'::jsonb,
        teams_to_create jsonb NOT NULL DEFAULT '[]'::jsonb,
        created_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        committed_at timestamptz,
        result jsonb,
        CONSTRAINT ck_people_import_status CHECK (status IN ('previewed', 'committed')),
        CONSTRAINT ck_people_import_format CHECK (format IN ('csv', 'xlsx'))
      )`);
    await runner.query(`CREATE INDEX ix_people_import_created ON people_import (created_at)`);
    await runner.query(`
      CREATE TABLE people_import_row (
        import_id uuid NOT NULL REFERENCES people_import (id) ON DELETE CASCADE,
        row_number integer NOT NULL,
        email text NOT NULL,
        name text NOT NULL,
        job_title text,
        team_path text,
        manager_email text,
        role_profile text,
        extra_cells boolean NOT NULL DEFAULT false,
        action text NOT NULL,
        errors jsonb,
        PRIMARY KEY (import_id, row_number),
        CONSTRAINT ck_people_import_row_action CHECK (action IN ('create', 'update', 'unchanged', 'error'))
      )`);
    await runner.query(`CREATE INDEX ix_people_import_row_errors ON people_import_row (import_id, row_number) WHERE errors IS NOT NULL`);
    await runner.query(ON_INSERT(BULK_CHECK));
    await runner.query(ON_MANAGER_CHANGE(BULK_CHECK));
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(ON_MANAGER_CHANGE(''));
    await runner.query(ON_INSERT(''));
    await runner.query(`DROP TABLE people_import_row`);
    await runner.query(`DROP TABLE people_import`);
  }
}
