import { HttpStatus, Injectable } from '@nestjs/common';
import type { FieldError, ReviewAction, ReviewState, ReviewView } from '@proficio/shared/contracts';
import { EntityManager } from 'typeorm';
import { Actor } from '../access';
import { AssessmentWriteService, competencyFacts, evidenceForAssessments, type ReviewRecord } from '../assessments';
import { type AuditedTransaction, AuditedWrites } from '../audit';
import { fieldProblem } from '../common/problems';
import { execute, query, queryOne, sql } from '../common/sql';
import { RequestValidationException } from '../common/validation/validation-exception';
import { accountOfEmployee, NotificationService } from '../notifications';
import type { ReassignReviewDto, ReviewActionDto, SaveReviewNotesDto, SaveReviewRatingsDto } from './dto/review.dto';
import { actionsFor, editableFor, ReviewsQueryService, todayIso, type Viewer } from './reviews-query.service';
import type { ReviewRow } from './reviews.queries';
import { reviewScopeIds } from './reviews.queries';

const STATE_WORDS: Record<ReviewState, string> = {
  not_started: 'not started',
  self_assessment: 'at the self-assessment',
  manager_assessment: 'at the manager assessment',
  discussion: 'at the discussion',
  manager_signed: 'signed by the manager',
  locked: 'locked',
};

/** Who may take each action, in which state: for the 409 that names both. */
const ACTION_RULES: Record<ReviewAction, { from: ReviewState; who: string }> = {
  start: { from: 'not_started', who: 'the person reviewed' },
  'submit-self': { from: 'self_assessment', who: 'the person reviewed' },
  share: { from: 'manager_assessment', who: 'the reviewing manager' },
  sign: { from: 'discussion', who: 'the reviewing manager, then the person reviewed' },
  reopen: { from: 'locked', who: 'an administrator' },
};

const stateConflict = (row: ReviewRow, message: string) =>
  fieldProblem('state', `is ${row.state} (${STATE_WORDS[row.state]}): ${message}`, HttpStatus.CONFLICT);

/** A review's audited snapshot: what moved, not its content. */
const reviewSnapshot = (row: Pick<ReviewRow, 'cycle_id' | 'employee_id' | 'manager_id'>, state: ReviewState) => ({
  cycleId: row.cycle_id,
  employeeId: row.employee_id,
  managerId: row.manager_id,
  state,
});

/**
 * Writes reviews: draft ratings and notes, the steps of the process, reassignment. Each write locks
 * the review (`FOR UPDATE`) in one audited transaction, checks the state and who is asking, and
 * writes an event; the database refuses a step out of order and any change once signed. The
 * employee's sign-off writes the official assessments and the frozen snapshot in that transaction.
 */
@Injectable()
export class ReviewsWriteService {
  constructor(
    private readonly writes: AuditedWrites,
    private readonly reads: ReviewsQueryService,
    private readonly assessments: AssessmentWriteService,
    private readonly notifications: NotificationService,
  ) {}

