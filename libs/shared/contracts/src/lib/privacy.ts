import type { Role } from './auth';
import type { EmployeeStatus, NamedRef } from './people';

/** The version of the personal data export's shape; raised when a section changes incompatibly. */
export const PERSONAL_DATA_SCHEMA_VERSION = 1;

/** What readers and exports see in place of an anonymised person's free texts. */
export const WITHHELD_TEXT = '(withheld: the person has been anonymised)';

/**
 * Everything Proficio holds about one person: `GET /api/me/export` (yourself)
 * and `GET /api/employees/:id/export` (an administrator, or the person).
 * Each kind of data is a section; new kinds (assessments, evidence) are new
 * keys of `sections`, so readers should ignore keys they do not know.
 */
export interface PersonalDataExport {
  schemaVersion: typeof PERSONAL_DATA_SCHEMA_VERSION;
  exportedAt: string;
  subject: { userId?: string; employeeId?: string };
  sections: PersonalDataSections;
}

export interface PersonalDataSections {
  /** The sign-in account (never its password or token hashes); null for a person without one. */
  account: PersonalDataAccount | null;
  /** The employee record; null for an account that is not an employee. */
  employee: PersonalDataEmployee | null;
  /** `about`: changes to the person's records, in full. `by`: what the person did, without the records' contents. */
  auditEvents: { about: PersonalDataAuditEvent[]; by: PersonalDataAuditEvent[] };
  /**
   * `about`: every assessment of the person, corrections and withdrawals included, in full.
   * `by`: the assessments the person recorded about others, without their rationales.
   */
  assessments: { about: PersonalDataAssessment[]; by: PersonalDataAssessment[] };
  /**
   * `about`: every piece of evidence about the person with every revision, verdict and comment, in full (files by name,
   * type, size and SHA-256; the files themselves download from the evidence). `verdictsBy`: the verdicts the person gave
   * on others' evidence, without their comments. A draft amendment is included: it is the person's own data.
   */
  evidence: { about: PersonalDataEvidence[]; verdictsBy: PersonalDataVerdict[] };
  /**
   * `about`: every review of the person, in full: its drafts of both sides, notes, steps and sign-off comments, and the
   * frozen snapshots of what was signed. `ratingsBy`: the draft ratings the person gave in others' reviews, without
   * their rationales.
   */
  reviews: { about: PersonalDataReview[]; ratingsBy: PersonalDataReviewRating[] };
}

export interface PersonalDataReviewRating {
  reviewId: string;
  competency: { id: string; code: string };
  role: 'self' | 'manager';
  outcome: string;
  level?: number;
  rationale?: string;
  confidence?: string;
  updatedAt: string;
}

export interface PersonalDataReview {
  id: string;
  cycle: { id: string; name: string; periodStart: string; periodEnd: string };
  state: string;
  manager?: NamedRef;
  createdAt: string;
  lockedAt?: string;
  ratings: PersonalDataReviewRating[];
  notes: { competency?: { id: string; code: string }; text: string; updatedAt: string }[];
  events: { kind: string; from?: string; to?: string; signedAs?: string; comment?: string; at: string }[];
  snapshots: { number: number; takenAt: string; content: unknown }[];
}

export interface PersonalDataEvidence {
  id: string;
  status: string;
  createdAt: string;
  revisions: {
    number: number;
    title: string;
    activityFrom: string;
    activityTo?: string;
    claims: { competencyId: string; competencyCode: string; level: number }[];
    answers: { question: Record<string, string>; answer: string }[];
    indicators: Record<string, string>[];
    narrative?: string;
    links: string[];
    files: { name: string; mediaType: string; size: number; sha256: string }[];
    createdAt: string;
    submittedAt?: string;
    verdict?: PersonalDataVerdict & { comment?: string };
  }[];
  comments: { authorUserId: string; body: string; createdAt: string }[];
}

export interface PersonalDataVerdict {
  evidenceId: string;
  employeeId: string;
  revision: number;
  verdict: string;
  reviewerUserId: string;
  givenAt: string;
}

export interface PersonalDataAssessment {
  id: string;
  employeeId: string;
  competency: { id: string; code: string };
  kind: string;
  role: string;
  outcome?: string;
  level?: number;
  assessedOn: string;
  recordedAt: string;
  assessorUserId: string;
  rationale?: string;
  confidence?: string;
  replaces?: string;
  reason?: string;
}

export interface PersonalDataAccount {
  id: string;
  email: string;
  roles: Role[];
  createdAt: string;
  passwordChangedAt?: string;
  disabledAt?: string;
}

export interface PersonalDataEmployee {
  id: string;
  name: string;
  email: string;
  jobTitle?: string;
  status: EmployeeStatus;
  startDate?: string;
  team?: NamedRef;
  manager?: NamedRef;
  directReports: NamedRef[];
  roleProfile?: NamedRef;
  targetRoleProfile?: NamedRef;
  createdAt: string;
  updatedAt: string;
  anonymisedAt?: string;
}

export interface PersonalDataAuditEvent {
  occurredAt: string;
  action: string;
  entityType: string;
  entityId?: string;
  actorUserId?: string;
  before?: unknown;
  after?: unknown;
}

/**
 * `POST /api/employees/:id/anonymisation` (admin): a person who has left loses
 * their identity (name, email, job title, start date, sign-in account); their
 * team, role profiles, place in the reporting line and assessments (levels and
 * dates) stay, so aggregate statistics keep counting them. The assessments'
 * written rationales and correction reasons are withheld from then on.
 */
export interface AnonymisationResult {
  employeeId: string;
  /** "Former employee <first 8 characters of the id>". */
  name: string;
  anonymisedAt: string;
  /** Whether a sign-in account was disabled and stripped of its email. */
  accountDisabled: boolean;
}
