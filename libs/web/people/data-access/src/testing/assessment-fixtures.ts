import {
  AssessmentView,
  CompetencyDetail,
  EmployeeCompetencies,
  EmployeeCompetencyView,
  EmployeeProgression,
  EvidenceSummary,
  FrameworkRef,
  ProgressionSeries,
  TextValue,
} from '@proficio/shared/contracts';
import { DEMO_IDS } from './people-fixtures';

/** Ids of the assessment fixtures, fixed for tests. */
export const ASSESSMENT_IDS = {
  ecf: '0f000000-0000-4000-8000-000000000001',
  c1: '0c000000-0000-4000-8000-000000000001',
  c4: '0c000000-0000-4000-8000-000000000002',
  moodleLeaf: '0c000000-0000-4000-8000-000000000003',
  serviceDeskProfile: '0b000000-0000-4000-8000-000000000001',
  teamLeadProfile: '0b000000-0000-4000-8000-000000000002',
  managerRecord: '0a550000-0000-4000-8000-000000000001',
  selfRecord: '0a550000-0000-4000-8000-000000000002',
  newerRecord: '0a550000-0000-4000-8000-000000000003',
  correction: '0a550000-0000-4000-8000-000000000004',
  savedRecord: '0a550000-0000-4000-8000-000000000005',
  earlierManagerRecord: '0a550000-0000-4000-8000-000000000006',
  notAssessedRecord: '0a550000-0000-4000-8000-000000000007',
  earlierSelfRecord: '0a550000-0000-4000-8000-000000000008',
  acceptedEvidence: '0e5e0000-0000-4000-8000-0000000000e1',
  otherAcceptedEvidence: '0e5e0000-0000-4000-8000-0000000000e2',
} as const;

export const en = (text: string): TextValue => ({ text, language: 'en', fallback: false });

export const ECF: FrameworkRef = { id: ASSESSMENT_IDS.ecf, code: 'e-CF', name: en('e-CF'), versionLabel: '4.0', versionNumber: 1 };

/** The e-CF proficiency levels as the Competencies tab lists them for C.1 User Support (defined at e-1 to e-3). */
export const C1_LEVELS: EmployeeCompetencyView['levels'] = [
  { level: 1, code: 'e-1', label: en('Associate') },
  { level: 2, code: 'e-2', label: en('Professional') },
  { level: 3, code: 'e-3', label: en('Senior professional') },
];

/** The manager's level in force once their e-3 (`ASSESSMENT_IDS.savedRecord`, as of 1 March 2026) is saved. */
export const SAVED_MANAGER_E3: NonNullable<EmployeeCompetencyView['manager']> = {
  outcome: 'rated',
  level: 3,
  levelCode: 'e-3',
  assessmentId: ASSESSMENT_IDS.savedRecord,
  assessedOn: '2026-03-01',
  stale: false,
  fromEarlierVersion: false,
};

/** One row of the Competencies tab: C.1 User Support, rated e-2 by the manager and e-3 by Sara, target e-3. */
export function competencyRow(overrides: Partial<EmployeeCompetencyView> = {}): EmployeeCompetencyView {
  return {
    competency: { id: ASSESSMENT_IDS.c1, code: 'C.1', title: en('User Support') },
    framework: ECF,
    levels: C1_LEVELS,
    manager: {
      outcome: 'rated',
      level: 2,
      levelCode: 'e-2',
      assessmentId: ASSESSMENT_IDS.managerRecord,
      assessedOn: '2026-02-10',
      stale: false,
      fromEarlierVersion: false,
    },
    self: {
      outcome: 'rated',
      level: 3,
      levelCode: 'e-3',
      assessmentId: ASSESSMENT_IDS.selfRecord,
      assessedOn: '2026-02-01',
      stale: false,
      fromEarlierVersion: false,
    },
    target: { level: 3, code: 'e-3', required: true, roleProfile: { id: ASSESSMENT_IDS.serviceDeskProfile, name: 'Service Desk Analyst' } },
    gap: 1,
    disagreement: false,
    ...overrides,
  };
}

/** `GET /api/employees/:id/competencies` for Sara, as her manager sees it. */
export function employeeCompetencies(overrides: Partial<EmployeeCompetencies> = {}): EmployeeCompetencies {
  return {
    employeeId: DEMO_IDS.sara,
    mayRate: ['manager'],
    staleAfterMonths: 12,
    items: [competencyRow()],
    ...overrides,
  };
}