  async saveRatings(actor: Actor, id: string, request: SaveReviewRatingsDto, acceptLanguage?: string): Promise<ReviewView> {
    await this.writes.run(actor, async (tx) => {
      const { row, viewer } = await this.reads.load(tx.manager, actor, id, true);
      if (!editableFor(viewer, row).includes(request.role)) {
        throw stateConflict(
          row,
          request.role === 'self'
            ? 'only the person reviewed rates themselves, during the self-assessment'
            : 'only the reviewing manager rates, during the manager assessment and the discussion',
        );
      }
      const scope = await reviewScopeIds(tx.manager, id);
      const errors: FieldError[] = [];
      const facts = new Map(
        (await competencyFacts(tx.manager, [...new Set(request.ratings.map((rating) => rating.competencyId.toLowerCase()))])).map(
          (fact) => [fact.id, fact],
        ),
      );
      const seen = new Set<string>();
      const evidenceIds = [
        ...new Set(request.ratings.flatMap((rating) => rating.evidence ?? []).map((evidence) => evidence.toLowerCase())),
      ];
      const evidence = new Map((await evidenceForAssessments(tx.manager, evidenceIds)).map((item) => [item.id, item]));
      request.ratings.forEach((rating, index) => {
        const at = `ratings.${index}.`;
        const competencyId = rating.competencyId.toLowerCase();
        const fact = facts.get(competencyId);
        if (!fact || !scope.has(competencyId)) {
          errors.push({ field: `${at}competencyId`, message: 'is not a competency of this review' });
          return;
        }
        if (seen.has(competencyId)) errors.push({ field: `${at}competencyId`, message: 'is rated twice in this request' });
        seen.add(competencyId);
        if (rating.outcome === 'rated') {
          if (rating.level === undefined) errors.push({ field: `${at}level`, message: 'is required to rate' });
          else if (!fact.levels.some((option) => option.level === rating.level)) {
            errors.push({
              field: `${at}level`,
              message: `is not a level of ${fact.code}: choose one of ${fact.levels.map((option) => option.level).join(', ')}`,
            });
          }
        } else if (rating.level !== undefined) {
          errors.push({ field: `${at}level`, message: `must be left out when the outcome is ${rating.outcome}` });
        }
        if (request.role === 'manager' && !rating.rationale)
          errors.push({ field: `${at}rationale`, message: 'is required from the manager: say why' });
        if (request.role === 'self' && rating.evidence?.length) {
          errors.push({ field: `${at}evidence`, message: 'goes only with the manager’s rating' });
        }
        (rating.evidence ?? []).forEach((evidenceId, position) => {
          const found = evidence.get(evidenceId.toLowerCase());
          const field = `${at}evidence.${position}`;
          if (!found || found.employee_id !== row.employee_id) errors.push({ field, message: 'is not evidence of this person' });
          else if (found.status !== 'accepted')
            errors.push({ field, message: `has not been accepted (it is ${found.status.replace('_', ' ')})` });
          else if (!found.lineage_ids.includes(fact.lineage_id)) errors.push({ field, message: `does not claim ${fact.code}` });
        });
      });
      if (errors.length) throw new RequestValidationException(errors);

      for (const rating of request.ratings) {
        await execute(
          tx.manager,
          sql`INSERT INTO review_rating (review_id, competency_id, role, outcome, level, rationale, confidence, evidence_ids, updated_by,
                                         rater_employee_id)
              VALUES (${id}, ${rating.competencyId.toLowerCase()}, ${request.role}, ${rating.outcome}, ${rating.outcome === 'rated' ? (rating.level ?? null) : null},
                      ${rating.rationale ?? null}, ${rating.confidence ?? null},
                      ${[...new Set((rating.evidence ?? []).map((evidenceId) => evidenceId.toLowerCase()))]}::uuid[], ${actor.userId},
                      ${actor.employeeId ?? null})
              ON CONFLICT (review_id, competency_id, role) DO UPDATE SET
                outcome = EXCLUDED.outcome, level = EXCLUDED.level, rationale = EXCLUDED.rationale, confidence = EXCLUDED.confidence,
                evidence_ids = EXCLUDED.evidence_ids, updated_by = EXCLUDED.updated_by,
                rater_employee_id = EXCLUDED.rater_employee_id, updated_at = clock_timestamp()`,
        );
      }
      tx.audit({
        action: 'update',
        entityType: 'review',
        entityId: id,
        after: {
          role: request.role,
          ratings: request.ratings.map((rating) => ({
            competencyId: rating.competencyId,
            outcome: rating.outcome,
            level: rating.level ?? null,
          })),
        },
      });
    });
    return this.reads.get(actor, id, acceptLanguage);
  }

