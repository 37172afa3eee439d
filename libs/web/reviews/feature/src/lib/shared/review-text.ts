import {
  REVIEW_STATES,
  ReviewAction,
  ReviewChange,
  ReviewLevelText,
  ReviewRatingView,
  ReviewState,
  ReviewSummary,
} from '@proficio/shared/contracts';
import { ApiProblem } from '@proficio/web/shared/util';

/** A review's state in words. */
export const STATE_LABELS: Record<ReviewState, string> = {
  not_started: 'Not started',
  self_assessment: 'Self-assessment',
  manager_assessment: 'Manager assessment',
  discussion: 'Discussion',
  manager_signed: 'Signed by the manager',
  locked: 'Locked',
};

/** The states in order, as the review's progress shows them. */
export const STATE_STEPS: readonly { state: ReviewState; label: string }[] = REVIEW_STATES.map((state) => ({
  state,
  label: STATE_LABELS[state],
}));

export const CHANGE_LABELS: Record<ReviewChange, string> = {
  up: 'Up since last time',
  down: 'Down since last time',
  same: 'Same as last time',
  new: 'New since last time',
};

/** The buttons of the steps. `share` names the person (`Share with Sara Bianchi`). */
export function actionLabel(action: ReviewAction, personName: string): string {
  switch (action) {
    case 'start':
      return 'Start';
    case 'submit-self':
      return 'Submit self-assessment';
    case 'share':
      return `Share with ${personName}`;
    case 'sign':
      return 'Sign';
    case 'reopen':
      return 'Reopen';
  }
}

/** "e-2 Professional"; the label alone where it holds the code ("Level 2"); the code alone without a label. */
export function levelName(code: string, label?: string): string {
  if (!label || label === code) return code;
  return label.endsWith(` ${code}`) ? label : `${code} ${label}`;
}

/** "C.1 User Support", or the title alone for a competency without a code. */
export function competencyText(competency: { readonly code: string; readonly title: { readonly text: string } }): string {
  return competency.code ? `${competency.code} ${competency.title.text}` : competency.title.text;
}

/** A level number named by the competency's levels ("e-2 Professional"), or "Level 2" when they do not have it. */
export function levelText(levels: readonly ReviewLevelText[], level: number | undefined): string {
  if (level === undefined) return '';
  const found = levels.find((option) => option.level === level);
  return found ? levelName(found.code, found.label.text) : `Level ${level}`;
}

/** A draft rating in words: the level, or "Not assessed" / "Not applicable". */
export function ratingText(levels: readonly ReviewLevelText[], rating: ReviewRatingView | undefined): string {
  if (!rating) return '';
  if (rating.outcome === 'not_assessed') return 'Not assessed';
  if (rating.outcome === 'not_applicable') return 'Not applicable';
  return levelText(levels, rating.level);
}

/** The deadline of the step the review is at: the self-assessment's until it is submitted, then the manager's. */
export function nextDeadline(review: Pick<ReviewSummary, 'state' | 'cycle'>): { label: string; date: string } | null {
  if (review.state === 'not_started' || review.state === 'self_assessment')
    return { label: 'Self-assessment due', date: review.cycle.selfDue };
  if (review.state === 'manager_assessment') return { label: 'Manager assessment due', date: review.cycle.managerDue };
  return null;
}

const FIELD_WORDS: Record<string, string> = {
  state: 'The review',
  ratings: 'The ratings',
  reason: 'The reason',
  comment: 'The comment',
  managerId: 'The manager',
};

/**
 * What went wrong with a step or a save, in one sentence: a 409 names `state` ("The review is manager_assessment (at
 * the manager assessment): share is taken by …") or `ratings` ("The ratings lack a self-rating for C.4").
 */
export function problemMessage(problem: ApiProblem): string {
  const errors = problem.errors ?? [];
  if (errors.length === 0) return problem.detail ? `${problem.title}: ${problem.detail}` : problem.title;
  return errors.map((error) => `${FIELD_WORDS[error.field] ?? error.field} ${error.message}`).join('. ');
}
