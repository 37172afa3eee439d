import type { LocalizedText } from '@proficio/shared/contracts';
import { type Paging, type PagedRows, query, queryOne, queryPage, sql, type SqlRunner } from '../common/sql';

/** A competency as an assessment needs it: its framework version, and the levels it may be rated at. */
export interface CompetencyFactsRow {
  id: string;
  code: string;
  title: LocalizedText;
  framework_version_id: string;
  framework_code: string;
  framework_name: LocalizedText;
  version_label: string;
  version_number: number;
  default_language: string;
  languages: string[];
  /** The competency's own levels, or its framework's scale when it has none, ascending. */
  levels: { level: number; code: string; label: LocalizedText }[];
  lineage_id: string;
}

const COMPETENCY_FACTS = sql`
  SELECT c.id, c.code, c.title, v.id AS framework_version_id, v.code AS framework_code, v.name AS framework_name,
         v.version_label, v.version_number, v.default_language, v.languages,
         COALESCE(
           (SELECT json_agg(json_build_object('level', cl.level_number, 'code', s.code, 'label', s.label) ORDER BY cl.level_number)
            FROM competency_level cl JOIN scale_level s ON s.id = cl.scale_level_id WHERE cl.competency_id = c.id),
           (SELECT json_agg(json_build_object('level', s.number, 'code', s.code, 'label', s.label) ORDER BY s.number)
            FROM scale_level s WHERE s.framework_version_id = v.id),
           '[]'::json) AS levels,
         (WITH RECURSIVE chain AS (
            SELECT c.id, c.previous_competency_id, 0 AS depth
            UNION ALL
            SELECT p.id, p.previous_competency_id, chain.depth + 1 FROM competency p JOIN chain ON p.id = chain.previous_competency_id
            WHERE chain.depth < 100)
          SELECT id FROM chain ORDER BY depth DESC LIMIT 1) AS lineage_id
  FROM competency c JOIN framework_version v ON v.id = c.framework_version_id`;

export function competencyFacts(runner: SqlRunner, competencyIds: readonly string[]): Promise<CompetencyFactsRow[]> {
  return query<CompetencyFactsRow>(runner, sql`${COMPETENCY_FACTS} WHERE c.id = ANY(${competencyIds}::uuid[])`);
}

/** One assessment with what its view shows: the assessor's name, the level's code and label, what replaced it. */
export interface AssessmentRow {
  id: string;
  employee_id: string;
  competency_id: string;
  kind: 'assessment' | 'correction' | 'withdrawal';
  role: 'manager' | 'self';
  outcome: 'rated' | 'not_assessed' | 'not_applicable' | null;
  level: number | null;
  level_code: string | null;
  level_label: LocalizedText | null;
  assessed_on: string;
  recorded_at: Date;
  assessor_user_id: string;
  assessor_employee_id: string | null;
  assessor_name: string;
  rationale: string | null;
  confidence: 'low' | 'medium' | 'high' | null;
  replaces_id: string | null;
  reason: string | null;
  replaced_by: string | null;
  /** The person was anonymised: their free texts are withheld. */
  anonymised: boolean;
}

const ASSESSMENT_COLUMNS = sql`
  a.id, a.employee_id, a.competency_id, a.kind, a.role, a.outcome, a.level,
  s.code AS level_code, s.label AS level_label, to_char(a.assessed_on, 'YYYY-MM-DD') AS assessed_on, a.recorded_at,
  a.assessor_user_id, a.assessor_employee_id, COALESCE(ae.name, u.email) AS assessor_name,
  a.rationale, a.confidence, a.replaces_id, a.reason,
  (SELECT r.id FROM assessment r WHERE r.replaces_id = a.id) AS replaced_by,
  (subject.anonymised_at IS NOT NULL) AS anonymised`;

const ASSESSMENT_FROM = sql`
  FROM assessment a
  JOIN employee subject ON subject.id = a.employee_id
  JOIN app_user u ON u.id = a.assessor_user_id
  LEFT JOIN employee ae ON ae.id = a.assessor_employee_id
  LEFT JOIN competency c ON c.id = a.competency_id
  LEFT JOIN scale_level s ON s.framework_version_id = c.framework_version_id AND s.number = a.level`;

