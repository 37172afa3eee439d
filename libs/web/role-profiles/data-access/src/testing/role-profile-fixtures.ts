import {
  CompetencyDetail,
  CompetencySearchHit,
  FrameworkRef,
  Page,
  RequirementLevelOption,
  RoleProfileDetail,
  RoleProfileRequirementView,
  RoleProfileSummary,
  TextValue,
} from '@proficio/shared/contracts';

/** Fixtures for specs, shaped like the API's answers for the built-in e-CF area C and SFIA ITMG packs. */
export const RP_IDS = {
  analyst: '11111111-1111-4111-8111-111111111111',
  manager: '22222222-2222-4222-8222-222222222222',
  c1: 'c0000000-0000-4000-8000-000000000001',
  itmg: 'c0000000-0000-4000-8000-000000000002',
  ecf: 'f0000000-0000-4000-8000-000000000001',
  sfia: 'f0000000-0000-4000-8000-000000000002',
} as const;

const en = (text: string): TextValue => ({ text, language: 'en', fallback: false });

export const ECF: FrameworkRef = { id: RP_IDS.ecf, code: 'e-CF C', name: en('e-CF area C: Run'), versionLabel: '4.0', versionNumber: 1 };
export const SFIA: FrameworkRef = {
  id: RP_IDS.sfia,
  code: 'SFIA-ITMG',
  name: en('SFIA: Technology service management'),
  versionLabel: '9',
  versionNumber: 1,
};

export const C1_LEVELS: RequirementLevelOption[] = [
  {
    level: 1,
    code: 'e-1',
    label: en('e-1'),
    description: en('Interacts with users, applies basic product knowledge to respond to requests.'),
  },
  { level: 2, code: 'e-2', label: en('e-2'), description: en('Systematically interprets user problems and identifies solutions.') },
  { level: 3, code: 'e-3', label: en('e-3'), description: en('Manages the support process and is accountable for agreed SLAs.') },
];
export const ITMG_LEVELS: RequirementLevelOption[] = [
  {
    level: 5,
    code: '5',
    label: en('Ensure, advise'),
    description: en('Takes responsibility for managing the design, procurement and operation of services.'),
  },
  { level: 6, code: '6', label: en('Initiate, influence'), description: en('Identifies and manages resources needed for budgeting.') },
  {
    level: 7,
    code: '7',
    label: en('Set strategy, inspire, mobilise'),
    description: en('Sets strategy for the management of the portfolio.'),
  },
];

/** A requirement of `competency` (of `framework`, rated on `levels`) at `targetLevel`. */
function requirementOf(
  competency: RoleProfileRequirementView['competency'],
  framework: FrameworkRef,
  levels: RequirementLevelOption[],
  targetLevel: number,
  required: boolean,
): RoleProfileRequirementView {
  const target = levels.find((level) => level.level === targetLevel) as RequirementLevelOption;
  return { competency, framework, targetLevel, target, required, levels };
}

export function c1Requirement(targetLevel = 2, required = true): RoleProfileRequirementView {
  return requirementOf({ id: RP_IDS.c1, code: 'C.1', title: en('User Support') }, ECF, C1_LEVELS, targetLevel, required);
}

export function itmgRequirement(targetLevel = 5, required = false): RoleProfileRequirementView {
  return requirementOf(
    { id: RP_IDS.itmg, code: 'ITMG', title: en('Technology service management') },
    SFIA,
    ITMG_LEVELS,
    targetLevel,
    required,
  );
}

/** "Service Desk Analyst": published version 1 or a draft version 2 on top of it. */
export function analystDetail(options: { draft?: boolean; archived?: boolean } = {}): RoleProfileDetail {
  const published = {
    id: 'v1',
    versionNumber: 1,
    status: 'published' as const,
    requirementCounts: { required: 1, niceToHave: 1 },
    createdAt: '2026-01-05T10:00:00.000Z',
    publishedAt: '2026-01-06T10:00:00.000Z',
  };
  const draft = {
    id: 'v2',
    versionNumber: 2,
    status: 'draft' as const,
    requirementCounts: { required: 1, niceToHave: 1 },
    createdAt: '2026-02-01T10:00:00.000Z',
  };
  const selected = options.draft ? draft : published;
  return {
    id: RP_IDS.analyst,
    name: 'Service Desk Analyst',
    archived: options.archived ?? false,
    employeeCount: 2,
    targetEmployeeCount: 1,
    versions: options.draft ? [draft, published] : [published],
    version: {
      ...selected,
      description: 'First line of support.',
      ...(options.draft ? { previousVersionNumber: 1 } : {}),
      requirements: [c1Requirement(), itmgRequirement()],
    },
  };
}

export function summaryOf(name: string, overrides: Partial<RoleProfileSummary> = {}): RoleProfileSummary {
  return {
    id: name === 'Service Desk Analyst' ? RP_IDS.analyst : RP_IDS.manager,
    name,
    publishedVersionNumber: 1,
    requirementCounts: { required: 1, niceToHave: 1 },
    employeeCount: 2,
    targetEmployeeCount: 0,
    archived: false,
    updatedAt: '2026-01-06T10:00:00.000Z',
    ...overrides,
  };
}

export function pageOf<T>(items: T[], overrides: Partial<Page<T>> = {}): Page<T> {
  return { items, total: items.length, page: 1, pageSize: 20, ...overrides };
}

export const C1_HIT: CompetencySearchHit = { id: RP_IDS.c1, code: 'C.1', title: en('User Support'), framework: ECF, levels: [1, 2, 3] };
export const ITMG_HIT: CompetencySearchHit = {
  id: RP_IDS.itmg,
  code: 'ITMG',
  title: en('Technology service management'),
  framework: SFIA,
  levels: [5, 6, 7],
};

/** `GET /api/competencies/:id` for SFIA ITMG. */
export function itmgDetail(): CompetencyDetail {
  return {
    id: RP_IDS.itmg,
    key: 'ITMG',
    code: 'ITMG',
    title: en('Technology service management'),
    levels: ITMG_LEVELS.map((level) => ({
      id: `l${level.level}`,
      level: level.level,
      description: level.description,
      indicators: [],
      questions: [],
    })),
    notPractisedLevels: [],
    framework: { ...SFIA, defaultLanguage: 'en', languages: ['en'] },
    requestedLanguage: 'en',
    scale: [1, 2, 3, 4, 5, 6, 7].map((number) => ({
      number,
      code: String(number),
      label: ITMG_LEVELS.find((level) => level.level === number)?.label ?? en(`Level ${number}`),
    })),
  };
}
