import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  Page,
  ReviewAction,
  ReviewCompetencyView,
  ReviewEventView,
  ReviewGuide,
  ReviewRatingView,
  ReviewSnapshot,
  ReviewState,
  ReviewSummary,
  ReviewView,
} from '@proficio/shared/contracts';
import { DataSource } from 'typeorm';
import { Actor } from '../access';
import { competencyFacts, competencyRef, languageOf, type CompetencyFactsRow } from '../assessments';
import { frameworkRefOf } from '../frameworks';
import { notFound } from '../common/problems';
import { query, sql, type SqlRunner } from '../common/sql';
import { localize, localizeRequired } from '../frameworks';
import {
  acceptedEvidenceSince,
  generalNote,
  previousReview,
  type EventRow,
  type RatingRow,
  reviewById,
  reviewEvents,
  reviewPage,
  type ReviewFilter,
  type ReviewRow,
  reviewScope,
  snapshotByNumber,
  snapshotRefs,
} from './reviews.queries';
import type { Paging } from '../common/sql';

export const todayIso = (): string => new Date().toISOString().slice(0, 10);

export type Viewer = ReviewView['viewer'];

const ORDER: readonly ReviewState[] = ['not_started', 'self_assessment', 'manager_assessment', 'discussion', 'manager_signed', 'locked'];
/** Whether the review has reached `state` (or gone past it). */
export const reached = (current: ReviewState, state: ReviewState): boolean => ORDER.indexOf(current) >= ORDER.indexOf(state);

/**
 * How the caller stands to a review: the person reviewed, the manager it is assigned to, an
 * administrator, or a manager higher in the person's line (locked reviews only); null: not at all
 * (the API answers 404, as for an unknown id).
 */
export function viewerOf(actor: Actor, row: ReviewRow): Viewer | null {
  if (actor.employeeId && actor.employeeId === row.employee_id) return 'employee';
  if (actor.employeeId && actor.employeeId === row.manager_id) return 'manager';
  if (actor.roles.includes('admin')) return 'admin';
  if (row.in_line && row.state === 'locked' && actor.roles.includes('manager')) return 'line-manager';
  return null;
}

/** Whether the caller does the manager's part: the assigned manager, or an administrator when nobody is assigned. */
export const actsAsManager = (viewer: Viewer, row: ReviewRow): boolean =>
  viewer === 'manager' || (viewer === 'admin' && row.manager_id === null);

/** What the caller may do now, given the state: the API refuses anything else with a 409 naming the state. */
export function actionsFor(viewer: Viewer, row: ReviewRow): ReviewAction[] {
  const actions: ReviewAction[] = [];
  const manager = actsAsManager(viewer, row);
  if (viewer === 'employee' && row.state === 'not_started') actions.push('start');
  if (viewer === 'employee' && row.state === 'self_assessment') actions.push('submit-self');
  if (manager && row.state === 'manager_assessment') actions.push('share');
  if (manager && row.state === 'discussion') actions.push('sign');
  if (viewer === 'employee' && row.state === 'manager_signed') actions.push('sign');
  if (viewer === 'admin' && row.state === 'locked') actions.push('reopen');
  return actions;
}

export function editableFor(viewer: Viewer, row: ReviewRow): ReviewView['mayEdit'] {
  const mayEdit: ReviewView['mayEdit'] = [];
  if (viewer === 'employee' && row.state === 'self_assessment') mayEdit.push('self');
  if (actsAsManager(viewer, row)) {
    if (row.state === 'manager_assessment' || row.state === 'discussion') mayEdit.push('manager');
    if (row.state !== 'manager_signed' && row.state !== 'locked') mayEdit.push('note');
  }
  return mayEdit;
}

/** Self-ratings reach the manager once submitted; the manager's ratings and notes reach the employee at the discussion. */
const showsSelf = (viewer: Viewer, row: ReviewRow) => viewer !== 'manager' || reached(row.state, 'manager_assessment');
const showsManagerSide = (viewer: Viewer, row: ReviewRow) => viewer !== 'employee' || reached(row.state, 'discussion');

