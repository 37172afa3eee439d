import type { FrameworkRef, TextValue } from './frameworks';

/**
 * An assessment says: this employee, on this competency, is at this level, as of this date, who
 * said so and in which role, and why. Assessments are never changed or deleted: a correction or a
 * withdrawal is a new record pointing at the one it replaces.
 */

/** Who gave the assessment: the person's manager (direct or indirect, or an administrator) or the person themselves. */
export const ASSESSOR_ROLES = ['manager', 'self'] as const;
export type AssessorRole = (typeof ASSESSOR_ROLES)[number];

/** `rated` carries a level; "not assessed" (not looked at yet) and "not applicable" (not part of the job) are answers too. */
export const ASSESSMENT_OUTCOMES = ['rated', 'not_assessed', 'not_applicable'] as const;
export type AssessmentOutcome = (typeof ASSESSMENT_OUTCOMES)[number];

export const ASSESSMENT_CONFIDENCES = ['low', 'medium', 'high'] as const;
export type AssessmentConfidence = (typeof ASSESSMENT_CONFIDENCES)[number];

/** `assessment`: a new judgement; `correction`: replaces an earlier record (a mistake); `withdrawal`: takes one back. */
export type AssessmentKind = 'assessment' | 'correction' | 'withdrawal';

export const ASSESSMENT_LIMITS = {
  rationaleLength: 5000,
  reasonLength: 1000,
} as const;

/** Assessments older than this many months are shown as stale (the `assessment.stale_after_months` setting). */
export const DEFAULT_STALE_AFTER_MONTHS = 12;

/** One record of a person's history on a competency: `GET /api/employees/:id/assessments`. */
export interface AssessmentView {
  id: string;
  employeeId: string;
  competency: { id: string; code: string; title: TextValue };
  framework: FrameworkRef;
  kind: AssessmentKind;
  role: AssessorRole;
  /** Absent on a withdrawal. */
  outcome?: AssessmentOutcome;
  /** With `rated`: one of the competency's own levels (or of its framework's scale when it has none). */
  level?: number;
  /** The scale's code and name for the level, e.g. `e-3` "Apply". */
  levelCode?: string;
  levelLabel?: TextValue;
  /** The date the judgement is about, `YYYY-MM-DD`. */
  assessedOn: string;
  /** When it was written (ISO timestamp). */
  recordedAt: string;
  assessor: { userId: string; employeeId?: string; name: string };
  /** Why: required from managers. Withheld once the person has been anonymised. */
  rationale?: string;
  confidence?: AssessmentConfidence;
  /** A correction or withdrawal: the record it replaces, and why. */
  replaces?: string;
  reason?: string;
  /** Set when a later correction or withdrawal replaced this record. */
  replacedBy?: string;
  /** The accepted evidence the assessment relied on: the revision that was accepted. */
  evidence?: { id: string; revision: number; title: string }[];
  /** Older than the staleness setting. */
  stale: boolean;
}

export interface AssessmentListQuery {
  competencyId?: string;
  page?: number;
  pageSize?: number;
}

/** `POST /api/assessments`: records one assessment, correction or withdrawal. */
export interface RecordAssessmentRequest {
  employeeId: string;
  competencyId: string;
  role: AssessorRole;
  /** Defaults to `rated`. Not sent with `withdraw`. */
  outcome?: AssessmentOutcome;
  /** Required with `rated`. */
  level?: number;
  /** `YYYY-MM-DD`, not in the future; defaults to today. */
  assessedOn?: string;
  /** Required from a manager (not for a withdrawal). */
  rationale?: string;
  confidence?: AssessmentConfidence;
  /**
   * The id of the latest record of this role the form showed for this person and competency, or
   * null when it showed none. When a newer one has been saved since, the API answers 409 with it
   * (`newer` in the problem body) and writes nothing.
   */
  basedOn?: string | null;
  /** A correction (or with `withdraw`, a withdrawal) of this record, which must be the latest of its chain. */
  replaces?: string;
  /** Why it is corrected or withdrawn: required with `replaces`. */
  reason?: string;
  /** Take the `replaces` record back: no level, no outcome. */
  withdraw?: boolean;
  /**
   * Accepted evidence of this person the (manager) assessment relies on: each must claim this
   * competency (or another version of it). The history shows it beside the rating.
   */
  evidence?: string[];
}

/** One level as the rating panel and the competencies tab show it. */
export interface AssessedLevel {
  outcome: AssessmentOutcome;
  level?: number;
  levelCode?: string;
  assessmentId: string;
  assessedOn: string;
  stale: boolean;
  /** The assessment was of an earlier version of the competency (the framework moved on): a manager should confirm it. */
  fromEarlierVersion: boolean;
}

