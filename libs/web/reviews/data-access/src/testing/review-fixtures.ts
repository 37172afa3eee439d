import { ReviewCompetencyView, ReviewGuide, ReviewSnapshot, ReviewSummary, ReviewView } from '@proficio/shared/contracts';
import { ASSESSMENT_IDS, DEMO_IDS, ECF, en } from '@proficio/web/people/data-access/testing';

export { ASSESSMENT_IDS, DEMO_IDS, ECF, en, pageOf } from '@proficio/web/people/data-access/testing';

/** Ids of the review fixtures, fixed for tests. */
export const REVIEW_IDS = {
  review: '0e7e0000-0000-4000-8000-000000000001',
  other: '0e7e0000-0000-4000-8000-000000000002',
  previous: '0e7e0000-0000-4000-8000-000000000003',
  cycle: '0e7c0000-0000-4000-8000-000000000001',
  snapshot: '0e7f0000-0000-4000-8000-000000000001',
} as const;

const E_LEVELS = [
  { level: 1, code: 'e-1', label: en('Associate'), description: en('Solves incidents following prescribed procedures.') },
  { level: 2, code: 'e-2', label: en('Professional'), description: en('Systematically interprets user problems.') },
  { level: 3, code: 'e-3', label: en('Senior professional'), description: en('Manages the support process.') },
];

/** C.1 User Support in Sara's review: target e-2, rated e-2 by herself and e-3 by her manager, up since last time. */
export function c1Row(overrides: Partial<ReviewCompetencyView> = {}): ReviewCompetencyView {
  return {
    competency: { id: ASSESSMENT_IDS.c1, code: 'C.1', title: en('User Support') },
    framework: ECF,
    levels: E_LEVELS,
    target: { level: 2, code: 'e-2', required: true },
    self: { outcome: 'rated', level: 2, levelCode: 'e-2', evidenceIds: [], updatedAt: '2027-02-01T09:00:00Z' },
    manager: {
      outcome: 'rated',
      level: 3,
      levelCode: 'e-3',
      rationale: 'Runs the weekly problem review.',
      evidenceIds: [ASSESSMENT_IDS.acceptedEvidence],
      updatedAt: '2027-02-10T09:00:00Z',
    },
    note: 'Ready to lead the rota.',
    previous: { reviewId: REVIEW_IDS.previous, level: 2, outcome: 'rated' },
    change: 'up',
    gapChange: 'closed',
    acceptedEvidence: [{ id: ASSESSMENT_IDS.acceptedEvidence, title: 'Ran the triage rota', level: 2, acceptedAt: '2027-01-15T10:00:00Z' }],
    ...overrides,
  };
}

/** C.4 Problem Management: no target, not rated yet. */
export function c4Row(overrides: Partial<ReviewCompetencyView> = {}): ReviewCompetencyView {
  return {
    competency: { id: ASSESSMENT_IDS.c4, code: 'C.4', title: en('Problem Management') },
    framework: ECF,
    levels: E_LEVELS.slice(1),
    growthTarget: { level: 3, code: 'e-3' },
    change: 'new',
    acceptedEvidence: [],
    ...overrides,
  };
}

export function reviewSummary(overrides: Partial<ReviewSummary> = {}): ReviewSummary {
  return {
    id: REVIEW_IDS.review,
    cycle: { id: REVIEW_IDS.cycle, name: '2027 annual review', selfDue: '2027-03-01', managerDue: '2027-03-15', status: 'open' },
    employee: { id: DEMO_IDS.sara, name: 'Sara Bianchi' },
    manager: { id: DEMO_IDS.luca, name: 'Luca Esposito' },
    state: 'self_assessment',
    stateChangedAt: '2027-02-01T09:00:00Z',
    overdue: false,
    competencyCount: 2,
    ...overrides,
  };
}

/** Sara's review as she sees it during her self-assessment: she rates herself; the manager's side is hidden. */
export function reviewView(overrides: Partial<ReviewView> = {}): ReviewView {
  return {
    ...reviewSummary(),
    viewer: 'employee',
    actions: ['submit-self'],
    mayEdit: ['self'],
    competencies: [c1Row({ manager: undefined, note: undefined }), c4Row()],
    signatures: [],
    events: [
      {
        kind: 'transition',
        from: 'not_started',
        to: 'self_assessment',
        by: { id: DEMO_IDS.sara, name: 'Sara Bianchi' },
        at: '2027-02-01T09:00:00Z',
      },
    ],
    snapshots: [],
    ...overrides,
  };
}

/** The same review locked: both signed, one snapshot. */
export function lockedReview(overrides: Partial<ReviewView> = {}): ReviewView {
  return reviewView({
    state: 'locked',
    lockedAt: '2027-03-20T09:00:00Z',
    actions: [],
    mayEdit: [],
    competencies: [c1Row(), c4Row({ self: c1Row().self, manager: c1Row().manager })],
    generalNote: 'A strong year.',
    signatures: [
      { role: 'manager', by: { id: DEMO_IDS.luca, name: 'Luca Esposito' }, signedAt: '2027-03-18T09:00:00Z' },
      { role: 'employee', by: { id: DEMO_IDS.sara, name: 'Sara Bianchi' }, signedAt: '2027-03-20T09:00:00Z', comment: 'Disagree on C.4' },
    ],
    snapshots: [{ id: REVIEW_IDS.snapshot, number: 1, takenAt: '2027-03-20T09:00:00Z' }],
    ...overrides,
  });
}

export function reviewSnapshot(): ReviewSnapshot {
  const locked = lockedReview();
  const review: ReviewSnapshot['review'] = {
    ...reviewSummary({ state: 'locked', lockedAt: locked.lockedAt }),
    competencies: locked.competencies,
    generalNote: locked.generalNote,
    signatures: locked.signatures,
  };
  return { number: 1, takenAt: '2027-03-20T09:00:00Z', review };
}

export function reviewGuide(overrides: Partial<ReviewGuide> = {}): ReviewGuide {
  return {
    reviewId: REVIEW_IDS.review,
    employee: { id: DEMO_IDS.sara, name: 'Sara Bianchi' },
    cycle: { id: REVIEW_IDS.cycle, name: '2027 annual review' },
    competencies: [
      {
        competency: { id: ASSESSMENT_IDS.c1, code: 'C.1', title: en('User Support'), description: en('Responds to user requests.') },
        framework: ECF,
        levels: [
          {
            which: ['current', 'target'],
            level: 2,
            code: 'e-2',
            description: en('Systematically interprets user problems.'),
            indicators: [en('Records issues from outset to conclusion')],
            questions: [{ text: en('Tell me about a problem you escalated.'), probes: [en('What happened next?')] }],
          },
        ],
        note: 'Ready to lead the rota.',
      },
    ],
    ...overrides,
  };
}
