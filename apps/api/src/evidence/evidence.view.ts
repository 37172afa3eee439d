import {
  type EvidenceClaimView,
  type EvidenceCommentView,
  type EvidenceFileType,
  type EvidenceFileView,
  type EvidenceRevisionView,
  type EvidenceSummary,
  WITHHELD_TEXT,
} from '@proficio/shared/contracts';
import { type CompetencyFactsRow, competencyRef, languageOf } from '../assessments';
import { frameworkRefOf } from '../frameworks';
import { localizeRequired } from '../frameworks';
import type { CommentRow, EvidenceRow, RevisionRow } from './evidence.queries';

/** Competency facts by id, and the Accept-Language header they are shown for. */
export interface ClaimContext {
  facts: ReadonlyMap<string, CompetencyFactsRow>;
  acceptLanguage?: string;
}

const iso = (value: Date | string): string => new Date(value).toISOString();

/** Text withheld once the person has been anonymised (the rows stay as written: history is append-only). */
export const WITHHELD = WITHHELD_TEXT;

export function claimView(claim: { competency_id: string; level: number }, context: ClaimContext): EvidenceClaimView {
  const facts = context.facts.get(claim.competency_id);
  if (!facts) throw new Error(`competency ${claim.competency_id} was not looked up`);
  const language = languageOf(facts, context.acceptLanguage);
  const option = facts.levels.find((level) => level.level === claim.level);
  return {
    competency: competencyRef(facts, language),
    framework: frameworkRefOf(facts, language),
    level: claim.level,
    ...(option ? { levelCode: option.code, levelLabel: localizeRequired(option.label, language, facts.default_language) } : {}),
  };
}

export function summaryView(row: EvidenceRow, context: ClaimContext): EvidenceSummary {
  return {
    id: row.id,
    employee: { id: row.employee_id, name: row.employee_name },
    status: row.status,
    title: row.employee_anonymised ? WITHHELD : row.title,
    claims: row.claims.map((claim) => claimView(claim, context)),
    revision: row.submitted_revision ?? row.current_revision,
    fileCount: row.file_count,
    createdAt: iso(row.created_at),
    ...(row.submitted_at ? { submittedAt: iso(row.submitted_at) } : {}),
    updatedAt: iso(row.updated_at),
  };
}

export function fileView(file: RevisionRow['files'][number]): EvidenceFileView {
  return {
    id: file.id,
    name: file.name,
    mediaType: file.media_type as EvidenceFileType,
    size: Number(file.size),
    sha256: file.sha256,
    uploadedAt: iso(file.uploaded_at),
  };
}

export function revisionView(row: RevisionRow, context: ClaimContext, anonymised: boolean): EvidenceRevisionView {
  const claims = row.claims.map((claim) => claimView(claim, context));
  const languageOfClaim = (index: number) => {
    const facts = context.facts.get(row.claims[index]?.competency_id ?? '');
    return facts
      ? { language: languageOf(facts, context.acceptLanguage), fallback: facts.default_language }
      : { language: 'en', fallback: 'en' };
  };
  const text = (value: Record<string, string>, claim: number) => {
    const { language, fallback } = languageOfClaim(claim);
    return localizeRequired(value, language, fallback);
  };
  const withheld = (value: string) => (anonymised ? WITHHELD : value);
  return {
    number: row.number,
    title: withheld(row.title),
    activityFrom: row.activity_from,
    ...(row.activity_to ? { activityTo: row.activity_to } : {}),
    claims,
    answers: row.answers.map((answer) => ({
      claim: answer.claim,
      question: answer.question,
      questionText: text(answer.questionText, answer.claim),
      answer: withheld(answer.answer),
    })),
    ...(row.narrative ? { narrative: withheld(row.narrative) } : {}),
    indicators: row.indicators.map((indicator) => ({
      claim: indicator.claim,
      indicator: indicator.indicator,
      text: text(indicator.text, indicator.claim),
    })),
    links: anonymised ? [] : row.links,
    files: anonymised ? [] : row.files.map(fileView),
    createdAt: iso(row.created_at),
    ...(row.submitted_at ? { submittedAt: iso(row.submitted_at) } : {}),
    ...(row.verdict
      ? {
          verdict: {
            id: row.verdict.id,
            verdict: row.verdict.verdict,
            ...(row.verdict.comment ? { comment: withheld(row.verdict.comment) } : {}),
            reviewer: { userId: row.verdict.reviewer_user_id, name: row.verdict.reviewer_name },
            givenAt: iso(row.verdict.given_at),
          },
        }
      : {}),
  };
}

export function commentView(row: CommentRow, anonymised: boolean): EvidenceCommentView {
  return {
    id: row.id,
    author: { userId: row.author_user_id, name: row.author_name },
    body: anonymised ? WITHHELD : row.body,
    createdAt: iso(row.created_at),
  };
}

/** What the audit log keeps of an item's change: no narrative (it can be long and personal), the facts. */
export function evidenceSnapshot(row: {
  status: string;
  revision: number;
  title: string;
  claims: readonly { competencyId: string; level: number }[];
  fileCount?: number;
}): Record<string, unknown> {
  return {
    status: row.status,
    revision: row.revision,
    title: row.title,
    claims: row.claims,
    ...(row.fileCount !== undefined ? { fileCount: row.fileCount } : {}),
  };
}
