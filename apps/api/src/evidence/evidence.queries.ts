import type { EvidenceStatus, LocalizedText } from '@proficio/shared/contracts';
import { type Actor, visibleEmployees } from '../access';
import { type PagedRows, type Paging, query, queryOne, queryPage, sql, type Sql, type SqlRunner } from '../common/sql';

/** The item, as every view and check needs it. */
export interface EvidenceRow {
  id: string;
  employee_id: string;
  employee_name: string;
  employee_anonymised: boolean;
  employee_manager_id: string | null;
  created_by_user_id: string;
  created_at: Date;
  status: EvidenceStatus;
  current_revision: number;
  submitted_revision: number | null;
  title: string;
  submitted_at: Date | null;
  updated_at: Date;
  file_count: number;
  /** Claims of the revision lists show: the latest submitted one, or the draft before any submission. */
  claims: { competency_id: string; level: number }[];
}

const EVIDENCE_SELECT = sql`
  ev.id, ev.employee_id, emp.name AS employee_name, emp.anonymised_at IS NOT NULL AS employee_anonymised,
  emp.manager_id AS employee_manager_id, ev.created_by_user_id, ev.created_at, ev.status, ev.current_revision,
  ev.submitted_revision, ev.title, ev.submitted_at, ev.updated_at,
  (SELECT count(*)::int FROM evidence_revision_file rf
    WHERE rf.evidence_id = ev.id AND rf.revision = coalesce(ev.submitted_revision, ev.current_revision)) AS file_count,
  (SELECT coalesce(json_agg(json_build_object('competency_id', c.competency_id, 'level', c.level) ORDER BY c.position), '[]'::json)
    FROM evidence_claim c WHERE c.evidence_id = ev.id AND c.revision = coalesce(ev.submitted_revision, ev.current_revision)) AS claims`;

const EVIDENCE_FROM = sql`FROM evidence ev JOIN employee emp ON emp.id = ev.employee_id`;

/** What the caller may see: a never-submitted draft only its authors (the person, or the admin who began it); the rest as the people they may see. */
const visibleEvidence = (actor: Actor): Sql =>
  sql`(${visibleEmployees(actor, sql.raw('ev.employee_id'))})
      AND (ev.status <> 'draft' OR ev.created_by_user_id = ${actor.userId} OR ev.employee_id = ${actor.employeeId ?? null}::uuid)`;

export function evidenceById(runner: SqlRunner, id: string, lock = false): Promise<EvidenceRow | undefined> {
  return queryOne<EvidenceRow>(
    runner,
    sql`SELECT ${EVIDENCE_SELECT} ${EVIDENCE_FROM} WHERE ev.id = ${id} ${lock ? sql`FOR UPDATE OF ev` : sql.empty}`,
  );
}

export interface EvidenceFilter {
  employeeId?: string;
  competencyId?: string;
  status?: EvidenceStatus;
}

/** The list: what the caller may see, newest change first. */
export function listEvidence(runner: SqlRunner, actor: Actor, filter: EvidenceFilter, paging: Paging): Promise<PagedRows<EvidenceRow>> {
  const where = sql.where([
    visibleEvidence(actor),
    filter.employeeId && sql`ev.employee_id = ${filter.employeeId}`,
    filter.status && sql`ev.status = ${filter.status}`,
    filter.competencyId &&
      sql`EXISTS (SELECT 1 FROM evidence_claim c WHERE c.evidence_id = ev.id AND c.competency_id = ${filter.competencyId}
                  AND c.revision = coalesce(ev.submitted_revision, ev.current_revision))`,
  ]);
  return evidencePage(runner, where, sql`ev.updated_at DESC, ev.id`, paging);
}

/**
 * A page of items: the page's ids (and the total) first, from the indexes, then the details of those
 * rows only, so that the per-item subqueries run once per row shown rather than once per match.
 */
async function evidencePage(runner: SqlRunner, where: Sql, orderBy: Sql, paging: Paging): Promise<PagedRows<EvidenceRow>> {
  const rows = await query<EvidenceRow & { total: string }>(
    runner,
    sql`WITH page AS (
          SELECT ev.id, count(*) OVER () AS total FROM evidence ev ${where} ORDER BY ${orderBy}
          LIMIT ${paging.pageSize} OFFSET ${(paging.page - 1) * paging.pageSize})
        SELECT ${EVIDENCE_SELECT}, page.total FROM page JOIN evidence ev ON ev.id = page.id JOIN employee emp ON emp.id = ev.employee_id
        ORDER BY ${orderBy}`,
  );
  let total = Number(rows[0]?.total ?? 0);
  if (!rows.length && paging.page > 1) {
    total = (await queryOne<{ total: number }>(runner, sql`SELECT count(*)::int AS total FROM evidence ev ${where}`))?.total ?? 0;
  }
  for (const row of rows) delete (row as { total?: unknown }).total;
  return { rows, total };
}