export function assessmentById(runner: SqlRunner, id: string): Promise<AssessmentRow | undefined> {
  return queryOne<AssessmentRow>(runner, sql`SELECT ${ASSESSMENT_COLUMNS} ${ASSESSMENT_FROM} WHERE a.id = ${id}`);
}

/** A person's history, newest first (by date, then by time written), optionally on one competency's lineage. */
export function assessmentHistory(
  runner: SqlRunner,
  employeeId: string,
  lineageId: string | undefined,
  paging: Paging,
): Promise<PagedRows<AssessmentRow>> {
  const lineage = lineageId ? sql`AND a.lineage_id = ${lineageId}` : sql``;
  return queryPage<AssessmentRow>(
    runner,
    {
      select: ASSESSMENT_COLUMNS,
      from: sql`${ASSESSMENT_FROM} WHERE a.employee_id = ${employeeId} ${lineage}`,
      orderBy: sql`a.assessed_on DESC, a.recorded_at DESC, a.id`,
    },
    paging,
  );
}

/** The newest record of a role for a person and lineage (replaced or not), which a form's `basedOn` must match. */
export async function latestRecordId(runner: SqlRunner, employeeId: string, lineageId: string, role: string): Promise<string | null> {
  const row = await queryOne<{ id: string }>(
    runner,
    sql`SELECT id FROM assessment WHERE employee_id = ${employeeId} AND lineage_id = ${lineageId} AND role = ${role}
        ORDER BY recorded_at DESC, id DESC LIMIT 1`,
  );
  return row?.id ?? null;
}

/** Serialises writers of one person, lineage and role for the rest of the transaction (the trigger takes the same lock). */
export async function lockAssessmentKey(runner: SqlRunner, employeeId: string, lineageId: string, role: string): Promise<void> {
  await query(runner, sql`SELECT pg_advisory_xact_lock(hashtextextended(${employeeId + lineageId + role}, 0))`);
}

/** What a correction or withdrawal needs to know about the record it replaces. */
export interface ReplacedRow {
  id: string;
  employee_id: string;
  lineage_id: string;
  role: 'manager' | 'self' | 'peer';
  kind: string;
  assessed_on: string;
  replaced: boolean;
}

export function replacedRecord(runner: SqlRunner, id: string): Promise<ReplacedRow | undefined> {
  return queryOne<ReplacedRow>(
    runner,
    sql`SELECT a.id, a.employee_id, a.lineage_id, a.role, a.kind, to_char(a.assessed_on, 'YYYY-MM-DD') AS assessed_on,
               EXISTS (SELECT 1 FROM assessment r WHERE r.replaces_id = a.id) AS replaced
        FROM assessment a WHERE a.id = ${id}`,
  );
}

/** `assessment.stale_after_months`, or the default when unset or not a positive whole number. */
export async function staleAfterMonths(runner: SqlRunner, fallback: number): Promise<number> {
  const row = await queryOne<{ value: unknown }>(runner, sql`SELECT value FROM app_setting WHERE key = 'assessment.stale_after_months'`);
  const value = row?.value;
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : fallback;
}

/** A person's role profiles (held, growing towards), their requirements, and the competencies they have been assessed on. */
export interface EmployeeCompetencyRow {
  competency_id: string;
  lineage_id: string;
  /** 0: the held role's requirement; 1: the target role's; 2: assessed only. */
  source_rank: number;
  position: number;
  target_level: number | null;
  target_required: boolean | null;
  target_profile_id: string | null;
  target_profile_name: string | null;
  growth_level: number | null;
  growth_profile_id: string | null;
  growth_profile_name: string | null;
  manager_assessment_id: string | null;
  manager_outcome: 'rated' | 'not_assessed' | 'not_applicable' | null;
  manager_level: number | null;
  manager_assessed_on: string | null;
  manager_competency_id: string | null;
  self_assessment_id: string | null;
  self_outcome: 'rated' | 'not_assessed' | 'not_applicable' | null;
  self_level: number | null;
  self_assessed_on: string | null;
  self_competency_id: string | null;
}

/**
 * One row per competency lineage the Competencies tab shows: the held role profile's published
 * requirements (in its order), the target role's, then every other lineage with a current level,
 * each joined to the current manager and self levels. Current levels come from
 * current_competency_level (kept by the trigger), not from history.
 */