/** One record of Sara's history on C.1: Luca rated her e-2. */
export function assessmentView(overrides: Partial<AssessmentView> = {}): AssessmentView {
  return {
    id: ASSESSMENT_IDS.managerRecord,
    employeeId: DEMO_IDS.sara,
    competency: { id: ASSESSMENT_IDS.c1, code: 'C.1', title: en('User Support') },
    framework: ECF,
    kind: 'assessment',
    role: 'manager',
    outcome: 'rated',
    level: 2,
    levelCode: 'e-2',
    levelLabel: en('Professional'),
    assessedOn: '2026-02-10',
    recordedAt: '2026-02-10T09:30:00.000Z',
    assessor: { userId: 'u-luca', employeeId: DEMO_IDS.luca, name: 'Luca Esposito' },
    rationale: 'Resolves most tickets alone; escalates the right ones.',
    confidence: 'medium',
    stale: false,
    ...overrides,
  };
}

/** Sara's accepted evidence claiming C.1 User Support at e-2 Professional, as `GET /api/evidence` lists it. */
export function acceptedEvidenceSummary(overrides: Partial<EvidenceSummary> = {}): EvidenceSummary {
  return {
    id: ASSESSMENT_IDS.acceptedEvidence,
    employee: { id: DEMO_IDS.sara, name: 'Sara Bianchi' },
    status: 'accepted',
    title: 'Resolved the VPN certificate incident',
    claims: [
      {
        competency: { id: ASSESSMENT_IDS.c1, code: 'C.1', title: en('User Support') },
        framework: ECF,
        level: 2,
        levelCode: 'e-2',
        levelLabel: en('Professional'),
      },
    ],
    revision: 1,
    fileCount: 1,
    createdAt: '2026-01-20T08:00:00.000Z',
    submittedAt: '2026-01-22T09:30:00.000Z',
    updatedAt: '2026-01-25T10:00:00.000Z',
    ...overrides,
  };
}

/** `GET /api/competencies/:id` for C.1 User Support: its own levels e-1 to e-3 on the five-level e-CF scale. */
export function c1Detail(): CompetencyDetail {
  const level = (n: number, description: string, indicators: string[]) => ({
    id: `0d000000-0000-4000-8000-00000000000${n}`,
    level: n,
    description: en(description),
    indicators: indicators.map(en),
    questions: [],
  });
  return {
    id: ASSESSMENT_IDS.c1,
    key: 'C.1',
    code: 'C.1',
    title: en('User Support'),
    description: en('Responds to user requests and issues, recording relevant information.'),
    levels: [
      level(1, 'Interacts with users, applies basic product knowledge to respond to user requests.', ['Logs every request']),
      level(2, 'Interprets problems and identifies solutions and possible side effects.', [
        'Diagnoses common faults',
        'Explains fixes to users',
      ]),
      level(3, 'Manages the support process and is accountable for agreed service levels.', ['Plans the rota to the service levels']),
    ],
    notPractisedLevels: [],
    framework: { ...ECF, defaultLanguage: 'en', languages: ['en'] },
    requestedLanguage: 'en',
    scale: [1, 2, 3, 4, 5].map((n) => ({
      number: n,
      code: `e-${n}`,
      label: en(['Associate', 'Professional', 'Senior professional', 'Lead professional', 'Principal'][n - 1] ?? ''),
      description: en(`Generic e-${n} description`),
    })),
  };
}

/**
 * Sara's progression on C.1 User Support, target e-3: Luca rated e-1 on the earlier e-CF version
 * (2024-05-02), then e-2 (2026-02-10); Sara said "not assessed" (2025-01-15), then e-3 (2026-02-01).
 */
export function progressionSeries(overrides: Partial<ProgressionSeries> = {}): ProgressionSeries {
  return {
    competency: { id: ASSESSMENT_IDS.c1, code: 'C.1', title: en('User Support') },
    framework: ECF,
    levels: C1_LEVELS.map(({ level, code }) => ({ level, code })),
    target: { level: 3, code: 'e-3' },
    manager: [
      { date: '2024-05-02', outcome: 'rated', level: 1, assessmentId: ASSESSMENT_IDS.earlierManagerRecord, fromEarlierVersion: true },
      { date: '2026-02-10', outcome: 'rated', level: 2, assessmentId: ASSESSMENT_IDS.managerRecord, fromEarlierVersion: false },
    ],
    self: [
      { date: '2025-01-15', outcome: 'not_assessed', assessmentId: ASSESSMENT_IDS.notAssessedRecord, fromEarlierVersion: false },
      { date: '2026-02-01', outcome: 'rated', level: 3, assessmentId: ASSESSMENT_IDS.selfRecord, fromEarlierVersion: false },
    ],
    ...overrides,
  };
}

/** `GET /api/employees/:id/progression` for Sara: her history on C.1. */
export function employeeProgression(overrides: Partial<EmployeeProgression> = {}): EmployeeProgression {
  return { employeeId: DEMO_IDS.sara, series: [progressionSeries()], ...overrides };
}