  async saveNotes(actor: Actor, id: string, request: SaveReviewNotesDto, acceptLanguage?: string): Promise<ReviewView> {
    await this.writes.run(actor, async (tx) => {
      const { row, viewer } = await this.reads.load(tx.manager, actor, id, true);
      if (!editableFor(viewer, row).includes('note')) throw stateConflict(row, 'only the reviewing manager keeps notes, until they sign');
      const scope = await reviewScopeIds(tx.manager, id);
      const errors: FieldError[] = request.notes.flatMap((note, index) =>
        note.competencyId && !scope.has(note.competencyId.toLowerCase())
          ? [{ field: `notes.${index}.competencyId`, message: 'is not a competency of this review' }]
          : [],
      );
      if (errors.length) throw new RequestValidationException(errors);
      for (const note of request.notes) {
        const competencyId = note.competencyId?.toLowerCase() ?? null;
        const text = note.text.trim();
        if (!text) {
          await execute(
            tx.manager,
            sql`DELETE FROM review_note WHERE review_id = ${id} AND competency_id IS NOT DISTINCT FROM ${competencyId}::uuid`,
          );
        } else {
          await execute(
            tx.manager,
            sql`INSERT INTO review_note (review_id, competency_id, text, updated_by) VALUES (${id}, ${competencyId}::uuid, ${text}, ${actor.userId})
                ON CONFLICT (review_id, competency_id) DO UPDATE SET text = EXCLUDED.text, updated_by = EXCLUDED.updated_by, updated_at = clock_timestamp()`,
          );
        }
      }
      tx.audit({ action: 'update', entityType: 'review', entityId: id, after: { notes: request.notes.length } });
    });
    return this.reads.get(actor, id, acceptLanguage);
  }

  async act(actor: Actor, id: string, action: ReviewAction, request: ReviewActionDto, acceptLanguage?: string): Promise<ReviewView> {
    await this.writes.run(actor, async (tx) => {
      const { row, viewer } = await this.reads.load(tx.manager, actor, id, true);
      if (!actionsFor(viewer, row).includes(action)) {
        const rule = ACTION_RULES[action];
        const from = action === 'sign' ? 'discussion or manager_signed' : rule.from;
        throw stateConflict(row, `${action} is taken by ${rule.who} when the review is ${from}`);
      }
      if (action === 'reopen' && !request.reason)
        throw fieldProblem('reason', 'is required to reopen a locked review', HttpStatus.BAD_REQUEST);
      if (action !== 'reopen' && request.reason) throw fieldProblem('reason', 'goes only with reopen', HttpStatus.BAD_REQUEST);
      if (action !== 'sign' && request.comment) throw fieldProblem('comment', 'goes only with sign', HttpStatus.BAD_REQUEST);

      if (action === 'submit-self') await this.requireRated(tx.manager, id, 'self', 'self-rating');
      if (action === 'share') await this.requireRated(tx.manager, id, 'manager', 'manager rating');

      const to = nextState(row.state, action);
      const signedAs = action === 'sign' ? (viewer === 'employee' ? 'employee' : 'manager') : null;
      await execute(
        tx.manager,
        sql`UPDATE review SET state = ${to}, state_changed_at = clock_timestamp(),
                   locked_at = ${to === 'locked' ? sql`clock_timestamp()` : sql`NULL`}
            WHERE id = ${id}`,
      );
      await execute(
        tx.manager,
        sql`INSERT INTO review_event (review_id, kind, from_state, to_state, signed_as, actor_user_id, actor_employee_id, comment)
            VALUES (${id}, ${action === 'reopen' ? 'reopen' : 'transition'}, ${row.state}, ${to}, ${signedAs}, ${actor.userId},
                    ${actor.employeeId ?? null}, ${request.comment ?? request.reason ?? null})`,
      );
      tx.audit({
        action: action === 'sign' ? 'sign' : action === 'reopen' ? 'reopen' : 'transition',
        entityType: 'review',
        entityId: id,
        before: reviewSnapshot(row, row.state),
        after: {
          ...reviewSnapshot(row, to),
          ...(request.comment ? { comment: request.comment } : {}),
          ...(request.reason ? { reason: request.reason } : {}),
        },
      });
      if (to === 'locked') await this.lock(tx, actor, { ...row, state: to });
      await this.notifyStep(tx.manager, row, viewer, to);
    });
    return this.reads.get(actor, id, acceptLanguage);
  }

