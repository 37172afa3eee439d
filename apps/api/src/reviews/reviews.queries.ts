import type { LocalizedText, ReviewCycleStatus, ReviewParticipantsRequest, ReviewState } from '@proficio/shared/contracts';
import { visibleEmployees } from '../access';
import type { Actor } from '../access';
import {
  containsPattern,
  execute,
  type Paging,
  type PagedRows,
  query,
  queryOne,
  queryPage,
  sql,
  type Sql,
  type SqlRunner,
} from '../common/sql';

/** A cycle as stored, with the names its participants point at. */
export interface CycleRow {
  id: string;
  name: string;
  period_start: string;
  period_end: string;
  self_due: string;
  manager_due: string;
  participants_kind: ReviewParticipantsRequest['kind'];
  team_id: string | null;
  team_name: string | null;
  role_profile_id: string | null;
  role_profile_name: string | null;
  picked: string[];
  include_target_role: boolean;
  status: ReviewCycleStatus;
  created_at: Date;
  opened_at: Date | null;
  closed_at: Date | null;
}

const CYCLE_COLUMNS = sql`
  c.id, c.name, to_char(c.period_start, 'YYYY-MM-DD') AS period_start, to_char(c.period_end, 'YYYY-MM-DD') AS period_end,
  to_char(c.self_due, 'YYYY-MM-DD') AS self_due, to_char(c.manager_due, 'YYYY-MM-DD') AS manager_due,
  c.participants_kind, c.team_id, t.name AS team_name, c.role_profile_id, rp.name AS role_profile_name,
  ARRAY(SELECT p.employee_id FROM review_cycle_pick p JOIN employee pe ON pe.id = p.employee_id
        WHERE p.cycle_id = c.id ORDER BY pe.name, pe.id)::text[] AS picked,
  c.include_target_role, c.status, c.created_at, c.opened_at, c.closed_at`;

const CYCLE_FROM = sql`
  FROM review_cycle c
  LEFT JOIN team t ON t.id = c.team_id
  LEFT JOIN role_profile rp ON rp.id = c.role_profile_id`;

export function cycleById(runner: SqlRunner, id: string, lock = false): Promise<CycleRow | undefined> {
  return lock
    ? queryOne<CycleRow>(runner, sql`SELECT ${CYCLE_COLUMNS} ${CYCLE_FROM} WHERE c.id = ${id} FOR UPDATE OF c`)
    : queryOne<CycleRow>(runner, sql`SELECT ${CYCLE_COLUMNS} ${CYCLE_FROM} WHERE c.id = ${id}`);
}

/** Reviews per state (and overdue ones) of each cycle, among the reviews `scope` lets the caller count. */
export interface CycleCountsRow {
  cycle_id: string;
  state: ReviewState;
  count: number;
  overdue: number;
}

/** Overdue: the self-assessment not submitted by its deadline, or the manager's part not shared by its deadline. */
export const overdueCondition = (today: string, review: Sql = sql.raw('r'), cycle: Sql = sql.raw('c')): Sql =>
  sql`((${review}.state IN ('not_started', 'self_assessment') AND ${cycle}.self_due < ${today}::date)
      OR (${review}.state = 'manager_assessment' AND ${cycle}.manager_due < ${today}::date))`;

/** Who may count or list which reviews: admins all; anyone else the reviews of people in their line and those assigned to them. */
export const reviewsInReach = (actor: Pick<Actor, 'roles' | 'employeeId'>): Sql =>
  actor.roles.includes('admin')
    ? sql`TRUE`
    : actor.employeeId
      ? // As a semi-join on the review's key (not an OR of two conditions, which would read every review):
        // the reviews of the people in the line, through the line's index, and those assigned to the caller.
        sql`r.id IN (
          SELECT inline.id FROM employee_line line JOIN review inline ON inline.employee_id = line.descendant_id
          WHERE line.ancestor_id = ${actor.employeeId}
          UNION ALL
          SELECT assigned.id FROM review assigned WHERE assigned.manager_id = ${actor.employeeId})`
      : sql`FALSE`;

