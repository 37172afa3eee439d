import { REVIEW_STATES, type ReviewCycleProgressDay, type ReviewStateCounts } from '@proficio/shared/contracts';

const DAY_MS = 86_400_000;

/** The days from `from` to `to` (`YYYY-MM-DD`, both included, UTC). */
function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let at = Date.parse(`${from}T00:00:00Z`), end = Date.parse(`${to}T00:00:00Z`); at <= end; at += DAY_MS) {
    days.push(new Date(at).toISOString().slice(0, 10));
  }
  return days;
}

/**
 * A cycle's progress day by day from its daily changes (`cycleProgressDeltas`): the reviews in each state at the end of
 * each day, added up from the changes up to it, and then counted as having reached each state when they are at it or
 * at a later one. Changes before `from` are counted into its first day.
 */
export function progressDays(
  from: string,
  to: string,
  deltas: readonly { day: string; state: keyof ReviewStateCounts; delta: number }[],
): ReviewCycleProgressDay[] {
  const inState = new Map<string, number>(REVIEW_STATES.map((state) => [state, 0]));
  const sorted = [...deltas].sort((a, b) => a.day.localeCompare(b.day));
  let next = 0;
  return daysBetween(from, to < from ? from : to).map((date) => {
    for (; next < sorted.length && (sorted[next]?.day ?? '') <= date; next++) {
      const change = sorted[next];
      if (change) inState.set(change.state, (inState.get(change.state) ?? 0) + change.delta);
    }
    let atOrBeyond = 0;
    const reached = {} as ReviewStateCounts;
    for (const state of [...REVIEW_STATES].reverse()) {
      atOrBeyond += inState.get(state) ?? 0;
      reached[state] = atOrBeyond;
    }
    return { date, reached: Object.fromEntries(REVIEW_STATES.map((state) => [state, reached[state]])) as ReviewStateCounts };
  });
}
