import type { PersonalDataEvidence, PersonalDataReview, PersonalDataReviewRating, PersonalDataVerdict } from '@proficio/shared/contracts';
import { hasReports } from '../access';
import { query, queryOne, sql, type SqlRunner } from '../common/sql';
import { ANONYMISED_SUBJECT_JOIN, redacted } from '../audit';

/** A sign-in account as a person's data export shows it: never the password hash. */
export interface PersonalAccountRow {
  id: string;
  email: string;
  is_admin: boolean;
  employee_id: string | null;
  has_reports: boolean;
  created_at: Date;
  password_changed_at: Date | null;
  disabled_at: Date | null;
}

export interface PersonalAuditEventRow {
  occurred_at: Date;
  action: string;
  entity_type: string;
  entity_id: string | null;
  actor_user_id: string | null;
  /** Only in events about the person; null when withheld (an anonymised person). */
  before?: unknown;
  after?: unknown;
}

export function personalAccount(runner: SqlRunner, userId: string): Promise<PersonalAccountRow | undefined> {
  // columns listed one by one: never password_hash
  return queryOne<PersonalAccountRow>(
    runner,
    sql`SELECT u.id, u.email, u.is_admin, u.employee_id, ${hasReports()} AS has_reports, u.created_at, u.password_changed_at, u.disabled_at
        FROM app_user u WHERE u.id = ${userId}`,
  );
}

/** The account of an employee, if they have one. */
export async function accountOfEmployee(runner: SqlRunner, employeeId: string): Promise<string | null> {
  return (await queryOne<{ id: string }>(runner, sql`SELECT id FROM app_user WHERE employee_id = ${employeeId}`))?.id ?? null;
}

/** Changes to the person's employee record and account, in full (withheld once the person is anonymised). */
export function auditEventsAbout(runner: SqlRunner, userId: string | null, employeeId: string | null): Promise<PersonalAuditEventRow[]> {
  return query<PersonalAuditEventRow>(
    runner,
    sql`SELECT a.occurred_at, a.action, a.entity_type, a.entity_id, a.actor_user_id,
               ${redacted('before')} AS before, ${redacted('after')} AS after
        FROM audit_event a ${ANONYMISED_SUBJECT_JOIN}
        WHERE (a.entity_type = 'employee' AND a.entity_id = ${employeeId ?? ''})
           OR (a.entity_type IN ('user', 'app_user') AND a.entity_id = ${userId ?? ''})
        ORDER BY a.occurred_at, a.id`,
  );
}

/** What the person did: when, which action on which record; not the records' contents, which are other people's data. */
export function auditEventsBy(runner: SqlRunner, userId: string): Promise<PersonalAuditEventRow[]> {
  return query<PersonalAuditEventRow>(
    runner,
    sql`SELECT a.occurred_at, a.action, a.entity_type, a.entity_id, a.actor_user_id
        FROM audit_event a WHERE a.actor_user_id = ${userId} ORDER BY a.occurred_at, a.id`,
  );
}

/** An assessment as the personal data export shows it. */
export interface PersonalAssessmentRow {
  id: string;
  employee_id: string;
  competency_id: string;
  competency_code: string;
  kind: string;
  role: string;
  outcome: string | null;
  level: number | null;
  assessed_on: string;
  recorded_at: Date;
  assessor_user_id: string;
  rationale: string | null;
  confidence: string | null;
  replaces_id: string | null;
  reason: string | null;
  /** The person assessed has been anonymised: the free texts are withheld. */
  anonymised: boolean;
}

const PERSONAL_ASSESSMENT = sql`
  SELECT a.id, a.employee_id, a.competency_id, c.code AS competency_code, a.kind, a.role, a.outcome, a.level,
         to_char(a.assessed_on, 'YYYY-MM-DD') AS assessed_on, a.recorded_at, a.assessor_user_id, a.rationale, a.confidence,
         a.replaces_id, a.reason, (subject.anonymised_at IS NOT NULL) AS anonymised
  FROM assessment a JOIN competency c ON c.id = a.competency_id JOIN employee subject ON subject.id = a.employee_id`;

