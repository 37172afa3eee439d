import { FrameworkRef, TeamGrid, TeamGridCompetency, TextValue } from '@proficio/shared/contracts';
import { DEMO_IDS } from './people-fixtures';

const en = (text: string): TextValue => ({ text, language: 'en', fallback: false });

/** Framework versions and competencies of the team grid fixture, fixed for tests. */
export const TEAM_GRID_IDS = {
  ecf: '0f000000-0000-4000-8000-000000000001',
  sfia: '0f000000-0000-4000-8000-000000000002',
  c1: '0c000000-0000-4000-8000-000000000001',
  c4: '0c000000-0000-4000-8000-000000000002',
  e3: '0c000000-0000-4000-8000-000000000003',
  itmg: '0c000000-0000-4000-8000-000000000004',
  analyst: '0b000000-0000-4000-8000-000000000001',
  lead: '0b000000-0000-4000-8000-000000000002',
  /** The current manager assessments the grid shows. */
  saraC1: '0a550000-0000-4000-8000-000000000001',
  saraE3: '0a550000-0000-4000-8000-000000000002',
  tomC1: '0a550000-0000-4000-8000-000000000003',
  tomItmg: '0a550000-0000-4000-8000-000000000004',
} as const;

const ECF: FrameworkRef = {
  id: TEAM_GRID_IDS.ecf,
  code: 'e-CF',
  name: en('European e-Competence Framework'),
  versionLabel: '4.0',
  versionNumber: 1,
};
const SFIA: FrameworkRef = { id: TEAM_GRID_IDS.sfia, code: 'SFIA', name: en('SFIA'), versionLabel: '9', versionNumber: 1 };

const ECF_LEVELS = [
  { level: 1, code: '1', label: en('Associate'), description: en('Able to apply knowledge and skills to solve straightforward problems.') },
  { level: 2, code: '2', label: en('Professional'), description: en('Operates in a capacity of solving problems in a structured way.') },
  { level: 3, code: '3', label: en('Senior professional'), description: en('Respected for innovative methods and use of initiative.') },
  { level: 4, code: '4', label: en('Lead professional'), description: en('Extensive scope of responsibilities, leads others.') },
];

/**
 * Columns: e-CF C.1 User Support and C.4 Problem Management (category "C. Run"), E.3 Risk Management
 * ("E. Manage"), then SFIA ITMG IT management (levels 5–7).
 */
export const TEAM_GRID_COMPETENCIES: TeamGridCompetency[] = [
  { id: TEAM_GRID_IDS.c1, code: 'C.1', title: en('User Support'), framework: ECF, category: en('C. Run'), levels: ECF_LEVELS },
  {
    id: TEAM_GRID_IDS.c4,
    code: 'C.4',
    title: en('Problem Management'),
    framework: ECF,
    category: en('C. Run'),
    levels: ECF_LEVELS.filter((level) => level.level >= 2),
  },
  { id: TEAM_GRID_IDS.e3, code: 'E.3', title: en('Risk Management'), framework: ECF, category: en('E. Manage'), levels: ECF_LEVELS },
  {
    id: TEAM_GRID_IDS.itmg,
    code: 'ITMG',
    title: en('IT management'),
    framework: SFIA,
    category: en('Strategy and architecture'),
    levels: [5, 6, 7].map((level) => ({ level, code: String(level), label: en(`Level ${level}`) })),
  },
];

/**
 * Luca's direct reports as `GET /api/me/team-grid` answers: Sara (C.1 at 3 against a target of 4, a
 * target of 3 on C.4, a stale 2 on E.3), Tom (C.1 not applicable against a target of 2, ITMG 5 from an
 * earlier framework version) and Aisha (no role profile, nothing recorded).
 */
export function teamGridFixture(overrides: Partial<TeamGrid> = {}): TeamGrid {
  return {
    people: [
      {
        id: DEMO_IDS.sara,
        name: 'Sara Bianchi',
        jobTitle: 'Service Desk Analyst',
        roleProfile: { id: TEAM_GRID_IDS.analyst, name: 'Service Desk Analyst' },
        direct: true,
      },
      {
        id: DEMO_IDS.tom,
        name: 'Tom Becker',
        jobTitle: 'Service Desk Analyst',
        roleProfile: { id: TEAM_GRID_IDS.lead, name: 'Service Desk Lead' },
        direct: true,
      },
      { id: DEMO_IDS.aisha, name: 'Aisha Khan', jobTitle: 'Service Level Analyst', direct: true },
    ],
    competencies: TEAM_GRID_COMPETENCIES,
    cells: [
      {
        employeeId: DEMO_IDS.sara,
        competencyId: TEAM_GRID_IDS.c1,
        manager: {
          outcome: 'rated',
          level: 3,
          levelCode: '3',
          assessmentId: TEAM_GRID_IDS.saraC1,
          assessedOn: '2026-03-02',
          stale: false,
          fromEarlierVersion: false,
        },
        target: 4,
      },
      { employeeId: DEMO_IDS.sara, competencyId: TEAM_GRID_IDS.c4, target: 3 },
      {
        employeeId: DEMO_IDS.sara,
        competencyId: TEAM_GRID_IDS.e3,
        manager: {
          outcome: 'rated',
          level: 2,
          levelCode: '2',
          assessmentId: TEAM_GRID_IDS.saraE3,
          assessedOn: '2024-11-20',
          stale: true,
          fromEarlierVersion: false,
        },
      },
      {
        employeeId: DEMO_IDS.tom,
        competencyId: TEAM_GRID_IDS.c1,
        manager: {
          outcome: 'not_applicable',
          assessmentId: TEAM_GRID_IDS.tomC1,
          assessedOn: '2026-01-15',
          stale: false,
          fromEarlierVersion: false,
        },
        target: 2,
      },
      {
        employeeId: DEMO_IDS.tom,
        competencyId: TEAM_GRID_IDS.itmg,
        manager: {
          outcome: 'rated',
          level: 5,
          levelCode: '5',
          assessmentId: TEAM_GRID_IDS.tomItmg,
          assessedOn: '2025-12-01',
          stale: false,
          fromEarlierVersion: true,
        },
      },
    ],
    staleAfterMonths: 12,
    ...overrides,
  };
}