export function cycleCounts(runner: SqlRunner, actor: Actor, cycleIds: readonly string[], today: string): Promise<CycleCountsRow[]> {
  return query<CycleCountsRow>(
    runner,
    sql`SELECT r.cycle_id, r.state, count(*)::int AS count, count(*) FILTER (WHERE ${overdueCondition(today)})::int AS overdue
        FROM review r JOIN review_cycle c ON c.id = r.cycle_id
        WHERE r.cycle_id = ANY(${cycleIds}::uuid[]) AND ${reviewsInReach(actor)}
        GROUP BY r.cycle_id, r.state`,
  );
}

/** A change in how many reviews (in reach) were at `state` at the end of `day` (UTC), summed over the reviews. */
export interface CycleProgressDeltaRow {
  day: string;
  state: ReviewState;
  delta: number;
}

/**
 * The daily changes behind a cycle's progress, from the events (append-only) and not one row per review and day: each
 * review is in a state from the day it was created (not started) and then from each day its last step of that day
 * took it to another; a span adds one to its state on its first day and takes it away on the next span's first day.
 * The caller adds the changes up day by day. Days are UTC dates, as `todayIso()` is.
 */
export function cycleProgressDeltas(runner: SqlRunner, actor: Actor, cycleId: string): Promise<CycleProgressDeltaRow[]> {
  return query<CycleProgressDeltaRow>(
    runner,
    sql`WITH reach AS (
          SELECT r.id, (r.created_at AT TIME ZONE 'UTC')::date AS day FROM review r
          WHERE r.cycle_id = ${cycleId} AND ${reviewsInReach(actor)}
        ), day_ends AS (
          SELECT DISTINCT ON (e.review_id, (e.occurred_at AT TIME ZONE 'UTC')::date)
                 e.review_id, (e.occurred_at AT TIME ZONE 'UTC')::date AS day, e.to_state AS state
          FROM review_event e JOIN reach ON reach.id = e.review_id
          WHERE e.to_state IS NOT NULL
          ORDER BY e.review_id, (e.occurred_at AT TIME ZONE 'UTC')::date, e.occurred_at DESC, e.id
        ), starts AS (
          SELECT reach.id AS review_id, reach.day, 'not_started' AS state FROM reach
          UNION ALL
          SELECT review_id, day, state FROM day_ends
        ), spans AS (
          SELECT day, state, lead(day) OVER (PARTITION BY review_id ORDER BY day, state = 'not_started' DESC) AS until FROM starts
        )
        SELECT to_char(day, 'YYYY-MM-DD') AS day, state, sum(delta)::int AS delta FROM (
          SELECT day, state, 1 AS delta FROM spans
          UNION ALL
          SELECT until, state, -1 FROM spans WHERE until IS NOT NULL
        ) changes
        GROUP BY day, state
        ORDER BY day`,
  );
}

export function cyclePage(
  runner: SqlRunner,
  actor: Actor,
  filter: { status?: ReviewCycleStatus },
  paging: Paging,
): Promise<PagedRows<CycleRow>> {
  // Admins see every cycle; others the cycles with a review in their reach.
  const reach = actor.roles.includes('admin')
    ? sql`TRUE`
    : sql`EXISTS (SELECT 1 FROM review r WHERE r.cycle_id = c.id AND ${reviewsInReach(actor)})`;
  return queryPage<CycleRow>(
    runner,
    {
      select: CYCLE_COLUMNS,
      from: sql`${CYCLE_FROM} WHERE ${reach} ${filter.status ? sql`AND c.status = ${filter.status}` : sql.empty}`,
      orderBy: sql`c.period_end DESC, c.created_at DESC, c.id`,
    },
    paging,
  );
}

/** Employees (`e`) who can take part in a cycle: active, not anonymised. */
const ACTIVE = sql`e.status = 'active' AND e.anonymised_at IS NULL`;