/** Every assessment of the employee, oldest first. */
export function assessmentsAbout(runner: SqlRunner, employeeId: string): Promise<PersonalAssessmentRow[]> {
  return query<PersonalAssessmentRow>(runner, sql`${PERSONAL_ASSESSMENT} WHERE a.employee_id = ${employeeId} ORDER BY a.recorded_at, a.id`);
}

/** The assessments the account recorded about other people, oldest first. */
export function assessmentsBy(runner: SqlRunner, userId: string, employeeId: string | null): Promise<PersonalAssessmentRow[]> {
  const others = employeeId ? sql`AND a.employee_id <> ${employeeId}` : sql``;
  return query<PersonalAssessmentRow>(
    runner,
    sql`${PERSONAL_ASSESSMENT} WHERE a.assessor_user_id = ${userId} ${others} ORDER BY a.recorded_at, a.id`,
  );
}

/**
 * Every piece of evidence about the employee, with revisions (newest first), verdicts and comments, as the export
 * writes them. Built in SQL so that the whole history is one query.
 */
export function evidenceAbout(runner: SqlRunner, employeeId: string): Promise<{ item: PersonalDataEvidence }[]> {
  return query<{ item: PersonalDataEvidence }>(
    runner,
    sql`SELECT json_strip_nulls(json_build_object(
          'id', ev.id, 'status', ev.status, 'createdAt', ev.created_at,
          'revisions', (SELECT json_agg(json_build_object(
              'number', r.number, 'title', r.title, 'activityFrom', to_char(r.activity_from, 'YYYY-MM-DD'),
              'activityTo', to_char(r.activity_to, 'YYYY-MM-DD'),
              'claims', (SELECT coalesce(json_agg(json_build_object('competencyId', c.competency_id, 'competencyCode', comp.code, 'level', c.level)
                           ORDER BY c.position), '[]'::json)
                         FROM evidence_claim c JOIN competency comp ON comp.id = c.competency_id
                         WHERE c.evidence_id = r.evidence_id AND c.revision = r.number),
              'answers', (SELECT coalesce(json_agg(json_build_object('question', a->'questionText', 'answer', a->>'answer')), '[]'::json)
                          FROM jsonb_array_elements(r.answers) a),
              'indicators', (SELECT coalesce(json_agg(i->'text'), '[]'::json) FROM jsonb_array_elements(r.indicators) i),
              'narrative', r.narrative, 'links', r.links,
              'files', (SELECT coalesce(json_agg(json_build_object('name', f.name, 'mediaType', s.media_type, 'size', s.size, 'sha256', s.sha256)
                          ORDER BY f.uploaded_at), '[]'::json)
                        FROM evidence_revision_file rf JOIN evidence_file f ON f.id = rf.file_id JOIN stored_file s ON s.id = f.stored_file_id
                        WHERE rf.evidence_id = r.evidence_id AND rf.revision = r.number),
              'createdAt', r.created_at, 'submittedAt', r.submitted_at,
              'verdict', (SELECT json_build_object('evidenceId', v.evidence_id, 'employeeId', ev.employee_id, 'revision', v.revision,
                            'verdict', v.verdict, 'comment', v.comment, 'reviewerUserId', v.reviewer_user_id, 'givenAt', v.given_at)
                          FROM evidence_verdict v WHERE v.evidence_id = r.evidence_id AND v.revision = r.number)
            ) ORDER BY r.number DESC) FROM evidence_revision r WHERE r.evidence_id = ev.id),
          'comments', (SELECT coalesce(json_agg(json_build_object('authorUserId', c.author_user_id, 'body', c.body, 'createdAt', c.created_at)
                         ORDER BY c.created_at), '[]'::json) FROM evidence_comment c WHERE c.evidence_id = ev.id)
        )) AS item
        FROM evidence ev WHERE ev.employee_id = ${employeeId} ORDER BY ev.created_at, ev.id`,
  );
}

/** The verdicts the account gave on other people's evidence, oldest first, without their comments. */
export function verdictsBy(runner: SqlRunner, userId: string, employeeId: string | null): Promise<PersonalDataVerdict[]> {
  const others = employeeId ? sql`AND ev.employee_id <> ${employeeId}` : sql``;
  return query<PersonalDataVerdict>(
    runner,
    sql`SELECT v.evidence_id AS "evidenceId", ev.employee_id AS "employeeId", v.revision, v.verdict, v.reviewer_user_id AS "reviewerUserId",
               to_char(v.given_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "givenAt"
        FROM evidence_verdict v JOIN evidence ev ON ev.id = v.evidence_id
        WHERE v.reviewer_user_id = ${userId} ${others} ORDER BY v.given_at, v.id`,
  );
}

