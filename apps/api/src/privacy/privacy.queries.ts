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
