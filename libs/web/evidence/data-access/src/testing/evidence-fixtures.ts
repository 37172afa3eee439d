import {
  CompetencyDetail,
  EvidenceClaimView,
  EvidenceRevisionView,
  EvidenceSummary,
  EvidenceVerdictView,
  EvidenceView,
  InboxDisagreement,
  NotificationList,
  NotificationView,
} from '@proficio/shared/contracts';
import { ASSESSMENT_IDS, DEMO_IDS, ECF, en } from '@proficio/web/people/data-access/testing';

export { ASSESSMENT_IDS, DEMO_IDS, ECF, c1Detail, en, pageOf } from '@proficio/web/people/data-access/testing';

/** Ids of the evidence fixtures, fixed for tests. */
export const EVIDENCE_IDS = {
  evidence: '0e5e0000-0000-4000-8000-000000000001',
  other: '0e5e0000-0000-4000-8000-000000000002',
  pdf: '0e5f0000-0000-4000-8000-000000000001',
  verdict: '0e5a0000-0000-4000-8000-000000000001',
  comment: '0e5c0000-0000-4000-8000-000000000001',
  notification: '0e5b0000-0000-4000-8000-000000000001',
  smp: '0c000000-0000-4000-8000-0000000000a1',
  smpFramework: '0f000000-0000-4000-8000-0000000000a1',
  lucaUser: 'u-luca',
  saraUser: 'u-sara',
} as const;

/** The claim of the journey: C.1 User Support at e-2 Professional (e-CF: the level's description, no questions). */
export function c1Claim(overrides: Partial<EvidenceClaimView> = {}): EvidenceClaimView {
  return {
    competency: { id: ASSESSMENT_IDS.c1, code: 'C.1', title: en('User Support') },
    framework: ECF,
    level: 2,
    levelCode: 'e-2',
    levelLabel: en('Professional'),
    ...overrides,
  };
}

/**
 * Seed 001's Service Management Processes (SMP) at level 2, with behaviour indicators and behavioural interview
 * questions with their probing questions.
 */
export function smpDetail(): CompetencyDetail {
  const framework = {
    id: EVIDENCE_IDS.smpFramework,
    code: 'SMP',
    name: en('Service Management Processes'),
    versionLabel: '1',
    versionNumber: 1,
  };
  const level = (n: number) => ({
    id: `0d000000-0000-4000-8000-0000000000a${n}`,
    level: n,
    indicators:
      n === 2 ? [en('Monitors service level agreements and escalates problems.'), en('Follows a service management process.')] : [],
    questions:
      n === 2
        ? [
            {
              text: en('Describe a situation where you were responsible for monitoring Service Level Agreements.'),
              probes: [en('What was the situation?'), en('What was your role at the time?'), en('What was the outcome?')],
            },
          ]
        : [],
  });
  return {
    id: EVIDENCE_IDS.smp,
    key: 'SMP',
    code: 'SMP',
    title: en('Service Management Processes'),
    levels: [level(1), level(2), level(3)],
    notPractisedLevels: [],
    framework: { ...framework, defaultLanguage: 'en', languages: ['en'] },
    requestedLanguage: 'en',
    scale: [1, 2, 3].map((n) => ({ number: n, code: String(n), label: en(['Foundation', 'Practitioner', 'Expert'][n - 1] ?? '') })),
  };
}

/** Luca's verdict on a revision: he asks Sara to add the ticket number (on 4 February 2026 unless given). */
export function changesRequested(overrides: Partial<EvidenceVerdictView> = {}): EvidenceVerdictView {
  return {
    id: EVIDENCE_IDS.verdict,
    verdict: 'changes_requested',
    comment: 'Add the ticket number.',
    reviewer: { userId: EVIDENCE_IDS.lucaUser, name: 'Luca Esposito' },
    givenAt: '2026-02-04T10:00:00.000Z',
    ...overrides,
  };
}

/** A revision of Sara's evidence for C.1 at e-2, submitted with one PDF and no verdict yet. */
export function evidenceRevision(overrides: Partial<EvidenceRevisionView> = {}): EvidenceRevisionView {
  return {
    number: 1,
    title: 'Led the printer outage response',
    activityFrom: '2026-02-02',
    claims: [c1Claim()],
    answers: [],
    narrative: 'I interpreted the users’ reports, found the faulty driver and rolled back the update.',
    indicators: [],
    links: ['https://tickets.example.test/INC-1042'],
    files: [
      {
        id: EVIDENCE_IDS.pdf,
        name: 'incident-report.pdf',
        mediaType: 'application/pdf',
        size: 2048,
        sha256: 'ab'.repeat(32),
        uploadedAt: '2026-02-03T09:00:00.000Z',
      },
    ],
    createdAt: '2026-02-03T08:00:00.000Z',
    submittedAt: '2026-02-03T09:30:00.000Z',
    ...overrides,
  };
}

/** Sara's evidence as `GET /api/evidence/:id` answers, by default submitted and seen by her manager. */
export function evidenceView(overrides: Partial<EvidenceView> = {}): EvidenceView {
  const revisions = overrides.revisions ?? [evidenceRevision()];
  const current = revisions[0] ?? evidenceRevision();
  return {
    id: EVIDENCE_IDS.evidence,
    employee: { id: DEMO_IDS.sara, name: 'Sara Bianchi' },
    status: 'submitted',
    title: current.title,
    claims: current.claims,
    revision: current.number,
    fileCount: current.files.length,
    createdAt: '2026-02-03T08:00:00.000Z',
    submittedAt: current.submittedAt,
    updatedAt: '2026-02-03T09:30:00.000Z',
    revisions,
    comments: [],
    may: { edit: false, submit: false, amend: false, review: true, comment: true, discard: false },
    ...overrides,
  };
}

/** One line of an evidence list or of the inbox. */
export function evidenceSummary(overrides: Partial<EvidenceSummary> = {}): EvidenceSummary {
  return {
    id: EVIDENCE_IDS.evidence,
    employee: { id: DEMO_IDS.sara, name: 'Sara Bianchi' },
    status: 'submitted',
    title: 'Led the printer outage response',
    claims: [c1Claim()],
    revision: 1,
    fileCount: 1,
    createdAt: '2026-02-03T08:00:00.000Z',
    submittedAt: '2026-02-03T09:30:00.000Z',
    updatedAt: '2026-02-03T09:30:00.000Z',
    ...overrides,
  };
}

/** Sara rated herself two levels above her manager on C.1. */
export function disagreement(overrides: Partial<InboxDisagreement> = {}): InboxDisagreement {
  return {
    employee: { id: DEMO_IDS.sara, name: 'Sara Bianchi' },
    competency: { id: ASSESSMENT_IDS.c1, code: 'C.1', title: en('User Support') },
    framework: ECF,
    managerLevel: 1,
    selfLevel: 3,
    selfAssessedOn: '2026-02-01',
    ...overrides,
  };
}

export function notificationView(overrides: Partial<NotificationView> = {}): NotificationView {
  return {
    id: EVIDENCE_IDS.notification,
    kind: 'evidence_submitted',
    text: 'Sara Bianchi submitted evidence: Led the printer outage response',
    evidenceId: EVIDENCE_IDS.evidence,
    employeeId: DEMO_IDS.sara,
    createdAt: '2026-02-03T09:30:00.000Z',
    read: false,
    ...overrides,
  };
}

export function notificationList(items: NotificationView[] = [notificationView()], unread?: number): NotificationList {
  return { items, total: items.length, page: 1, pageSize: 20, unread: unread ?? items.filter((item) => !item.read).length };
}