/**
 * Every review of the person, whole: both sides' drafts (as they stand), notes, the steps with their
 * comments, and the snapshots of what was signed. One query, built in SQL.
 */
export function reviewsAbout(runner: SqlRunner, employeeId: string): Promise<{ item: PersonalDataReview }[]> {
  return query<{ item: PersonalDataReview }>(
    runner,
    sql`SELECT json_strip_nulls(json_build_object(
          'id', r.id,
          'cycle', json_build_object('id', c.id, 'name', c.name, 'periodStart', c.period_start, 'periodEnd', c.period_end),
          'state', r.state,
          'manager', CASE WHEN m.id IS NULL THEN NULL ELSE json_build_object('id', m.id, 'name', m.name) END,
          'createdAt', r.created_at, 'lockedAt', r.locked_at,
          'ratings', COALESCE((SELECT json_agg(json_build_object(
              'reviewId', x.review_id, 'competency', json_build_object('id', k.id, 'code', k.code), 'role', x.role,
              'outcome', x.outcome, 'level', x.level, 'rationale', x.rationale, 'confidence', x.confidence, 'updatedAt', x.updated_at)
              ORDER BY rc.position, x.role)
            FROM review_rating x JOIN review_competency rc ON rc.review_id = x.review_id AND rc.competency_id = x.competency_id
            JOIN competency k ON k.id = x.competency_id WHERE x.review_id = r.id), '[]'::json),
          'notes', COALESCE((SELECT json_agg(json_build_object(
              'competency', CASE WHEN k.id IS NULL THEN NULL ELSE json_build_object('id', k.id, 'code', k.code) END,
              'text', n.text, 'updatedAt', n.updated_at) ORDER BY k.code NULLS FIRST)
            FROM review_note n LEFT JOIN competency k ON k.id = n.competency_id WHERE n.review_id = r.id), '[]'::json),
          'events', COALESCE((SELECT json_agg(json_build_object(
              'kind', ev.kind, 'from', ev.from_state, 'to', ev.to_state, 'signedAs', ev.signed_as, 'comment', ev.comment,
              'at', ev.occurred_at) ORDER BY ev.occurred_at, ev.id)
            FROM review_event ev WHERE ev.review_id = r.id), '[]'::json),
          'snapshots', COALESCE((SELECT json_agg(json_build_object('number', s.number, 'takenAt', s.taken_at, 'content', s.content)
              ORDER BY s.number)
            FROM review_snapshot s WHERE s.review_id = r.id), '[]'::json)
        )) AS item
        FROM review r JOIN review_cycle c ON c.id = r.cycle_id LEFT JOIN employee m ON m.id = r.manager_id
        WHERE r.employee_id = ${employeeId}
        ORDER BY c.period_end DESC, r.created_at DESC`,
  );
}

/** The draft ratings the person gave in other people's reviews, without their rationales. */
export async function reviewRatingsBy(runner: SqlRunner, userId: string, employeeId: string | null): Promise<PersonalDataReviewRating[]> {
  const rows = await query<{ item: PersonalDataReviewRating }>(
    runner,
    sql`SELECT json_strip_nulls(json_build_object(
          'reviewId', x.review_id, 'competency', json_build_object('id', k.id, 'code', k.code), 'role', x.role,
          'outcome', x.outcome, 'level', x.level, 'confidence', x.confidence, 'updatedAt', x.updated_at)) AS item
        FROM review_rating x JOIN review r ON r.id = x.review_id JOIN competency k ON k.id = x.competency_id
        WHERE (x.rater_employee_id = ${employeeId}::uuid OR (x.rater_employee_id IS NULL AND x.updated_by = ${userId}))
          AND r.employee_id IS DISTINCT FROM ${employeeId}::uuid
        ORDER BY x.updated_at`,
  );
  return rows.map((row) => row.item);
}
