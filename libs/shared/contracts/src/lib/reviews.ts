import { ASSESSMENT_LIMITS, type AssessmentConfidence, type AssessmentOutcome } from './assessments';
import type { FrameworkRef, Page, TextValue } from './frameworks';

/**
 * Review cycles: the performance review as a process. An administrator creates a cycle (who takes
 * part, which competencies, deadlines) and opens it; opening creates one review per participant,
 * assigned to their manager at that moment. A review moves
 *
 *   not_started ─start─▶ self_assessment ─submit self─▶ manager_assessment ─share─▶ discussion
 *     ─manager signs─▶ manager_signed ─employee signs─▶ locked  (─reopen (admin)─▶ discussion)
 *
 * While a review is open its ratings are drafts that change nobody's current level; the employee's
 * sign-off makes them assessments (the official record) and freezes a snapshot, in one transaction.
 */

export const REVIEW_CYCLE_STATUSES = ['draft', 'open', 'closed'] as const;
export type ReviewCycleStatus = (typeof REVIEW_CYCLE_STATUSES)[number];

export const REVIEW_STATES = ['not_started', 'self_assessment', 'manager_assessment', 'discussion', 'manager_signed', 'locked'] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];

/** The actions that move a review, `POST /api/reviews/:id/actions/:action`. */
export const REVIEW_ACTIONS = ['start', 'submit-self', 'share', 'sign', 'reopen'] as const;
export type ReviewAction = (typeof REVIEW_ACTIONS)[number];

export const REVIEW_LIMITS = {
  nameLength: 200,
  participants: 50_000,
  pickedPeople: 5000,
  noteLength: 10_000,
  commentLength: 2000,
  reasonLength: 1000,
  /** A rating's rationale becomes the assessment's: the same limit. */
  rationaleLength: ASSESSMENT_LIMITS.rationaleLength,
} as const;

/** Who takes part: one of a team (with its sub-teams), everyone holding a role profile, or people picked by hand. */
export const REVIEW_PARTICIPANT_KINDS = ['team', 'role-profile', 'people'] as const;
export type ReviewParticipantKind = (typeof REVIEW_PARTICIPANT_KINDS)[number];

/** `teamId` with `team`, `roleProfileId` with `role-profile`, `employeeIds` with `people`. */
export interface ReviewParticipantsRequest {
  kind: ReviewParticipantKind;
  teamId?: string;
  roleProfileId?: string;
  employeeIds?: string[];
}

/** `POST /api/review-cycles` and `PUT /api/review-cycles/:id` (dates only, once open). */
export interface ReviewCycleRequest {
  name: string;
  /** `YYYY-MM-DD` */
  periodStart: string;
  periodEnd: string;
  /** Deadline of the self-assessment, `YYYY-MM-DD`. */
  selfDue: string;
  /** Deadline of the manager assessment, on or after `selfDue`. */
  managerDue: string;
  participants: ReviewParticipantsRequest;
  /** Also review the competencies of each participant's target role profile. */
  includeTargetRole: boolean;
}

export type ReviewStateCounts = Record<ReviewState, number>;

export interface ReviewCycleView {
  id: string;
  name: string;
  periodStart: string;
  periodEnd: string;
  selfDue: string;
  managerDue: string;
  status: ReviewCycleStatus;
  participants: ReviewParticipantsRequest;
  /** Names of what `participants` points at, for display. */
  participantsLabel: string;
  includeTargetRole: boolean;
  openedAt?: string;
  closedAt?: string;
  createdAt: string;
  /** Reviews per state (in the caller's reach: a manager's line, everything for an admin); zeros before opening. */
  counts: ReviewStateCounts;
  total: number;
  overdue: number;
}

export interface ReviewCycleListQuery {
  status?: ReviewCycleStatus;
  page?: number;
  pageSize?: number;
}

/** One day of a cycle's progress: how far its reviews (in the caller's reach) had got by the end of that day (UTC). */
export interface ReviewCycleProgressDay {
  /** `YYYY-MM-DD` */
  date: string;
  /**
   * Reviews at each state or beyond it at the end of the day: `not_started` counts every review that existed then,
   * `manager_assessment` those past the self-assessment, `locked` those locked. A reopened review counts as at the
   * discussion again.
   */
  reached: ReviewStateCounts;
}

/** `GET /api/review-cycles/:id/progress`: each day from the opening to today (none before the cycle opens). */
export interface ReviewCycleProgress {
  cycleId: string;
  days: ReviewCycleProgressDay[];
}

/** `GET /api/review-cycles/:id/preview`: who opening the cycle would include, before it is opened. */
export interface ReviewCyclePreview {
  participants: number;
  /** Participants without a current role profile (their review starts with no competencies in scope). */
  withoutRoleProfile: number;
  /** Participants without a manager (their review is handled by administrators). */
  withoutManager: number;
  /** Already in the cycle (when adding people to an open cycle). */
  alreadyIn: number;
  /** The first participants by name. */
  sample: { id: string; name: string; roleProfile?: string; manager?: string }[];
}

/** `POST /api/review-cycles/:id/participants`: people joining an open cycle. */
export interface AddReviewParticipantsRequest {
  employeeIds: string[];
}

export interface ReviewPersonRef {
  id: string;
  name: string;
}