export function employeeCompetencies(runner: SqlRunner, employeeId: string): Promise<EmployeeCompetencyRow[]> {
  return query<EmployeeCompetencyRow>(
    runner,
    sql`
      WITH RECURSIVE person AS (
        SELECT id, role_profile_id, target_role_profile_id FROM employee WHERE id = ${employeeId}
      ),
      requirement AS (
        SELECT r.competency_id, r.target_level, r.required, r.position, p.id AS profile_id, p.name AS profile_name,
               (p.id = person.role_profile_id) AS held
        FROM person
        JOIN role_profile p ON p.id IN (person.role_profile_id, person.target_role_profile_id)
        JOIN role_profile_version v ON v.role_profile_id = p.id AND v.status = 'published'
        JOIN role_profile_requirement r ON r.role_profile_version_id = v.id
      ),
      chain AS (
        SELECT id AS start_id, id, previous_competency_id, 0 AS depth FROM competency
        WHERE id IN (SELECT competency_id FROM requirement)
        UNION ALL
        SELECT chain.start_id, c.id, c.previous_competency_id, chain.depth + 1
        FROM competency c JOIN chain ON c.id = chain.previous_competency_id WHERE chain.depth < 100
      ),
      requirement_lineage AS (
        SELECT DISTINCT ON (start_id) start_id AS competency_id, id AS lineage_id FROM chain ORDER BY start_id, depth DESC
      ),
      wanted AS (
        SELECT rl.lineage_id,
               min(CASE WHEN r.held THEN 0 ELSE 1 END) AS source_rank,
               min(r.position) AS position,
               (array_agg(r.competency_id ORDER BY r.held DESC))[1] AS competency_id,
               max(r.target_level) FILTER (WHERE r.held) AS target_level,
               bool_or(r.required) FILTER (WHERE r.held) AS target_required,
               (array_agg(r.profile_id) FILTER (WHERE r.held))[1] AS target_profile_id,
               (array_agg(r.profile_name) FILTER (WHERE r.held))[1] AS target_profile_name,
               max(r.target_level) FILTER (WHERE NOT r.held) AS growth_level,
               (array_agg(r.profile_id) FILTER (WHERE NOT r.held))[1] AS growth_profile_id,
               (array_agg(r.profile_name) FILTER (WHERE NOT r.held))[1] AS growth_profile_name
        FROM requirement r JOIN requirement_lineage rl ON rl.competency_id = r.competency_id
        GROUP BY rl.lineage_id
      ),
      assessed AS (
        SELECT lineage_id,
               (array_agg(competency_id ORDER BY assessed_on DESC))[1] AS competency_id
        FROM current_competency_level WHERE employee_id = ${employeeId}
        GROUP BY lineage_id
      ),
      rows AS (
        SELECT w.lineage_id, w.competency_id, w.source_rank, w.position, w.target_level, w.target_required, w.target_profile_id,
               w.target_profile_name, w.growth_level, w.growth_profile_id, w.growth_profile_name
        FROM wanted w
        UNION ALL
        SELECT a.lineage_id, a.competency_id, 2, 0, NULL, NULL, NULL, NULL, NULL, NULL, NULL
        FROM assessed a WHERE a.lineage_id NOT IN (SELECT lineage_id FROM wanted)
      )
      SELECT rows.*,
             m.assessment_id AS manager_assessment_id, m.outcome AS manager_outcome, m.level AS manager_level,
             to_char(m.assessed_on, 'YYYY-MM-DD') AS manager_assessed_on, m.competency_id AS manager_competency_id,
             s.assessment_id AS self_assessment_id, s.outcome AS self_outcome, s.level AS self_level,
             to_char(s.assessed_on, 'YYYY-MM-DD') AS self_assessed_on, s.competency_id AS self_competency_id
      FROM rows
      LEFT JOIN current_competency_level m ON m.employee_id = ${employeeId} AND m.lineage_id = rows.lineage_id AND m.role = 'manager'
      LEFT JOIN current_competency_level s ON s.employee_id = ${employeeId} AND s.lineage_id = rows.lineage_id AND s.role = 'self'
      ORDER BY rows.source_rank, rows.position`,
  );
}