/** Submitted evidence of the people below the caller in the reporting line (never their own), oldest first. */
export function waitingEvidence(runner: SqlRunner, managerId: string, paging: Paging): Promise<PagedRows<EvidenceRow>> {
  return evidencePage(
    runner,
    sql`WHERE ev.status = 'submitted'
          AND ev.employee_id IN (SELECT line.descendant_id FROM employee_line line WHERE line.ancestor_id = ${managerId} AND line.depth > 0)`,
    sql`ev.submitted_at, ev.id`,
    paging,
  );
}

export async function inboxCounts(
  runner: SqlRunner,
  managerId: string,
  userId: string,
): Promise<{ evidence: number; disagreements: number }> {
  const row = await queryOne<{ evidence: number; disagreements: number }>(
    runner,
    sql`SELECT
      (SELECT count(*)::int FROM evidence ev
        WHERE ev.status = 'submitted'
          AND ev.employee_id IN (SELECT line.descendant_id FROM employee_line line WHERE line.ancestor_id = ${managerId} AND line.depth > 0)) AS evidence,
      (SELECT count(*)::int FROM (${DISAGREEMENTS(managerId, userId)}) d) AS disagreements`,
  );
  return row ?? { evidence: 0, disagreements: 0 };
}

/** Self-assessments in force two or more levels away from the caller's own manager rating in force of that person. */
const DISAGREEMENTS = (managerId: string, userId: string): Sql => sql`
  SELECT m.employee_id, m.competency_id AS manager_competency_id, s.competency_id, m.level AS manager_level, s.level AS self_level,
         to_char(s.assessed_on, 'YYYY-MM-DD') AS self_assessed_on, emp.name AS employee_name
  FROM current_competency_level m
  JOIN assessment ma ON ma.id = m.assessment_id AND ma.assessor_user_id = ${userId}
  JOIN current_competency_level s ON s.employee_id = m.employee_id AND s.lineage_id = m.lineage_id AND s.role = 'self'
  JOIN employee emp ON emp.id = m.employee_id
  WHERE m.role = 'manager' AND m.level IS NOT NULL AND s.level IS NOT NULL AND abs(m.level - s.level) >= 2
    AND m.employee_id IN (SELECT line.descendant_id FROM employee_line line WHERE line.ancestor_id = ${managerId} AND line.depth > 0)`;

export interface DisagreementRow {
  employee_id: string;
  employee_name: string;
  competency_id: string;
  manager_level: number;
  self_level: number;
  self_assessed_on: string;
}

export function disagreements(runner: SqlRunner, managerId: string, userId: string, paging: Paging): Promise<PagedRows<DisagreementRow>> {
  return queryPage<DisagreementRow>(
    runner,
    {
      select: sql`d.*`,
      from: sql`FROM (${DISAGREEMENTS(managerId, userId)}) d`,
      orderBy: sql`d.self_assessed_on, d.employee_name, d.competency_id`,
    },
    paging,
  );
}

export interface RevisionRow {
  number: number;
  title: string;
  activity_from: string;
  activity_to: string | null;
  narrative: string | null;
  answers: { claim: number; question: number; questionText: LocalizedText; answer: string }[];
  indicators: { claim: number; indicator: number; text: LocalizedText }[];
  links: string[];
  author_user_id: string;
  created_at: Date;
  submitted_at: Date | null;
  claims: { competency_id: string; level: number }[];
  files: { id: string; name: string; media_type: string; size: string; sha256: string; uploaded_at: string }[];
  verdict: {
    id: string;
    verdict: 'accepted' | 'changes_requested' | 'rejected';
    comment: string | null;
    reviewer_user_id: string;
    reviewer_name: string;
    given_at: string;
  } | null;
}