/** One row of the Competencies tab: `GET /api/employees/:id/competencies`. */
export interface EmployeeCompetencyView {
  competency: { id: string; code: string; title: TextValue };
  framework: FrameworkRef;
  /** The levels the competency can be rated at (its own, or its framework's scale when it has none), ascending. */
  levels: { level: number; code: string; label: TextValue }[];
  /** The latest manager assessment in force. */
  manager?: AssessedLevel;
  /** The latest self-assessment. */
  self?: AssessedLevel;
  /** From the person's current role profile, when it asks for this competency. */
  target?: { level: number; code: string; required: boolean; roleProfile: { id: string; name: string } };
  /** From the role the person is growing towards, when it asks for this competency. */
  growthTarget?: { level: number; code: string; roleProfile: { id: string; name: string } };
  /** target − manager level, when both are numbers (positive: below target). */
  gap?: number;
  /** Self and manager levels two or more apart. */
  disagreement: boolean;
}

export interface EmployeeCompetencies {
  employeeId: string;
  /** Which roles the caller may rate this person in. */
  mayRate: AssessorRole[];
  staleAfterMonths: number;
  /** Role-profile competencies first (in the profile's order), then other assessed ones by code. */
  items: EmployeeCompetencyView[];
}

/**
 * Most records one `POST /api/assessments/batch` takes: the team grid's largest save, 50 people × 30
 * competencies. More is refused with a 400 naming `assessments`.
 */
export const ASSESSMENT_BATCH_LIMIT = 1500;

/**
 * Most bytes the body of `POST /api/assessments/batch` may have (10 MiB; every other JSON body: 256 KB).
 * A full batch fits with every text at its longest in ASCII: 1,500 records of about 6.4 KB (a
 * 5,000-character rationale, a 1,000-character reason, the ids) make 9.6 MB. Longer (texts in
 * scripts of more bytes per character) is refused with a 413 naming `assessments` and this limit.
 */
export const ASSESSMENT_BATCH_BODY_LIMIT = 10 * 1024 * 1024;

/**
 * `POST /api/assessments/batch`: the team grid's changes, saved together in one transaction, all or
 * nothing. A refusal names the record: `assessments.3.level`.
 */
export interface RecordAssessmentBatchRequest {
  assessments: RecordAssessmentRequest[];
}

export interface RecordAssessmentBatchResponse {
  /** In the order sent. */
  items: AssessmentView[];
}

/** One step of a progression: from `date`, this record was in force (until the next point). */
export interface ProgressionPoint {
  date: string;
  outcome: AssessmentOutcome;
  level?: number;
  assessmentId: string;
  /** The record was of an earlier version of the competency. */
  fromEarlierVersion: boolean;
}

/** One competency's history as two step series (manager, self) against the target. */
export interface ProgressionSeries {
  competency: { id: string; code: string; title: TextValue };
  framework: FrameworkRef;
  levels: { level: number; code: string }[];
  target?: { level: number; code: string };
  /** Oldest first; corrections replace the record they correct, withdrawals remove it. */
  manager: ProgressionPoint[];
  self: ProgressionPoint[];
}

/** `GET /api/employees/:id/progression`: every competency of the Competencies tab that has history, in the tab's order. */
export interface EmployeeProgression {
  employeeId: string;
  series: ProgressionSeries[];
}

/** `GET /api/me/team-grid`: whose reports. `direct` by default; `line` is the whole reporting line. */
export interface TeamGridQuery {
  scope?: 'direct' | 'line';
  roleProfileId?: string;
  frameworkId?: string;
}

export interface TeamGridCompetency {
  id: string;
  code: string;
  title: TextValue;
  framework: FrameworkRef;
  /** The category it sits in, for grouping columns. */
  category?: TextValue;
  levels: { level: number; code: string; label: TextValue; description?: TextValue }[];
}

export interface TeamGridCell {
  employeeId: string;
  competencyId: string;
  manager?: AssessedLevel;
  /** The person's role profile asks for this level. */
  target?: number;
}

export interface TeamGrid {
  people: { id: string; name: string; jobTitle?: string; roleProfile?: { id: string; name: string }; direct: boolean }[];
  /** The published requirements of their role profiles, grouped by framework and category, in profile order. */
  competencies: TeamGridCompetency[];
  /** Only where there is something: a current manager level or a target. */
  cells: TeamGridCell[];
  staleAfterMonths: number;
}