/** One row of `GET /api/reviews`. */
export interface ReviewSummary {
  id: string;
  cycle: { id: string; name: string; selfDue: string; managerDue: string; status: ReviewCycleStatus };
  employee: ReviewPersonRef;
  manager?: ReviewPersonRef;
  state: ReviewState;
  stateChangedAt: string;
  /** The next step's deadline has passed. */
  overdue: boolean;
  competencyCount: number;
  lockedAt?: string;
}

export interface ReviewListQuery {
  cycleId?: string;
  state?: ReviewState;
  managerId?: string;
  employeeId?: string;
  q?: string;
  page?: number;
  pageSize?: number;
}

/** A rating in a review: a draft until the review is locked. */
export interface ReviewRatingView {
  outcome: AssessmentOutcome;
  level?: number;
  levelCode?: string;
  rationale?: string;
  confidence?: AssessmentConfidence;
  evidenceIds: string[];
  updatedAt: string;
}

export interface ReviewLevelText {
  level: number;
  code: string;
  /** The scale's name for the level. */
  label: TextValue;
  /** What the competency asks at this level, when the framework says. */
  description?: TextValue;
}

/** The level then and now, against the person's previous locked review. */
export type ReviewChange = 'up' | 'down' | 'same' | 'new';

export interface ReviewCompetencyView {
  competency: { id: string; code: string; title: TextValue };
  framework: FrameworkRef;
  levels: ReviewLevelText[];
  /** The current role profile's target, as published when the cycle opened. */
  target?: { level: number; code: string; required: boolean };
  /** The target role profile's level, when the cycle includes target roles. */
  growthTarget?: { level: number; code: string };
  /** Hidden from the manager until the employee submits their self-assessment. */
  self?: ReviewRatingView;
  /** Hidden from the employee until the manager shares it at the discussion step. */
  manager?: ReviewRatingView;
  note?: string;
  /** Against the previous locked review: the manager level then, and the change to the level now. */
  previous?: { reviewId: string; level?: number; outcome: AssessmentOutcome };
  change?: ReviewChange;
  /** Whether the gap to the target closed or opened since the previous review. */
  gapChange?: 'closed' | 'opened';
  /** Evidence of this competency accepted since the previous locked review (or ever, for a first review). */
  acceptedEvidence: { id: string; title: string; level: number; acceptedAt: string }[];
}

export interface ReviewSignature {
  role: 'manager' | 'employee';
  by: ReviewPersonRef;
  signedAt: string;
  comment?: string;
}

export interface ReviewEventView {
  kind: 'transition' | 'reopen' | 'reassign';
  from?: ReviewState;
  to?: ReviewState;
  by?: ReviewPersonRef;
  at: string;
  comment?: string;
}

export interface ReviewSnapshotRef {
  id: string;
  number: number;
  takenAt: string;
}

/** `GET /api/reviews/:id`. */
export interface ReviewView extends ReviewSummary {
  /** What the caller is: the reviewed employee, the assigned manager, an administrator, or a manager higher in the line (who sees locked reviews only). */
  viewer: 'employee' | 'manager' | 'admin' | 'line-manager';
  /** The actions the caller may take now. */
  actions: ReviewAction[];
  /** Which ratings the caller may edit now. */
  mayEdit: ('self' | 'manager' | 'note')[];
  competencies: ReviewCompetencyView[];
  generalNote?: string;
  signatures: ReviewSignature[];
  events: ReviewEventView[];
  /** Frozen snapshots, newest first (more than one after a reopen). */
  snapshots: ReviewSnapshotRef[];
}

/** `PUT /api/reviews/:id/ratings`: save draft ratings (of the caller's role) and notes. */
export interface ReviewRatingRequest {
  competencyId: string;
  outcome: AssessmentOutcome;
  level?: number;
  rationale?: string;
  confidence?: AssessmentConfidence;
  evidence?: string[];
}

export interface SaveReviewRatingsRequest {
  role: 'self' | 'manager';
  ratings: ReviewRatingRequest[];
}

export interface SaveReviewNotesRequest {
  /** Notes per competency (`competencyId` absent: the review's general note); empty text clears. */
  notes: { competencyId?: string; text: string }[];
}

/** `POST /api/reviews/:id/actions/:action`: `comment` with `sign` (e.g. disagreement), `reason` with `reopen` (required). */
export interface ReviewActionRequest {
  comment?: string;
  reason?: string;
}

/** `PUT /api/reviews/:id/manager` (admins): reassign an open review. */
export interface ReassignReviewRequest {
  managerId: string;
}

/** A frozen snapshot, `GET /api/reviews/:id/snapshots/:number`: what was signed, never changed afterwards. */
export interface ReviewSnapshot {
  number: number;
  takenAt: string;
  review: Omit<ReviewView, 'viewer' | 'actions' | 'mayEdit' | 'snapshots' | 'events'>;
}

/** `GET /api/reviews/:id/guide`: the interview guide for each competency in scope. */
export interface ReviewGuide {
  reviewId: string;
  employee: ReviewPersonRef;
  cycle: { id: string; name: string };
  competencies: {
    competency: { id: string; code: string; title: TextValue; description?: TextValue };
    framework: FrameworkRef;
    /** The current (manager) level, when there is one, and the target: their texts, indicators and questions. */
    levels: {
      which: ('current' | 'target' | 'growth-target')[];
      level: number;
      code: string;
      description?: TextValue;
      indicators: TextValue[];
      questions: { text: TextValue; probes: TextValue[] }[];
    }[];
    note?: string;
  }[];
}

export type ReviewPage = Page<ReviewSummary>;