/** The employees (`e`) among `employeeIds` who can take part in a cycle. */
export function activeAmong(employeeIds: readonly string[]): Sql {
  return sql`${ACTIVE} AND e.id = ANY(${employeeIds}::uuid[])`;
}

/** The people a cycle's selection covers: active, not anonymised. */
export function participantCondition(cycle: Pick<CycleRow, 'id' | 'participants_kind' | 'team_id' | 'role_profile_id'>): Sql {
  switch (cycle.participants_kind) {
    case 'team':
      return sql`${ACTIVE} AND e.team_id IN (
        WITH RECURSIVE sub AS (SELECT id FROM team WHERE id = ${cycle.team_id}
                               UNION SELECT t.id FROM team t JOIN sub ON t.parent_id = sub.id)
        SELECT id FROM sub)`;
    case 'role-profile':
      return sql`${ACTIVE} AND e.role_profile_id = ${cycle.role_profile_id}`;
    case 'people':
      return sql`${ACTIVE} AND e.id IN (SELECT employee_id FROM review_cycle_pick WHERE cycle_id = ${cycle.id})`;
  }
}

export interface PreviewRow {
  participants: number;
  without_role_profile: number;
  without_manager: number;
  already_in: number;
}

export function previewCounts(runner: SqlRunner, cycleId: string, condition: Sql): Promise<PreviewRow | undefined> {
  return queryOne<PreviewRow>(
    runner,
    sql`SELECT count(*)::int AS participants,
               count(*) FILTER (WHERE NOT EXISTS (
                 SELECT 1 FROM role_profile_version v WHERE v.role_profile_id = e.role_profile_id AND v.status = 'published'))::int
                 AS without_role_profile,
               count(*) FILTER (WHERE e.manager_id IS NULL)::int AS without_manager,
               count(*) FILTER (WHERE EXISTS (SELECT 1 FROM review r WHERE r.cycle_id = ${cycleId} AND r.employee_id = e.id))::int
                 AS already_in
        FROM employee e WHERE ${condition}`,
  );
}

export function previewSample(
  runner: SqlRunner,
  condition: Sql,
): Promise<{ id: string; name: string; role_profile: string | null; manager: string | null }[]> {
  return query(
    runner,
    sql`SELECT e.id, e.name, rp.name AS role_profile, m.name AS manager
        FROM employee e LEFT JOIN role_profile rp ON rp.id = e.role_profile_id LEFT JOIN employee m ON m.id = e.manager_id
        WHERE ${condition} ORDER BY e.name, e.id LIMIT 20`,
  );
}

/**
 * Opens reviews for everyone the condition covers who has none in the cycle yet, in two set-based
 * statements: one review each (their manager now, their role profiles' published versions now), then
 * the competencies in scope with their targets (the current role's first, in its order, then the
 * target role's others). Answers how many reviews were created.
 */
export async function createReviews(
  runner: SqlRunner,
  cycle: Pick<CycleRow, 'id' | 'include_target_role'>,
  condition: Sql,
): Promise<number> {
  const created = await query<{ id: string }>(
    runner,
    sql`INSERT INTO review (cycle_id, employee_id, manager_id, role_profile_version_id, target_role_profile_version_id)
        SELECT ${cycle.id}, e.id, e.manager_id, rv.id, ${cycle.include_target_role ? sql`trv.id` : sql`NULL::uuid`}
        FROM employee e
        LEFT JOIN role_profile_version rv ON rv.role_profile_id = e.role_profile_id AND rv.status = 'published'
        LEFT JOIN role_profile_version trv ON trv.role_profile_id = e.target_role_profile_id AND trv.status = 'published'
          AND e.target_role_profile_id IS DISTINCT FROM e.role_profile_id
        WHERE ${condition} AND NOT EXISTS (SELECT 1 FROM review x WHERE x.cycle_id = ${cycle.id} AND x.employee_id = e.id)
        RETURNING id`,
  );
  if (!created.length) return 0;
  await execute(
    runner,
    sql`INSERT INTO review_competency (review_id, competency_id, position, target_level, target_required, growth_target_level)
        SELECT r.id, scope.competency_id, row_number() OVER (PARTITION BY r.id ORDER BY scope.sort_key),
               scope.target_level, scope.required, scope.growth_target_level
        FROM review r
        CROSS JOIN LATERAL (
          SELECT COALESCE(cur.competency_id, nxt.competency_id) AS competency_id, cur.target_level, cur.required,
                 nxt.target_level AS growth_target_level, COALESCE(cur.position, 1000000 + nxt.position) AS sort_key
          FROM (SELECT * FROM role_profile_requirement WHERE role_profile_version_id = r.role_profile_version_id) cur
          FULL JOIN (SELECT * FROM role_profile_requirement WHERE role_profile_version_id = r.target_role_profile_version_id) nxt
            ON nxt.competency_id = cur.competency_id
        ) scope
        WHERE r.id = ANY(${created.map((row) => row.id)}::uuid[])`,
  );
  return created.length;
}