/** Every revision of an item, newest first, with claims, files and verdict. */
export function revisions(runner: SqlRunner, evidenceId: string): Promise<RevisionRow[]> {
  return query<RevisionRow>(
    runner,
    sql`SELECT r.number, r.title, to_char(r.activity_from, 'YYYY-MM-DD') AS activity_from,
               to_char(r.activity_to, 'YYYY-MM-DD') AS activity_to, r.narrative, r.answers, r.indicators, r.links,
               r.author_user_id, r.created_at, r.submitted_at,
          (SELECT coalesce(json_agg(json_build_object('competency_id', c.competency_id, 'level', c.level) ORDER BY c.position), '[]'::json)
            FROM evidence_claim c WHERE c.evidence_id = r.evidence_id AND c.revision = r.number) AS claims,
          (SELECT coalesce(json_agg(json_build_object('id', f.id, 'name', f.name, 'media_type', s.media_type, 'size', s.size,
                   'sha256', s.sha256, 'uploaded_at', f.uploaded_at) ORDER BY f.uploaded_at, f.id), '[]'::json)
            FROM evidence_revision_file rf JOIN evidence_file f ON f.id = rf.file_id JOIN stored_file s ON s.id = f.stored_file_id
            WHERE rf.evidence_id = r.evidence_id AND rf.revision = r.number) AS files,
          (SELECT json_build_object('id', v.id, 'verdict', v.verdict, 'comment', v.comment, 'reviewer_user_id', v.reviewer_user_id,
                   'reviewer_name', coalesce(ve.name, vu.email), 'given_at', v.given_at)
            FROM evidence_verdict v JOIN app_user vu ON vu.id = v.reviewer_user_id LEFT JOIN employee ve ON ve.id = vu.employee_id
            WHERE v.evidence_id = r.evidence_id AND v.revision = r.number) AS verdict
        FROM evidence_revision r WHERE r.evidence_id = ${evidenceId} ORDER BY r.number DESC`,
  );
}

export interface CommentRow {
  id: string;
  author_user_id: string;
  author_name: string;
  body: string;
  created_at: Date;
}

export function comments(runner: SqlRunner, evidenceId: string): Promise<CommentRow[]> {
  return query<CommentRow>(
    runner,
    sql`SELECT c.id, c.author_user_id, coalesce(ae.name, au.email) AS author_name, c.body, c.created_at
        FROM evidence_comment c JOIN app_user au ON au.id = c.author_user_id LEFT JOIN employee ae ON ae.id = au.employee_id
        WHERE c.evidence_id = ${evidenceId} ORDER BY c.created_at, c.id`,
  );
}

/** A claimed level's interview questions and behaviour indicators, in their order. */
export interface LevelPromptsRow {
  competency_id: string;
  level: number;
  questions: LocalizedText[];
  indicators: LocalizedText[];
}

export function levelPrompts(runner: SqlRunner, claims: readonly { competencyId: string; level: number }[]): Promise<LevelPromptsRow[]> {
  return query<LevelPromptsRow>(
    runner,
    sql`SELECT cl.competency_id, cl.level_number AS level,
          (SELECT coalesce(json_agg(q.text ORDER BY q.position), '[]'::json) FROM interview_question q WHERE q.competency_level_id = cl.id) AS questions,
          (SELECT coalesce(json_agg(i.text ORDER BY i.position), '[]'::json) FROM behaviour_indicator i WHERE i.competency_level_id = cl.id) AS indicators
        FROM competency_level cl
        JOIN unnest(${claims.map((claim) => claim.competencyId)}::uuid[], ${claims.map((claim) => claim.level)}::int[]) AS wanted(competency_id, level)
          ON wanted.competency_id = cl.competency_id AND wanted.level = cl.level_number`,
  );
}

export interface EvidenceFileRow {
  id: string;
  evidence_id: string;
  stored_file_id: string;
  name: string;
  media_type: string;
  size: string;
  sha256: string;
  /** Revisions that list the file. */
  revisions: number[];
}

export function evidenceFile(runner: SqlRunner, evidenceId: string, fileId: string): Promise<EvidenceFileRow | undefined> {
  return queryOne<EvidenceFileRow>(
    runner,
    sql`SELECT f.id, f.evidence_id, f.stored_file_id, f.name, s.media_type, s.size, s.sha256,
          coalesce(array(SELECT rf.revision FROM evidence_revision_file rf WHERE rf.file_id = f.id ORDER BY rf.revision), '{}') AS revisions
        FROM evidence_file f JOIN stored_file s ON s.id = f.stored_file_id
        WHERE f.id = ${fileId} AND f.evidence_id = ${evidenceId}`,
  );
}

/** How a notification names the caller: their employee name, or their account's email. */
export async function actorName(runner: SqlRunner, userId: string): Promise<string> {
  const row = await queryOne<{ name: string }>(
    runner,
    sql`SELECT coalesce(e.name, u.email) AS name FROM app_user u LEFT JOIN employee e ON e.id = u.employee_id WHERE u.id = ${userId}`,
  );
  return row?.name ?? 'Someone';
}
