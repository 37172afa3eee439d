import {
  AssessedLevel,
  AssessmentConfidence,
  AssessmentOutcome,
  AssessmentView,
  AssessorRole,
  EmployeeCompetencyView,
} from '@proficio/shared/contracts';

/** How the pages name who gave an assessment. */
export const ROLE_LABELS: Record<AssessorRole, string> = { manager: 'Manager', self: 'Self-assessment' };

export const CONFIDENCE_LABELS: Record<AssessmentConfidence, string> = { low: 'Low', medium: 'Medium', high: 'High' };

/** The answers that carry no level, as the pages word them. */
export const OUTCOME_LABELS: Record<Exclude<AssessmentOutcome, 'rated'>, string> = {
  not_assessed: 'Not assessed',
  not_applicable: 'Not applicable',
};

/**
 * A level as "e-3 Senior professional" (the code, then the scale's name for it when there is one); the
 * name alone where it already holds the code ("Level 2", not "2 Level 2").
 */
export function levelName(code: string | undefined, label: string | undefined, level: number | undefined): string {
  const shown = code ?? (level !== undefined ? String(level) : '');
  if (!label || label === shown) return shown;
  return shown && label.endsWith(` ${shown}`) ? label : `${shown} ${label}`.trim();
}

/** A current level of the Competencies tab in words: "e-2 Professional", "Not assessed", "Not applicable". */
export function assessedLevelText(levels: EmployeeCompetencyView['levels'], assessed: AssessedLevel): string {
  if (assessed.outcome !== 'rated') return OUTCOME_LABELS[assessed.outcome];
  const known = levels.find((level) => level.level === assessed.level);
  return levelName(assessed.levelCode ?? known?.code, known?.label.text, assessed.level);
}

/** A record of the history in words: its level or outcome, or "Withdrawn". */
export function recordLevelText(record: AssessmentView): string {
  if (record.kind === 'withdrawal' || !record.outcome) return 'Withdrawn';
  if (record.outcome !== 'rated') return OUTCOME_LABELS[record.outcome];
  return levelName(record.levelCode, record.levelLabel?.text, record.level);
}

/** The gap to the target in words (positive: below target), or null when there is none to tell. */
export function gapText(gap: number | undefined): string | null {
  if (gap === undefined) return null;
  if (gap === 0) return 'On target';
  const levels = Math.abs(gap) === 1 ? 'level' : 'levels';
  return gap > 0 ? `${gap} ${levels} below target` : `${-gap} ${levels} above target`;
}