/** One review with its cycle and the names of the two people concerned. */
export interface ReviewRow {
  id: string;
  cycle_id: string;
  cycle_name: string;
  cycle_status: ReviewCycleStatus;
  self_due: string;
  manager_due: string;
  period_end: string;
  employee_id: string;
  employee_name: string;
  employee_anonymised: boolean;
  manager_id: string | null;
  manager_name: string | null;
  state: ReviewState;
  state_changed_at: Date;
  locked_at: Date | null;
  created_at: Date;
  overdue: boolean;
  competency_count: number;
  /** Whether the caller has the person in their reporting line (for managers higher up). */
  in_line: boolean;
}

const reviewColumns = (actor: Pick<Actor, 'roles' | 'employeeId'>, today: string): Sql => sql`
  r.id, r.cycle_id, c.name AS cycle_name, c.status AS cycle_status,
  to_char(c.self_due, 'YYYY-MM-DD') AS self_due, to_char(c.manager_due, 'YYYY-MM-DD') AS manager_due,
  to_char(c.period_end, 'YYYY-MM-DD') AS period_end, r.employee_id, e.name AS employee_name, (e.anonymised_at IS NOT NULL) AS employee_anonymised,
  r.manager_id, m.name AS manager_name, r.state, r.state_changed_at, r.locked_at, r.created_at,
  ${overdueCondition(today)} AS overdue,
  (SELECT count(*)::int FROM review_competency rc WHERE rc.review_id = r.id) AS competency_count,
  ${visibleEmployees(actor, sql.raw('r.employee_id'))} AS in_line`;

const REVIEW_FROM = sql`
  FROM review r
  JOIN review_cycle c ON c.id = r.cycle_id
  JOIN employee e ON e.id = r.employee_id
  LEFT JOIN employee m ON m.id = r.manager_id`;

export function reviewById(runner: SqlRunner, actor: Actor, id: string, today: string, lock = false): Promise<ReviewRow | undefined> {
  return queryOne<ReviewRow>(
    runner,
    sql`SELECT ${reviewColumns(actor, today)} ${REVIEW_FROM} WHERE r.id = ${id} ${lock ? sql`FOR UPDATE OF r` : sql.empty}`,
  );
}

export interface ReviewFilter {
  cycleId?: string;
  state?: ReviewState;
  managerId?: string;
  employeeId?: string;
  q?: string;
}