  async reassign(actor: Actor, id: string, request: ReassignReviewDto, acceptLanguage?: string): Promise<ReviewView> {
    await this.writes.run(actor, async (tx) => {
      const { row, viewer } = await this.reads.load(tx.manager, actor, id, true);
      if (viewer !== 'admin') throw stateConflict(row, 'only an administrator reassigns a review');
      if (row.state === 'manager_signed' || row.state === 'locked') throw stateConflict(row, 'a signed review keeps its manager');
      const managerId = request.managerId.toLowerCase();
      if (managerId === row.employee_id) throw fieldProblem('managerId', 'is the person reviewed: choose someone else');
      const manager = await queryOne<{ id: string }>(
        tx.manager,
        sql`SELECT id FROM employee WHERE id = ${managerId} AND status = 'active'`,
      );
      if (!manager) throw fieldProblem('managerId', 'is not an active employee');
      await execute(tx.manager, sql`UPDATE review SET manager_id = ${managerId} WHERE id = ${id}`);
      await execute(
        tx.manager,
        sql`INSERT INTO review_event (review_id, kind, actor_user_id, actor_employee_id, manager_id)
            VALUES (${id}, 'reassign', ${actor.userId}, ${actor.employeeId ?? null}, ${managerId})`,
      );
      tx.audit({
        action: 'reassign',
        entityType: 'review',
        entityId: id,
        before: reviewSnapshot(row, row.state),
        after: reviewSnapshot({ ...row, manager_id: managerId }, row.state),
      });
    });
    return this.reads.get(actor, id, acceptLanguage);
  }

  /** 409 naming the competencies still without a rating of `role`. */
  private async requireRated(manager: EntityManager, id: string, role: 'self' | 'manager', what: string): Promise<void> {
    const missing = await query<{ code: string }>(
      manager,
      sql`SELECT c.code FROM review_competency rc JOIN competency c ON c.id = rc.competency_id
          WHERE rc.review_id = ${id}
            AND NOT EXISTS (SELECT 1 FROM review_rating x WHERE x.review_id = rc.review_id AND x.competency_id = rc.competency_id AND x.role = ${role})
          ORDER BY rc.position`,
    );
    if (missing.length) {
      throw fieldProblem(
        'ratings',
        `lack a ${what} for ${missing
          .slice(0, 10)
          .map((item) => item.code)
          .join(', ')}${missing.length > 10 ? ` and ${missing.length - 10} more` : ''}`,
        HttpStatus.CONFLICT,
      );
    }
  }

