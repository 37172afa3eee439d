import type { FrameworkRef, Page, TextValue } from './frameworks';

/**
 * Evidence: an employee's proof of what they did at a level of a competency, reviewed by their
 * managers. Its content lives in revisions: a draft revision is edited in place by its author; a
 * submitted revision never changes again, and an amendment is a new revision, so every verdict
 * keeps the text it was given on.
 *
 *   draft ──submit──▶ submitted ──verdict──▶ accepted
 *                                        ├─▶ changes_requested ──amend──▶ draft (revision n+1)
 *                                        └─▶ rejected ──────────amend──▶ draft (revision n+1)
 */

export const EVIDENCE_STATUSES = ['draft', 'submitted', 'accepted', 'changes_requested', 'rejected'] as const;
export type EvidenceStatus = (typeof EVIDENCE_STATUSES)[number];

export const EVIDENCE_VERDICTS = ['accepted', 'changes_requested', 'rejected'] as const;
export type EvidenceVerdict = (typeof EVIDENCE_VERDICTS)[number];

export const EVIDENCE_LIMITS = {
  titleLength: 200,
  narrativeLength: 20_000,
  answerLength: 5000,
  links: 20,
  linkLength: 2000,
  claims: 10,
  commentLength: 5000,
} as const;

/** Defaults of the `evidence.max_file_mb` and `evidence.max_files` settings (`app_setting`). */
export const DEFAULT_EVIDENCE_FILE_LIMITS = { maxFileMegabytes: 10, maxFiles: 20 } as const;

/** The file types evidence accepts, recognised from the content, never from the name. */
export const EVIDENCE_FILE_TYPES = {
  'application/pdf': 'PDF',
  'image/png': 'PNG',
  'image/jpeg': 'JPEG',
  'image/webp': 'WebP',
  'text/plain': 'plain text',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word (docx)',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel (xlsx)',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'PowerPoint (pptx)',
} as const;
export type EvidenceFileType = keyof typeof EVIDENCE_FILE_TYPES;

/** One competency and level the evidence is aimed at (one of the competency's own levels). */
export interface EvidenceClaimRequest {
  competencyId: string;
  level: number;
}

/** The answer to one behavioural interview question of a claimed level, by its position in the level's list. */
export interface EvidenceAnswerRequest {
  /** Which claim (position in `claims`) the question belongs to. */
  claim: number;
  question: number;
  answer: string;
}

/** `POST /api/evidence` (a new draft) and `PUT /api/evidence/:id` (edit the draft, or amend: a new draft revision). */
export interface EvidenceContentRequest {
  title: string;
  /** `YYYY-MM-DD`: when the activity took place (or began), not in the future. */
  activityFrom: string;
  /** `YYYY-MM-DD`, on or after `activityFrom`, for an activity over a period. */
  activityTo?: string;
  claims: EvidenceClaimRequest[];
  /** Answers to the claimed levels' interview questions (the STAR prompts). */
  answers?: EvidenceAnswerRequest[];
  /** Free text, beside or instead of the answers. */
  narrative?: string;
  /** Which behaviour indicators of the claimed levels this evidence shows: `{ claim, indicator }` positions. */
  indicators?: { claim: number; indicator: number }[];
  links?: string[];
}

export interface CreateEvidenceRequest extends EvidenceContentRequest {
  /** Whose evidence: the caller's own (or, for an administrator, anyone's). */
  employeeId: string;
}

export interface UpdateEvidenceRequest extends EvidenceContentRequest {
  /** The revision number the form showed; a newer one answers 409. */
  basedOnRevision: number;
}

export interface EvidenceClaimView {
  competency: { id: string; code: string; title: TextValue };
  framework: FrameworkRef;
  level: number;
  levelCode?: string;
  levelLabel?: TextValue;
}

export interface EvidenceFileView {
  id: string;
  /** The name it was uploaded with: for display only. */
  name: string;
  mediaType: EvidenceFileType;
  size: number;
  sha256: string;
  uploadedAt: string;
}

export interface EvidenceVerdictView {
  id: string;
  verdict: EvidenceVerdict;
  comment?: string;
  reviewer: { userId: string; name: string };
  givenAt: string;
}

export interface EvidenceRevisionView {
  number: number;
  title: string;
  activityFrom: string;
  activityTo?: string;
  claims: EvidenceClaimView[];
  answers: { claim: number; question: number; questionText: TextValue; answer: string }[];
  narrative?: string;
  indicators: { claim: number; indicator: number; text: TextValue }[];
  links: string[];
  files: EvidenceFileView[];
  createdAt: string;
  /** Absent while the revision is a draft. */
  submittedAt?: string;
  /** The verdict given on this revision, if any. */
  verdict?: EvidenceVerdictView;
}

export interface EvidenceCommentView {
  id: string;
  author: { userId: string; name: string };
  body: string;
  createdAt: string;
}

/** One line of a list: `GET /api/evidence`, `GET /api/inbox`. */
export interface EvidenceSummary {
  id: string;
  employee: { id: string; name: string };
  status: EvidenceStatus;
  title: string;
  claims: EvidenceClaimView[];
  revision: number;
  fileCount: number;
  createdAt: string;
  submittedAt?: string;
  updatedAt: string;
}

/** `GET /api/evidence/:id`: the item with every revision (newest first), verdict and comment. */
export interface EvidenceView extends EvidenceSummary {
  revisions: EvidenceRevisionView[];
  comments: EvidenceCommentView[];
  /** What the caller may do now. */
  may: { edit: boolean; submit: boolean; amend: boolean; review: boolean; comment: boolean; discard: boolean };
}

export interface EvidenceListQuery {
  employeeId?: string;
  competencyId?: string;
  status?: EvidenceStatus;
  page?: number;
  pageSize?: number;
}

/** `POST /api/evidence/:id/verdicts`: on the submitted revision `revision`. A comment is required unless accepted. */
export interface EvidenceVerdictRequest {
  revision: number;
  verdict: EvidenceVerdict;
  comment?: string;
}

export interface EvidenceCommentRequest {
  body: string;
}

/** `GET /api/inbox`: what waits for the caller as a reviewer. */
export interface InboxCounts {
  /** Submitted evidence of people in the caller's line, waiting for a verdict. */
  evidence: number;
  /** Self-assessments two or more levels away from the caller's own rating of that person. */
  disagreements: number;
}

export interface InboxDisagreement {
  employee: { id: string; name: string };
  competency: { id: string; code: string; title: TextValue };
  framework: FrameworkRef;
  managerLevel: number;
  selfLevel: number;
  selfAssessedOn: string;
}

export const NOTIFICATION_KINDS = [
  'evidence_submitted',
  'evidence_verdict',
  'evidence_comment',
  'review_step',
  'review_due',
  'review_overdue',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export interface NotificationView {
  id: string;
  kind: NotificationKind;
  /** Ready to show: "Sara Rossi submitted evidence: Led the incident review". */
  text: string;
  evidenceId?: string;
  employeeId?: string;
  reviewId?: string;
  createdAt: string;
  read: boolean;
}

/** `GET /api/notifications`: newest first, with the unread count for the bell. */
export interface NotificationList extends Page<NotificationView> {
  unread: number;
}
