import { REVIEW_STATES, ReviewCycleStatus, ReviewState, ReviewStateCounts } from '@proficio/shared/contracts';

export const CYCLE_STATUS_LABELS: Readonly<Record<ReviewCycleStatus, string>> = {
  draft: 'Draft',
  open: 'Open',
  closed: 'Closed',
};

export const REVIEW_STATE_LABELS: Readonly<Record<ReviewState, string>> = {
  not_started: 'Not started',
  self_assessment: 'Self-assessment',
  manager_assessment: 'Manager assessment',
  discussion: 'Discussion',
  manager_signed: 'Manager signed',
  locked: 'Locked',
};

export interface StateCount {
  readonly state: ReviewState;
  readonly label: string;
  readonly count: number;
  /** Share of all reviews, 0–100, for the bar. */
  readonly percent: number;
}

/** The counts per state in the reviews' order, with each one's share of the total. */
export function stateCounts(counts: ReviewStateCounts): StateCount[] {
  const total = REVIEW_STATES.reduce((sum, state) => sum + counts[state], 0);
  return REVIEW_STATES.map((state) => ({
    state,
    label: REVIEW_STATE_LABELS[state],
    count: counts[state],
    percent: total ? (counts[state] / total) * 100 : 0,
  }));
}

/** "1 person", "3 people". */
export function people(count: number): string {
  return `${count} ${count === 1 ? 'person' : 'people'}`;
}

/** "1 review", "3 reviews". */
export function reviews(count: number): string {
  return `${count} ${count === 1 ? 'review' : 'reviews'}`;
}