export function toSummary(row: ReviewRow): ReviewSummary {
  return {
    id: row.id,
    cycle: { id: row.cycle_id, name: row.cycle_name, selfDue: row.self_due, managerDue: row.manager_due, status: row.cycle_status },
    employee: { id: row.employee_id, name: row.employee_name },
    ...(row.manager_id && row.manager_name ? { manager: { id: row.manager_id, name: row.manager_name } } : {}),
    state: row.state,
    stateChangedAt: row.state_changed_at.toISOString(),
    overdue: row.overdue,
    competencyCount: row.competency_count,
    ...(row.locked_at ? { lockedAt: row.locked_at.toISOString() } : {}),
  };
}

@Injectable()
export class ReviewsQueryService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async list(actor: Actor, filter: ReviewFilter, paging: Paging): Promise<Page<ReviewSummary>> {
    const { rows, total } = await reviewPage(this.db.manager, actor, filter, todayIso(), paging);
    return { items: rows.map(toSummary), total, page: paging.page, pageSize: paging.pageSize };
  }

  /** The review and how the caller stands to it; 404 when they may not see it. */
  async load(runner: SqlRunner, actor: Actor, id: string, lock = false): Promise<{ row: ReviewRow; viewer: Viewer }> {
    const row = await reviewById(runner, actor, id, todayIso(), lock);
    const viewer = row ? viewerOf(actor, row) : null;
    if (!row || !viewer) throw notFound('Review', id);
    return { row, viewer };
  }

  async get(actor: Actor, id: string, acceptLanguage?: string): Promise<ReviewView> {
    const { row, viewer } = await this.load(this.db.manager, actor, id);
    return this.compose(this.db.manager, row, viewer, acceptLanguage);
  }

  async snapshot(actor: Actor, id: string, number: number): Promise<ReviewSnapshot> {
    await this.load(this.db.manager, actor, id);
    const found = await snapshotByNumber(this.db.manager, id, number);
    if (!found) throw notFound('Snapshot', String(number));
    return { number: found.number, takenAt: found.taken_at.toISOString(), review: found.content as ReviewSnapshot['review'] };
  }

  /** The review as `viewer` sees it, everything read through `runner` (the sign-off's transaction, for the snapshot). */
  async compose(runner: SqlRunner, row: ReviewRow, viewer: Viewer, acceptLanguage?: string): Promise<ReviewView> {
    // One after the other: `runner` may be a transaction's single connection (the sign-off's snapshot).
    const scope = await reviewScope(runner, row.id);
    const note = await generalNote(runner, row.id);
    const events = await reviewEvents(runner, row.id);
    const snapshots = await snapshotRefs(runner, row.id);
    const previous = await previousReview(runner, row);
    const facts = new Map(
      (
        await competencyFacts(
          runner,
          scope.map((item) => item.competency_id),
        )
      ).map((fact) => [fact.id, fact]),
    );
    const evidence = await acceptedEvidenceSince(runner, row.employee_id, previous?.locked_at ?? null);
    const previousLevels = new Map((previous?.levels ?? []).map((level) => [level.lineage_id, level]));
    const managerSide = showsManagerSide(viewer, row);
    const self = showsSelf(viewer, row);
    const withheld = row.employee_anonymised;

    const competencies = scope.flatMap((item): ReviewCompetencyView[] => {
      const fact = facts.get(item.competency_id);
      if (!fact) return [];
      const language = languageOf(fact, acceptLanguage);
      const codeOf = (level: number) => fact.levels.find((option) => option.level === level)?.code ?? String(level);
      const before = previousLevels.get(fact.lineage_id);
      const manager = managerSide && item.manager ? ratingView(item.manager, codeOf, withheld) : undefined;
      const view: ReviewCompetencyView = {
        competency: competencyRef(fact, language),
        framework: frameworkRefOf(fact, language),
        levels: levelTexts(fact, item.level_texts, language),
        ...(item.target_level !== null
          ? { target: { level: item.target_level, code: codeOf(item.target_level), required: !!item.target_required } }
          : {}),
        ...(item.growth_target_level !== null
          ? { growthTarget: { level: item.growth_target_level, code: codeOf(item.growth_target_level) } }
          : {}),
        ...(self && item.self ? { self: ratingView(item.self, codeOf, withheld) } : {}),
        ...(manager ? { manager } : {}),
        ...(managerSide && item.note && !withheld ? { note: item.note } : {}),
        acceptedEvidence: evidence
          .filter((piece) => piece.lineage_id === fact.lineage_id)
          .map((piece) => ({
            id: piece.id,
            title: withheld ? '' : piece.title,
            level: piece.level,
            acceptedAt: piece.accepted_at.toISOString(),
          })),
      };
      if (previous && before) {
        view.previous = { reviewId: previous.id, outcome: before.outcome, ...(before.level !== null ? { level: before.level } : {}) };
      }
      const change = changeOf(before, manager);
      if (change) view.change = change;
      const gap = gapChange(before, manager, item.target_level);
      if (gap) view.gapChange = gap;
      return [view];
    });

    return {
      ...toSummary(row),
      viewer,
      actions: actionsFor(viewer, row),
      mayEdit: editableFor(viewer, row),
      competencies,
      ...(managerSide && note && !withheld ? { generalNote: note.text } : {}),
      signatures: signaturesInForce(events).map((event) => ({
        role: event.signed_as as 'manager' | 'employee',
        by: { id: event.actor_employee_id ?? '', name: event.actor_name ?? '' },
        signedAt: event.occurred_at.toISOString(),
        ...(event.comment && !withheld ? { comment: event.comment } : {}),
      })),
      events: events.map((event): ReviewEventView => ({
        kind: event.kind,
        ...(event.from_state ? { from: event.from_state } : {}),
        ...(event.to_state ? { to: event.to_state } : {}),
        ...(event.actor_name ? { by: { id: event.actor_employee_id ?? '', name: event.actor_name } } : {}),
        at: event.occurred_at.toISOString(),
        ...(event.comment && !withheld ? { comment: event.comment } : {}),
      })),
      snapshots: snapshots.map((snapshot) => ({ id: snapshot.id, number: snapshot.number, takenAt: snapshot.taken_at.toISOString() })),
    };
  }

  /** The interview guide: per competency, the texts, indicators and questions of the current and target levels. */
  async guide(actor: Actor, id: string, acceptLanguage?: string): Promise<ReviewGuide> {
    const { row, viewer } = await this.load(this.db.manager, actor, id);
    if (viewer === 'employee' && !reached(row.state, 'discussion')) {
      // The guide is the manager's; the person sees their review, not the questions ahead of the conversation.
      throw notFound('Review', id);
    }
    const scope = await reviewScope(this.db.manager, row.id);
    const facts = new Map(
      (
        await competencyFacts(
          this.db.manager,
          scope.map((item) => item.competency_id),
        )
      ).map((fact) => [fact.id, fact]),
    );
    const current = await currentManagerLevels(
      this.db.manager,
      row.employee_id,
      [...facts.values()].map((fact) => fact.lineage_id),
    );
    const details = await guideLevels(
      this.db.manager,
      scope.map((item) => item.competency_id),
    );
    return {
      reviewId: row.id,
      employee: { id: row.employee_id, name: row.employee_name },
      cycle: { id: row.cycle_id, name: row.cycle_name },
      competencies: scope.flatMap((item) => {
        const fact = facts.get(item.competency_id);
        if (!fact) return [];
        const language = languageOf(fact, acceptLanguage);
        const fallback = fact.default_language;
        const which = new Map<number, ('current' | 'target' | 'growth-target')[]>();
        const mark = (level: number | null | undefined, kind: 'current' | 'target' | 'growth-target') => {
          if (level === null || level === undefined) return;
          which.set(level, [...(which.get(level) ?? []), kind]);
        };
        mark(current.get(fact.lineage_id), 'current');
        mark(item.target_level, 'target');
        mark(item.growth_target_level, 'growth-target');
        const levels = (details.get(item.competency_id) ?? [])
          .filter((level) => which.has(level.level))
          .map((level) => ({
            which: which.get(level.level) ?? [],
            level: level.level,
            code: fact.levels.find((option) => option.level === level.level)?.code ?? String(level.level),
            ...(level.description ? { description: localize(level.description, language, fallback) } : {}),
            indicators: level.indicators.flatMap((text) => localize(text, language, fallback) ?? []),
            questions: level.questions.map((question) => ({
              text: localize(question.text, language, fallback) ?? { text: '', language, fallback: true },
              probes: question.probes.flatMap((probe) => localize(probe, language, fallback) ?? []),
            })),
          }));
        return [
          {
            competency: competencyRef(fact, language),
            framework: frameworkRefOf(fact, language),
            levels,
            ...(item.note && viewer !== 'employee' ? { note: item.note } : {}),
          },
        ];
      }),
    };
  }
}

