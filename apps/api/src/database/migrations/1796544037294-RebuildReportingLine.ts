import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One definition of the reporting line (the employee_line closure table):
 * rebuild_employee_line(ids) recomputes the closure rows of these people from
 * the manager_id chain, and refuses a cycle. Everything else calls it:
 *   - the row triggers on employee, for the person inserted or moved and
 *     everyone below them;
 *   - the people import, which switches the row triggers off for its
 *     transaction (proficio.bulk_line = 'on') and then calls it once for
 *     everyone whose line changed;
 *   - rebuild_employee_line() with no argument rebuilds the whole table (repair).
 * Before, the triggers maintained the closure incrementally (migrations
 * CreateOrganisation and CreatePeopleImport) and the import writer had its own
 * recursive rebuild.
 */
export class RebuildReportingLine1796544037294 implements MigrationInterface {
  name = 'RebuildReportingLine1796544037294';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION rebuild_employee_line(ids uuid[] DEFAULT NULL) RETURNS void LANGUAGE plpgsql AS $$
      DECLARE
        in_cycle uuid;
      BEGIN
        IF ids IS NULL THEN
          DELETE FROM employee_line;
          ids := ARRAY(SELECT id FROM employee);
        ELSE
          DELETE FROM employee_line l USING unnest(ids) AS a(id) WHERE l.descendant_id = a.id;
        END IF;
        -- each person at depth 0, then their manager at 1, the manager's manager at 2, …
        WITH RECURSIVE up (ancestor_id, descendant_id, depth) AS (
          SELECT DISTINCT a.id, a.id, 0 FROM unnest(ids) AS a(id)
          UNION ALL
          SELECT e.manager_id, up.descendant_id, up.depth + 1
          FROM up JOIN employee e ON e.id = up.ancestor_id
          WHERE e.manager_id IS NOT NULL
        ) CYCLE ancestor_id SET looped USING path,
        inserted AS (
          INSERT INTO employee_line (ancestor_id, descendant_id, depth)
          SELECT ancestor_id, descendant_id, depth FROM up WHERE NOT looped
        )
        SELECT descendant_id INTO in_cycle FROM up WHERE looped LIMIT 1;
        IF in_cycle IS NOT NULL THEN
          RAISE EXCEPTION 'the manager of employee % reports to them: that would make the reporting line a cycle', in_cycle
            USING ERRCODE = 'check_violation', CONSTRAINT = 'ck_employee_reporting_line_cycle';
        END IF;
      END $$`);
    // The row triggers: the person inserted or moved, and everyone below them (whose rows are still those before the move).
    await queryRunner.query(`
      CREATE FUNCTION employee_line_follow_manager() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF current_setting('proficio.bulk_line', true) = 'on' THEN
          RETURN NULL;
        END IF;
        PERFORM rebuild_employee_line(ARRAY(SELECT descendant_id FROM employee_line WHERE ancestor_id = NEW.id UNION SELECT NEW.id));
        RETURN NULL;
      END $$`);
    await queryRunner.query(`DROP TRIGGER tr_employee_line_insert ON employee`);
    await queryRunner.query(`DROP TRIGGER tr_employee_line_manager ON employee`);
    await queryRunner.query(`DROP FUNCTION employee_line_on_insert()`);
    await queryRunner.query(`DROP FUNCTION employee_line_on_manager_change()`);
    await queryRunner.query(
      `CREATE TRIGGER tr_employee_line_insert AFTER INSERT ON employee FOR EACH ROW EXECUTE FUNCTION employee_line_follow_manager()`,
    );
    await queryRunner.query(`
      CREATE TRIGGER tr_employee_line_manager AFTER UPDATE OF manager_id ON employee
      FOR EACH ROW WHEN (OLD.manager_id IS DISTINCT FROM NEW.manager_id) EXECUTE FUNCTION employee_line_follow_manager()`);
  }

  /** Back to the incremental triggers as CreatePeopleImport left them (their SQL copied from there). */
  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER tr_employee_line_insert ON employee`);
    await queryRunner.query(`DROP TRIGGER tr_employee_line_manager ON employee`);
    await queryRunner.query(`
      CREATE FUNCTION employee_line_on_insert() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF current_setting('proficio.bulk_line', true) = 'on' THEN
          RETURN NULL;
        END IF;
        INSERT INTO employee_line (ancestor_id, descendant_id, depth)
        SELECT NEW.id, NEW.id, 0
        UNION ALL
        SELECT l.ancestor_id, NEW.id, l.depth + 1 FROM employee_line l WHERE l.descendant_id = NEW.manager_id;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE FUNCTION employee_line_on_manager_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF current_setting('proficio.bulk_line', true) = 'on' THEN
          RETURN NULL;
        END IF;
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
    await queryRunner.query(
      `CREATE TRIGGER tr_employee_line_insert AFTER INSERT ON employee FOR EACH ROW EXECUTE FUNCTION employee_line_on_insert()`,
    );
    await queryRunner.query(`
      CREATE TRIGGER tr_employee_line_manager AFTER UPDATE OF manager_id ON employee
      FOR EACH ROW WHEN (OLD.manager_id IS DISTINCT FROM NEW.manager_id) EXECUTE FUNCTION employee_line_on_manager_change()`);
    await queryRunner.query(`DROP FUNCTION employee_line_follow_manager()`);
    await queryRunner.query(`DROP FUNCTION rebuild_employee_line(uuid[])`);
  }
}
