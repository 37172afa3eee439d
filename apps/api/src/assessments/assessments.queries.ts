import type { LocalizedText } from '@proficio/shared/contracts';
import type { FrameworkRefColumns } from '../frameworks';
import { type Paging, type PagedRows, query, queryOne, queryPage, queryPrepared, sql, type SqlRunner } from '../common/sql';

/** A competency as an assessment needs it: its framework version, and the levels it may be rated at. */
export interface CompetencyFactsRow extends FrameworkRefColumns {
  id: string;
  code: string;
  title: LocalizedText;
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
         competency_lineage(c.id) AS lineage_id
  FROM competency c JOIN framework_version v ON v.id = c.framework_version_id`;

/** Prepared once per connection (every read and write of assessments asks for it; see queryPrepared). */
export function competencyFacts(runner: SqlRunner, competencyIds: readonly string[]): Promise<CompetencyFactsRow[]> {
  return queryPrepared<CompetencyFactsRow>(
    runner,
    'assessments.competency-facts',
    sql`${COMPETENCY_FACTS} WHERE c.id = ANY(${competencyIds}::uuid[])`,
  );
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
  /** The accepted evidence it relied on. */
  evidence: { id: string; revision: number; title: string }[];
}

const ASSESSMENT_COLUMNS = sql`
  a.id, a.employee_id, a.competency_id, a.kind, a.role, a.outcome, a.level,
  s.code AS level_code, s.label AS level_label, to_char(a.assessed_on, 'YYYY-MM-DD') AS assessed_on, a.recorded_at,
  a.assessor_user_id, a.assessor_employee_id, COALESCE(ae.name, u.email) AS assessor_name,
  a.rationale, a.confidence, a.replaces_id, a.reason,
  (SELECT r.id FROM assessment r WHERE r.replaces_id = a.id) AS replaced_by,
  (subject.anonymised_at IS NOT NULL) AS anonymised,
  (SELECT coalesce(json_agg(json_build_object('id', l.evidence_id, 'revision', l.revision, 'title', er.title) ORDER BY er.title), '[]'::json)
     FROM assessment_evidence l JOIN evidence_revision er ON er.evidence_id = l.evidence_id AND er.number = l.revision
     WHERE l.assessment_id = a.id) AS evidence`;

const ASSESSMENT_FROM = sql`
  FROM assessment a
  JOIN employee subject ON subject.id = a.employee_id
  JOIN app_user u ON u.id = a.assessor_user_id
  LEFT JOIN employee ae ON ae.id = a.assessor_employee_id
  LEFT JOIN competency c ON c.id = a.competency_id
  LEFT JOIN scale_level s ON s.framework_version_id = c.framework_version_id AND s.number = a.level`;

export function assessmentsByIds(runner: SqlRunner, ids: readonly string[]): Promise<AssessmentRow[]> {
  return query<AssessmentRow>(runner, sql`SELECT ${ASSESSMENT_COLUMNS} ${ASSESSMENT_FROM} WHERE a.id = ANY(${ids}::uuid[])`);
}

/** Who is assessed on what, in which role: the key that writers are serialised on. */
export interface AssessmentKey {
  employeeId: string;
  lineageId: string;
  role: string;
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

/**
 * The record in force per key (what a form shows as the current level), which a form's `basedOn`
 * must match; keyed `employee/lineage/role`. Read after the keys are locked, so it cannot move.
 */
export async function currentRecordIds(runner: SqlRunner, keys: readonly AssessmentKey[]): Promise<Map<string, string>> {
  const rows = await query<{ key: string; id: string }>(
    runner,
    sql`SELECT c.employee_id || '/' || c.lineage_id || '/' || c.role AS key, c.assessment_id AS id
        FROM current_competency_level c
        JOIN jsonb_to_recordset(${JSON.stringify(keys)}::jsonb) AS k("employeeId" uuid, "lineageId" uuid, role text)
          ON c.employee_id = k."employeeId" AND c.lineage_id = k."lineageId" AND c.role = k.role`,
  );
  return new Map(rows.map((row) => [row.key, row.id]));
}

/** Serialises writers of these keys for the rest of the transaction (the trigger takes the same locks), in a fixed order. */
export async function lockAssessmentKeys(runner: SqlRunner, keys: readonly AssessmentKey[]): Promise<void> {
  const texts = [...new Set(keys.map((key) => key.employeeId + key.lineageId + key.role))].sort();
  await query(
    runner,
    sql`SELECT pg_advisory_xact_lock(hashtextextended(k, 0)) FROM unnest(${texts}::text[]) WITH ORDINALITY AS t(k, n) ORDER BY n`,
  );
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

export function replacedRecords(runner: SqlRunner, ids: readonly string[]): Promise<ReplacedRow[]> {
  return query<ReplacedRow>(
    runner,
    sql`SELECT a.id, a.employee_id, a.lineage_id, a.role, a.kind, to_char(a.assessed_on, 'YYYY-MM-DD') AS assessed_on,
               EXISTS (SELECT 1 FROM assessment r WHERE r.replaces_id = a.id) AS replaced
        FROM assessment a WHERE a.id = ANY(${ids}::uuid[])`,
  );
}

/** `assessment.stale_after_months`, or the default when unset or not a positive whole number. */
export function staleAfterMonths(runner: SqlRunner, fallback: number): Promise<number> {
  return settingNumber(runner, 'assessment.stale_after_months', fallback, (value) => Number.isInteger(value) && value > 0);
}

/**
 * A number among the instance's settings (`app_setting`, which this module keeps): `fallback` when it is
 * missing or `accepts` refuses it (by default anything but a positive number). The one reader of settings.
 */
export async function settingNumber(
  runner: SqlRunner,
  key: string,
  fallback: number,
  accepts: (value: number) => boolean = (value) => value > 0,
): Promise<number> {
  const row = await queryOne<{ value: unknown }>(runner, sql`SELECT value FROM app_setting WHERE key = ${key}`);
  return typeof row?.value === 'number' && accepts(row.value) ? row.value : fallback;
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
  // Prepared once per connection: parsing and planning this statement cost more than running it.
  return queryPrepared<EmployeeCompetencyRow>(
    runner,
    'assessments.employee-competencies',
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

/** A record in force at some time: not replaced by a correction or withdrawal, and not a withdrawal itself. */
export interface ProgressionRow {
  lineage_id: string;
  role: 'manager' | 'self';
  competency_id: string;
  outcome: 'rated' | 'not_assessed' | 'not_applicable';
  level: number | null;
  assessed_on: string;
  id: string;
}

export function progressionPoints(runner: SqlRunner, employeeId: string): Promise<ProgressionRow[]> {
  return query<ProgressionRow>(
    runner,
    sql`SELECT a.lineage_id, a.role, a.competency_id, a.outcome, a.level, to_char(a.assessed_on, 'YYYY-MM-DD') AS assessed_on, a.id
        FROM assessment a
        WHERE a.employee_id = ${employeeId} AND a.kind <> 'withdrawal' AND a.role IN ('manager', 'self')
          AND NOT EXISTS (SELECT 1 FROM assessment r WHERE r.replaces_id = a.id)
        ORDER BY a.assessed_on, a.recorded_at`,
  );
}

/** The people of a manager's team grid: direct reports, or the whole line, active, optionally holding one role profile. */
export interface TeamMemberRow {
  id: string;
  name: string;
  job_title: string | null;
  role_profile_id: string | null;
  role_profile_name: string | null;
  direct: boolean;
}

export function teamMembers(
  runner: SqlRunner,
  managerId: string,
  options: { wholeLine: boolean; roleProfileId?: string },
): Promise<TeamMemberRow[]> {
  const depth = options.wholeLine ? sql`l.depth > 0` : sql`l.depth = 1`;
  const profile = options.roleProfileId ? sql`AND e.role_profile_id = ${options.roleProfileId}` : sql``;
  return query<TeamMemberRow>(
    runner,
    sql`SELECT e.id, e.name, e.job_title, e.role_profile_id, p.name AS role_profile_name, (l.depth = 1) AS direct
        FROM employee_line l
        JOIN employee e ON e.id = l.descendant_id
        LEFT JOIN role_profile p ON p.id = e.role_profile_id
        WHERE l.ancestor_id = ${managerId} AND ${depth} AND e.status = 'active' ${profile}
        ORDER BY l.depth, e.name, e.id
        LIMIT 1000`,
  );
}

/** The published requirements of these role profiles, in profile order, with each competency's category and levels. */
export interface GridCompetencyRow {
  role_profile_id: string;
  competency_id: string;
  target_level: number;
  position: number;
  category_name: LocalizedText | null;
  level_descriptions: { level: number; description: LocalizedText | null }[];
}

export function gridRequirements(runner: SqlRunner, roleProfileIds: readonly string[]): Promise<GridCompetencyRow[]> {
  return query<GridCompetencyRow>(
    runner,
    sql`SELECT v.role_profile_id, r.competency_id, r.target_level, r.position, cat.name AS category_name,
               (SELECT json_agg(json_build_object('level', cl.level_number, 'description', cl.description) ORDER BY cl.level_number)
                FROM competency_level cl WHERE cl.competency_id = r.competency_id) AS level_descriptions
        FROM role_profile_version v
        JOIN role_profile_requirement r ON r.role_profile_version_id = v.id
        JOIN competency c ON c.id = r.competency_id
        LEFT JOIN category cat ON cat.id = c.category_id
        WHERE v.role_profile_id = ANY(${roleProfileIds}::uuid[]) AND v.status = 'published'
        ORDER BY v.role_profile_id, r.position`,
  );
}

/** Current manager levels of these people on these competency lineages. */
export interface GridLevelRow {
  employee_id: string;
  lineage_id: string;
  assessment_id: string;
  competency_id: string;
  outcome: 'rated' | 'not_assessed' | 'not_applicable';
  level: number | null;
  assessed_on: string;
}

export function gridLevels(runner: SqlRunner, employeeIds: readonly string[], lineageIds: readonly string[]): Promise<GridLevelRow[]> {
  return query<GridLevelRow>(
    runner,
    sql`SELECT employee_id, lineage_id, assessment_id, competency_id, outcome, level, to_char(assessed_on, 'YYYY-MM-DD') AS assessed_on
        FROM current_competency_level
        WHERE employee_id = ANY(${employeeIds}::uuid[]) AND lineage_id = ANY(${lineageIds}::uuid[]) AND role = 'manager'`,
  );
}

/** Evidence named by assessments: whose it is, whether it was accepted, and the competency lineages its accepted revision claims. */
export interface EvidenceForAssessmentRow {
  id: string;
  employee_id: string;
  status: string;
  revision: number | null;
  lineage_ids: string[];
}

export function evidenceForAssessments(runner: SqlRunner, ids: readonly string[]): Promise<EvidenceForAssessmentRow[]> {
  return query<EvidenceForAssessmentRow>(
    runner,
    sql`SELECT ev.id, ev.employee_id, ev.status, ev.submitted_revision AS revision,
          coalesce(array(
            SELECT competency_lineage(claim.competency_id)
            FROM evidence_claim claim WHERE claim.evidence_id = ev.id AND claim.revision = ev.submitted_revision), '{}') AS lineage_ids
        FROM evidence ev WHERE ev.id = ANY(${ids}::uuid[])`,
  );
}