function ratingView(rating: RatingRow, codeOf: (level: number) => string, withheld: boolean): ReviewRatingView {
  return {
    outcome: rating.outcome,
    ...(rating.level !== null ? { level: rating.level, levelCode: codeOf(rating.level) } : {}),
    ...(rating.rationale && !withheld ? { rationale: rating.rationale } : {}),
    ...(rating.confidence ? { confidence: rating.confidence } : {}),
    evidenceIds: rating.evidence_ids,
    updatedAt: new Date(rating.updated_at).toISOString(),
  };
}

function levelTexts(fact: CompetencyFactsRow, texts: { level: number; description: Record<string, string> | null }[], language: string) {
  const byLevel = new Map(texts.map((text) => [text.level, text.description]));
  return fact.levels.map((option) => {
    const description = localize(byLevel.get(option.level) ?? null, language, fact.default_language);
    return {
      level: option.level,
      code: option.code,
      label: localizeRequired(option.label, language, fact.default_language),
      ...(description ? { description } : {}),
    };
  });
}

type Previous = { outcome: string; level: number | null } | undefined;

export function changeOf(before: Previous, now: ReviewRatingView | undefined): ReviewCompetencyView['change'] {
  if (!now) return undefined;
  if (!before || before.level === null) return now.level !== undefined ? 'new' : undefined;
  if (now.level === undefined) return undefined;
  return now.level > before.level ? 'up' : now.level < before.level ? 'down' : 'same';
}