export async function reviewPage(
  runner: SqlRunner,
  actor: Actor,
  filter: ReviewFilter,
  today: string,
  paging: Paging,
): Promise<PagedRows<ReviewRow>> {
  const conditions = sql.join(
    [
      reviewsInReach(actor),
      filter.cycleId && sql`r.cycle_id = ${filter.cycleId}`,
      filter.state && sql`r.state = ${filter.state}`,
      filter.managerId && sql`r.manager_id = ${filter.managerId}`,
      filter.employeeId && sql`r.employee_id = ${filter.employeeId}`,
      filter.q && sql`e.name ILIKE ${containsPattern(filter.q)}`,
    ],
    sql.raw(' AND '),
  );
  // The page's ids first (with the total), then their columns: the per-review counts are computed for one page only.
  const page = await queryPage<{ id: string }>(
    runner,
    { select: sql`r.id`, from: sql`${REVIEW_FROM} WHERE ${conditions}`, orderBy: sql`c.period_end DESC, e.name, r.id` },
    paging,
  );
  if (!page.rows.length) return { rows: [], total: page.total };
  const ids = page.rows.map((row) => row.id);
  const rows = await query<ReviewRow>(runner, sql`SELECT ${reviewColumns(actor, today)} ${REVIEW_FROM} WHERE r.id = ANY(${ids}::uuid[])`);
  const byId = new Map(rows.map((row) => [row.id, row]));
  return { rows: ids.flatMap((id) => byId.get(id) ?? []), total: page.total };
}

/** A competency in a review's scope, with its two drafts and its note. */
export interface ScopeRow {
  competency_id: string;
  position: number;
  target_level: number | null;
  target_required: boolean | null;
  growth_target_level: number | null;
  level_texts: { level: number; description: LocalizedText | null }[];
  self: RatingRow | null;
  manager: RatingRow | null;
  note: string | null;
}

export interface RatingRow {
  outcome: 'rated' | 'not_assessed' | 'not_applicable';
  level: number | null;
  rationale: string | null;
  confidence: 'low' | 'medium' | 'high' | null;
  evidence_ids: string[];
  updated_at: string;
}

const ratingJson = (role: 'self' | 'manager') => sql`
  (SELECT json_build_object('outcome', x.outcome, 'level', x.level, 'rationale', x.rationale, 'confidence', x.confidence,
                            'evidence_ids', x.evidence_ids, 'updated_at', x.updated_at)
   FROM review_rating x WHERE x.review_id = rc.review_id AND x.competency_id = rc.competency_id AND x.role = ${role})`;

export function reviewScope(runner: SqlRunner, reviewId: string): Promise<ScopeRow[]> {
  return query<ScopeRow>(
    runner,
    sql`SELECT rc.competency_id, rc.position, rc.target_level, rc.target_required, rc.growth_target_level,
               COALESCE((SELECT json_agg(json_build_object('level', cl.level_number, 'description', cl.description) ORDER BY cl.level_number)
                         FROM competency_level cl WHERE cl.competency_id = rc.competency_id), '[]'::json) AS level_texts,
               ${ratingJson('self')} AS self, ${ratingJson('manager')} AS manager,
               (SELECT n.text FROM review_note n WHERE n.review_id = rc.review_id AND n.competency_id = rc.competency_id) AS note
        FROM review_competency rc WHERE rc.review_id = ${reviewId} ORDER BY rc.position`,
  );
}

/** The ids of the competencies a review covers. */
export async function reviewScopeIds(runner: SqlRunner, reviewId: string): Promise<Set<string>> {
  const rows = await query<{ competency_id: string }>(
    runner,
    sql`SELECT competency_id FROM review_competency WHERE review_id = ${reviewId}`,
  );
  return new Set(rows.map((row) => row.competency_id));
}

export function generalNote(runner: SqlRunner, reviewId: string): Promise<{ text: string } | undefined> {
  return queryOne(runner, sql`SELECT text FROM review_note WHERE review_id = ${reviewId} AND competency_id IS NULL`);
}

export interface EventRow {
  kind: 'transition' | 'reopen' | 'reassign';
  from_state: ReviewState | null;
  to_state: ReviewState | null;
  signed_as: 'manager' | 'employee' | null;
  actor_employee_id: string | null;
  actor_name: string | null;
  comment: string | null;
  occurred_at: Date;
}

