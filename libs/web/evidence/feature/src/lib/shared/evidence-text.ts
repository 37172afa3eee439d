import {
  EVIDENCE_FILE_TYPES,
  EvidenceClaimView,
  EvidenceFileType,
  EvidenceStatus,
  EvidenceVerdict,
  EvidenceView,
} from '@proficio/shared/contracts';

export const STATUS_LABELS: Record<EvidenceStatus, string> = {
  draft: 'Draft',
  submitted: 'Waiting for review',
  accepted: 'Accepted',
  changes_requested: 'Changes requested',
  rejected: 'Rejected',
};

export const VERDICT_LABELS: Record<EvidenceVerdict, string> = {
  accepted: 'Accepted',
  changes_requested: 'Changes requested',
  rejected: 'Rejected',
};

/**
 * A level's name from its scale code and label: "e-2 Professional"; the label alone where it already holds the
 * code ("Level 2", not "2 Level 2"); the code alone without a label.
 */
export function levelName(code: string, label?: string): string {
  if (!label || label === code) return code;
  return label.endsWith(` ${code}`) ? label : `${code} ${label}`;
}

/** The level of a claim as people read it: "e-2 Professional", or "Level 2" where the scale names none. */
export function claimLevelText(claim: Pick<EvidenceClaimView, 'level' | 'levelCode' | 'levelLabel'>): string {
  return levelName(claim.levelCode ?? `Level ${claim.level}`, claim.levelLabel?.text);
}

/** "C.1 User Support", or the title alone for a competency without a code. */
export function competencyText(competency: { readonly code: string; readonly title: { readonly text: string } }): string {
  return competency.code ? `${competency.code} ${competency.title.text}` : competency.title.text;
}

/** "C.1 User Support at e-2 Professional". */
export function claimText(claim: EvidenceClaimView): string {
  return `${competencyText(claim.competency)} at ${claimLevelText(claim)}`;
}

/** "PDF", "Word (docx)": the type a file was recognised as. */
export function fileTypeText(mediaType: string): string {
  return EVIDENCE_FILE_TYPES[mediaType as EvidenceFileType] ?? mediaType;
}

/** The file types evidence takes, for the file input's `accept` (extensions, as pickers filter by them). */
export const EVIDENCE_FILE_ACCEPT = '.pdf,.png,.jpg,.jpeg,.webp,.txt,.docx,.xlsx,.pptx';

/** A link a person may follow from the page: http(s) only, anything else is shown as text. */
export function isWebLink(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

/** The newest revision's number: a draft its author is writing (`revision` is the one submitted last). */
export function latestRevision(evidence: Pick<EvidenceView, 'revisions' | 'revision'>): number {
  return evidence.revisions[0]?.number ?? evidence.revision;
}
