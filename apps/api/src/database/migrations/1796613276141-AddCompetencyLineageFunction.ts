import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `competency_lineage(competency)`: the first competency of the chain of
 * `previous_competency_id` ending at this one (itself when it has no
 * predecessor) — the identity that ratings, targets and evidence share across
 * a framework's versions. Queries that need a lineage call it instead of
 * writing the recursion again. (The assessment trigger of CreateAssessments
 * computes the same for `assessment.lineage_id`; it is left as it was written.)
 */
export class AddCompetencyLineageFunction1796613276141 implements MigrationInterface {
  name = 'AddCompetencyLineageFunction1796613276141';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE FUNCTION competency_lineage(competency uuid) RETURNS uuid LANGUAGE sql STABLE PARALLEL SAFE AS $$
        WITH RECURSIVE chain AS (
          SELECT c.id, c.previous_competency_id, 0 AS depth FROM competency c WHERE c.id = competency
          UNION ALL
          SELECT p.id, p.previous_competency_id, chain.depth + 1 FROM competency p JOIN chain ON p.id = chain.previous_competency_id
          WHERE chain.depth < 100
        )
        SELECT id FROM chain ORDER BY depth DESC LIMIT 1
      $$`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP FUNCTION competency_lineage(uuid)`);
  }
}