export function gapChange(before: Previous, now: ReviewRatingView | undefined, target: number | null): ReviewCompetencyView['gapChange'] {
  if (target === null || !before || before.level === null || !now || now.level === undefined) return undefined;
  const wasBelow = before.level < target;
  const isBelow = now.level < target;
  return wasBelow && !isBelow ? 'closed' : !wasBelow && isBelow ? 'opened' : undefined;
}

/** The sign-offs in force: those since the last reopening (a reopened review is signed again). */
function signaturesInForce(events: EventRow[]): EventRow[] {
  const lastReopen = events.map((event) => event.kind).lastIndexOf('reopen');
  return events.slice(lastReopen + 1).filter((event) => event.kind === 'transition' && event.signed_as);
}

async function currentManagerLevels(runner: SqlRunner, employeeId: string, lineageIds: string[]): Promise<Map<string, number>> {
  const rows = await query<{ lineage_id: string; level: number }>(
    runner,
    sql`SELECT lineage_id, level FROM current_competency_level
        WHERE employee_id = ${employeeId} AND role = 'manager' AND level IS NOT NULL AND lineage_id = ANY(${lineageIds}::uuid[])`,
  );
  return new Map(rows.map((row) => [row.lineage_id, row.level]));
}

interface GuideLevelRow {
  competency_id: string;
  level: number;
  description: Record<string, string> | null;
  indicators: Record<string, string>[];
  questions: { text: Record<string, string>; probes: Record<string, string>[] }[];
}

async function guideLevels(runner: SqlRunner, competencyIds: string[]): Promise<Map<string, GuideLevelRow[]>> {
  const rows = await query<GuideLevelRow>(
    runner,
    sql`SELECT cl.competency_id, cl.level_number AS level, cl.description,
               COALESCE((SELECT json_agg(bi.text ORDER BY bi.position) FROM behaviour_indicator bi WHERE bi.competency_level_id = cl.id), '[]'::json)
                 AS indicators,
               COALESCE((SELECT json_agg(json_build_object('text', q.text, 'probes', q.probes) ORDER BY q.position)
                         FROM interview_question q WHERE q.competency_level_id = cl.id), '[]'::json) AS questions
        FROM competency_level cl WHERE cl.competency_id = ANY(${competencyIds}::uuid[]) ORDER BY cl.competency_id, cl.level_number`,
  );
  const byCompetency = new Map<string, GuideLevelRow[]>();
  for (const row of rows) byCompetency.set(row.competency_id, [...(byCompetency.get(row.competency_id) ?? []), row]);
  return byCompetency;
}