  /**
   * The last sign-off: the drafts become assessments (only those that changed since an earlier lock
   * of this review, after a reopening), and the review as signed is frozen in a new snapshot.
   */
  private async lock(tx: AuditedTransaction, actor: Actor, row: ReviewRow): Promise<void> {
    const ratings = await query<{
      competency_id: string;
      role: 'self' | 'manager';
      outcome: ReviewRecord['outcome'];
      level: number | null;
      rationale: string | null;
      confidence: ReviewRecord['confidence'];
      evidence_ids: string[];
      updated_by: string;
      rater_employee_id: string | null;
      recorded_outcome: string | null;
      recorded_level: number | null;
      recorded: boolean;
    }>(
      tx.manager,
      sql`SELECT x.competency_id, x.role, x.outcome, x.level, x.rationale, x.confidence, x.evidence_ids, x.updated_by,
                 x.rater_employee_id, earlier.outcome AS recorded_outcome, earlier.level AS recorded_level,
                 (earlier.id IS NOT NULL) AS recorded
          FROM review_rating x
          LEFT JOIN LATERAL (
            SELECT a.id, a.outcome, a.level FROM assessment a
            WHERE a.review_id = x.review_id AND a.competency_id = x.competency_id AND a.role = x.role
            ORDER BY a.recorded_at DESC LIMIT 1) earlier ON TRUE
          WHERE x.review_id = ${row.id}`,
    );
    // The judgement is about the period reviewed: dated its last day, or today while the period runs.
    const today = todayIso();
    const assessedOn = row.period_end < today ? row.period_end : today;
    await this.assessments.recordFromReview(
      tx,
      ratings
        .filter((rating) => !rating.recorded || rating.recorded_outcome !== rating.outcome || rating.recorded_level !== rating.level)
        .map((rating): ReviewRecord => ({
          reviewId: row.id,
          employeeId: row.employee_id,
          competencyId: rating.competency_id,
          role: rating.role,
          outcome: rating.outcome,
          level: rating.level,
          assessedOn,
          assessorUserId: rating.updated_by,
          assessorEmployeeId: rating.rater_employee_id,
          rationale: rating.rationale,
          confidence: rating.confidence,
          evidence: rating.role === 'manager' ? rating.evidence_ids : [],
        })),
    );
    const locked = await this.reads.load(tx.manager, actor, row.id);
    const view = await this.reads.compose(tx.manager, locked.row, 'admin');
    // What was signed: the review as an administrator sees it, without what only concerns the moment of reading.
    const content: Partial<ReviewView> = { ...view };
    for (const key of ['viewer', 'actions', 'mayEdit', 'snapshots', 'events'] as const) delete content[key];
    await execute(
      tx.manager,
      sql`INSERT INTO review_snapshot (review_id, number, content)
          SELECT ${row.id}, COALESCE(max(number), 0) + 1, ${JSON.stringify(content)}::jsonb FROM review_snapshot WHERE review_id = ${row.id}`,
    );
  }

  /** Tells the other person that it is their turn (in-app, and by email when mail is configured). */
  private async notifyStep(manager: EntityManager, row: ReviewRow, viewer: Viewer, to: ReviewState): Promise<void> {
    const toEmployee = to === 'discussion' || to === 'manager_signed' || to === 'locked' || to === 'self_assessment';
    const toManager = to === 'manager_assessment' || to === 'locked';
    const messages: { employeeId: string | null; text: string }[] = [];
    if (toEmployee && viewer !== 'employee') {
      const text: Record<string, string> = {
        self_assessment: `Your review in ${row.cycle_name} was reopened for your self-assessment`,
        discussion: `${row.manager_name ?? 'Your manager'} shared your review in ${row.cycle_name}: time to discuss it`,
        manager_signed: `${row.manager_name ?? 'Your manager'} signed your review in ${row.cycle_name}: your sign-off is next`,
        locked: `Your review in ${row.cycle_name} is locked`,
      };
      if (text[to]) messages.push({ employeeId: row.employee_id, text: text[to] as string });
    }
    if (toManager && viewer === 'employee' && row.manager_id) {
      messages.push({
        employeeId: row.manager_id,
        text:
          to === 'locked'
            ? `${row.employee_name} signed their review in ${row.cycle_name}: it is locked`
            : `${row.employee_name} submitted their self-assessment in ${row.cycle_name}: your assessment is next`,
      });
    }
    for (const message of messages) {
      const account = await accountOfEmployee(manager, message.employeeId);
      if (account) {
        await this.notifications.notify(manager, {
          userId: account.id,
          email: account.email,
          kind: 'review_step',
          text: message.text,
          employeeId: row.employee_id,
          reviewId: row.id,
          link: `/reviews/${row.id}`,
        });
      }
    }
  }
}

/** The state an action leads to from `from` (the actions are only offered where they apply). */
export function nextState(from: ReviewState, action: ReviewAction): ReviewState {
  switch (action) {
    case 'start':
      return 'self_assessment';
    case 'submit-self':
      return 'manager_assessment';
    case 'share':
      return 'discussion';
    case 'sign':
      return from === 'discussion' ? 'manager_signed' : 'locked';
    case 'reopen':
      return 'discussion';
  }
}