export function reviewEvents(runner: SqlRunner, reviewId: string): Promise<EventRow[]> {
  return query<EventRow>(
    runner,
    sql`SELECT ev.kind, ev.from_state, ev.to_state, ev.signed_as, ev.actor_employee_id, COALESCE(ae.name, u.email) AS actor_name,
               ev.comment, ev.occurred_at
        FROM review_event ev LEFT JOIN employee ae ON ae.id = ev.actor_employee_id LEFT JOIN app_user u ON u.id = ev.actor_user_id
        WHERE ev.review_id = ${reviewId} ORDER BY ev.occurred_at, ev.id`,
  );
}

export function snapshotRefs(runner: SqlRunner, reviewId: string): Promise<{ id: string; number: number; taken_at: Date }[]> {
  return query(runner, sql`SELECT id, number, taken_at FROM review_snapshot WHERE review_id = ${reviewId} ORDER BY number DESC`);
}

export function snapshotByNumber(
  runner: SqlRunner,
  reviewId: string,
  number: number,
): Promise<{ number: number; taken_at: Date; content: unknown } | undefined> {
  return queryOne(runner, sql`SELECT number, taken_at, content FROM review_snapshot WHERE review_id = ${reviewId} AND number = ${number}`);
}

/**
 * The person's previous locked review (of an earlier cycle, by the time it was locked): the manager
 * level it recorded per competency lineage, and when it was locked.
 */
export function previousReview(
  runner: SqlRunner,
  review: Pick<ReviewRow, 'id' | 'employee_id' | 'created_at'>,
): Promise<
  | {
      id: string;
      locked_at: Date;
      levels: {
        lineage_id: string;
        outcome: 'rated' | 'not_assessed' | 'not_applicable';
        level: number | null;
        target_level: number | null;
      }[];
    }
  | undefined
> {
  return queryOne(
    runner,
    sql`SELECT p.id, p.locked_at,
               COALESCE((SELECT json_agg(json_build_object('lineage_id', a.lineage_id, 'outcome', a.outcome, 'level', a.level,
                                                           'target_level', rc.target_level))
                         FROM assessment a
                         LEFT JOIN review_competency rc ON rc.review_id = p.id AND rc.competency_id = a.competency_id
                         WHERE a.review_id = p.id AND a.role = 'manager' AND a.kind <> 'withdrawal'
                           AND NOT EXISTS (SELECT 1 FROM assessment later WHERE later.replaces_id = a.id)
                           AND NOT EXISTS (SELECT 1 FROM assessment newer WHERE newer.review_id = p.id AND newer.role = 'manager'
                                             AND newer.lineage_id = a.lineage_id AND newer.recorded_at > a.recorded_at)), '[]'::json) AS levels
        FROM review p
        WHERE p.employee_id = ${review.employee_id} AND p.id <> ${review.id} AND p.state = 'locked' AND p.created_at < ${review.created_at}
        ORDER BY p.locked_at DESC LIMIT 1`,
  );
}

/** Evidence of the person accepted since a date (or ever), per competency lineage it claims. */
export function acceptedEvidenceSince(
  runner: SqlRunner,
  employeeId: string,
  since: Date | null,
): Promise<{ id: string; title: string; level: number; accepted_at: Date; lineage_id: string }[]> {
  return query(
    runner,
    sql`SELECT DISTINCT ON (ev.id, lin.lineage_id) ev.id, r.title, cl.level, v.given_at AS accepted_at, lin.lineage_id
        FROM evidence ev
        JOIN evidence_verdict v ON v.evidence_id = ev.id AND v.revision = ev.submitted_revision AND v.verdict = 'accepted'
        JOIN evidence_revision r ON r.evidence_id = ev.id AND r.number = ev.submitted_revision
        JOIN evidence_claim cl ON cl.evidence_id = ev.id AND cl.revision = ev.submitted_revision
        CROSS JOIN LATERAL (SELECT competency_lineage(cl.competency_id) AS lineage_id) lin
        WHERE ev.employee_id = ${employeeId} AND ev.status = 'accepted' ${since ? sql`AND v.given_at > ${since}` : sql.empty}
        ORDER BY ev.id, lin.lineage_id, v.given_at DESC`,
  );
}
