import {
  Page,
  REVIEW_STATES,
  ReviewCyclePreview,
  ReviewCycleProgress,
  ReviewCycleView,
  ReviewStateCounts,
  ReviewSummary,
} from '@proficio/shared/contracts';

/** Ids of the review cycle fixtures, fixed for tests. */
export const REVIEW_CYCLE_IDS = {
  cycle: '0c7c0000-0000-4000-8000-000000000001',
  other: '0c7c0000-0000-4000-8000-000000000002',
  review: '0c7e0000-0000-4000-8000-000000000001',
  desk: '0a000000-0000-4000-8000-000000000003',
  sara: '0b000000-0000-4000-8000-000000000005',
  luca: '0b000000-0000-4000-8000-000000000004',
} as const;

export function stateCounts(counts: Partial<ReviewStateCounts> = {}): ReviewStateCounts {
  return { ...(Object.fromEntries(REVIEW_STATES.map((state) => [state, 0])) as ReviewStateCounts), ...counts };
}

/** The 2027 annual review of Service Desk, a draft unless `overrides` say. */
export function reviewCycle(overrides: Partial<ReviewCycleView> = {}): ReviewCycleView {
  const counts = overrides.counts ?? stateCounts();
  return {
    id: REVIEW_CYCLE_IDS.cycle,
    name: '2027 annual review',
    periodStart: '2027-01-01',
    periodEnd: '2027-12-31',
    selfDue: '2028-01-15',
    managerDue: '2028-01-31',
    status: 'draft',
    participants: { kind: 'team', teamId: REVIEW_CYCLE_IDS.desk },
    participantsLabel: 'Team Service Desk and its sub-teams',
    includeTargetRole: false,
    createdAt: '2027-12-01T09:00:00.000Z',
    counts,
    total: Object.values(counts).reduce((sum, count) => sum + count, 0),
    overdue: 0,
    ...overrides,
  };
}

/**
 * Four days of an open cycle of three reviews: opened on 1 March, two started on the 2nd, one past the self-assessment
 * on the 3rd, nothing on the 4th (today).
 */
export function reviewCycleProgress(overrides: Partial<ReviewCycleProgress> = {}): ReviewCycleProgress {
  const day = (date: string, reached: Partial<ReviewStateCounts>) => ({ date, reached: stateCounts(reached) });
  return {
    cycleId: REVIEW_CYCLE_IDS.cycle,
    days: [
      day('2027-03-01', { not_started: 3 }),
      day('2027-03-02', { not_started: 3, self_assessment: 2 }),
      day('2027-03-03', { not_started: 3, self_assessment: 2, manager_assessment: 1 }),
      day('2027-03-04', { not_started: 3, self_assessment: 2, manager_assessment: 1 }),
    ],
    ...overrides,
  };
}

export function reviewCyclePreview(overrides: Partial<ReviewCyclePreview> = {}): ReviewCyclePreview {
  return {
    participants: 3,
    withoutRoleProfile: 1,
    withoutManager: 0,
    alreadyIn: 0,
    sample: [
      { id: REVIEW_CYCLE_IDS.luca, name: 'Luca Esposito', roleProfile: 'Service Desk Team Lead', manager: 'Marco Rossi' },
      { id: REVIEW_CYCLE_IDS.sara, name: 'Sara Bianchi', roleProfile: 'Service Desk Analyst', manager: 'Luca Esposito' },
      { id: '0b000000-0000-4000-8000-000000000006', name: 'Tom Weber', manager: 'Luca Esposito' },
    ],
    ...overrides,
  };
}

export function reviewSummary(overrides: Partial<ReviewSummary> = {}): ReviewSummary {
  return {
    id: REVIEW_CYCLE_IDS.review,
    cycle: { id: REVIEW_CYCLE_IDS.cycle, name: '2027 annual review', selfDue: '2028-01-15', managerDue: '2028-01-31', status: 'open' },
    employee: { id: REVIEW_CYCLE_IDS.sara, name: 'Sara Bianchi' },
    manager: { id: REVIEW_CYCLE_IDS.luca, name: 'Luca Esposito' },
    state: 'not_started',
    stateChangedAt: '2027-12-02T09:00:00.000Z',
    overdue: false,
    competencyCount: 5,
    ...overrides,
  };
}

export function pageOf<T>(items: T[], total = items.length, page = 1, pageSize = 25): Page<T> {
  return { items, total, page, pageSize };
}
