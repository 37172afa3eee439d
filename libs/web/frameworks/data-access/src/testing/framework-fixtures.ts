import {
  CategoryNode,
  CategoryOutline,
  CompetencyDetail,
  CompetencyView,
  FrameworkOutline,
  FrameworkDocument,
  FrameworkSummary,
  FrameworkTree,
  FrameworkWarning,
  LocalizedText,
  Page,
  TextValue,
} from '@proficio/shared/contracts';
import { findDataQualityWarnings } from '@proficio/shared/competency';
import { ECF_AREA_C_RUN_PACK, SERVICE_MANAGEMENT_PROCESSES_PACK, SFIA_ITMG_PACK, SFIA_SLMO_IT_PACK } from './packs';

export interface TreeFixtureOptions {
  /** Id of the framework version. */
  readonly id: string;
  /** The `?lang=` asked for; the framework's default language when omitted. */
  readonly lang?: string;
  readonly warnings?: FrameworkWarning[];
}

/**
 * Builds the `GET /api/frameworks/:id` body the API serves for a built-in pack,
 * resolving every text to `lang` with the same fallback rule (default language).
 */
export function frameworkTreeFromDocument(doc: FrameworkDocument, options: TreeFixtureOptions): FrameworkTree {
  const requested = options.lang ?? doc.framework.defaultLanguage;
  const text = (value: LocalizedText): TextValue => {
    if (value[requested] !== undefined) return { text: value[requested], language: requested, fallback: false };
    const language = value[doc.framework.defaultLanguage] !== undefined ? doc.framework.defaultLanguage : Object.keys(value)[0];
    return { text: value[language], language, fallback: true };
  };
  const optionalText = (value: LocalizedText | undefined): TextValue | undefined => (value ? text(value) : undefined);
  const categoryId = (key: string) => `${options.id}-cat-${key}`;
  const competencyId = (key: string) => `${options.id}-${key.toLowerCase()}`;

  const competencies: CompetencyView[] = doc.competencies.map((competency) => ({
    id: competencyId(competency.key),
    key: competency.key,
    code: competency.code,
    categoryId: competency.categoryKey ? categoryId(competency.categoryKey) : undefined,
    title: text(competency.title),
    description: optionalText(competency.description),
    guidance: optionalText(competency.guidance),
    changeStatus: competency.changeStatus,
    guidanceChangeStatus: competency.guidanceChangeStatus,
    levels: competency.levels.map((level) => ({
      id: `${competencyId(competency.key)}-l${level.level}`,
      level: level.level,
      description: optionalText(level.description),
      changeStatus: level.changeStatus,
      indicators: level.indicators.map(text),
      questions: level.questions.map((question) => ({ text: text(question.text), probes: question.probes.map(text) })),
    })),
    notPractisedLevels: (competency.notPractisedLevels ?? []).map((entry) => ({ level: entry.level, note: text(entry.note) })),
  }));

  const categoryNode = (key: string): CategoryNode => {
    const category = doc.categories.find((c) => c.key === key);
    if (!category) throw new Error(`Unknown category ${key}`);
    return {
      id: categoryId(key),
      key,
      code: category.code,
      name: text(category.name),
      description: optionalText(category.description),
      children: doc.categories.filter((c) => c.parentKey === key).map((c) => categoryNode(c.key)),
      competencyIds: doc.competencies.filter((c) => c.categoryKey === key).map((c) => competencyId(c.key)),
    };
  };

  const levels = competencies.reduce((sum, c) => sum + c.levels.length, 0);
  const indicators = doc.competencies.reduce((sum, c) => sum + c.levels.reduce((n, l) => n + l.indicators.length, 0), 0);
  const questions = doc.competencies.reduce((sum, c) => sum + c.levels.reduce((n, l) => n + l.questions.length, 0), 0);

  return {
    id: options.id,
    key: doc.framework.key,
    code: doc.framework.code,
    name: text(doc.framework.name),
    versionLabel: doc.framework.versionLabel,
    versionNumber: 1,
    status: 'published',
    defaultLanguage: doc.framework.defaultLanguage,
    languages: doc.framework.languages,
    publisher: doc.framework.publisher,
    builtIn: true,
    requestedLanguage: requested,
    description: optionalText(doc.framework.description),
    sourceUrl: doc.framework.sourceUrl,
    licence: doc.framework.licence,
    attribution: doc.framework.attribution,
    scale: {
      name: text(doc.scale.name),
      levels: doc.scale.levels.map((level) => ({
        number: level.number,
        code: level.code,
        label: text(level.label),
        description: optionalText(level.description),
        guidingPhrase: optionalText(level.guidingPhrase),
      })),
    },
    categories: doc.categories.filter((c) => !c.parentKey).map((c) => categoryNode(c.key)),
    uncategorisedCompetencyIds: doc.competencies.filter((c) => !c.categoryKey).map((c) => competencyId(c.key)),
    competencies,
    certifications: (doc.certifications ?? []).map((certification) => ({
      name: certification.name,
      issuer: certification.issuer,
      competencyIds: (certification.competencyKeys ?? []).map(competencyId),
      categoryIds: (certification.categoryKeys ?? []).map(categoryId),
    })),
    warnings: options.warnings ?? [],
    importWarnings: [],
    counts: { competencies: competencies.length, levels, indicators, questions },
  };
}

/** The `GET /api/frameworks/:id/outline` body the API serves for a tree: what the tree says, without its levels' texts. */
export function frameworkOutlineFromTree(tree: FrameworkTree): FrameworkOutline {
  const { categories, uncategorisedCompetencyIds, competencies, ...header } = tree;
  const indexOf = new Map(competencies.map((competency, index) => [competency.id, index]));
  const indexes = (ids: string[]) => ids.flatMap((id) => indexOf.get(id) ?? []);
  const category = ({ competencyIds, children, ...rest }: CategoryNode): CategoryOutline => ({
    ...rest,
    children: children.map(category),
    competencies: indexes(competencyIds),
  });
  return {
    ...header,
    categories: categories.map(category),
    uncategorised: indexes(uncategorisedCompetencyIds),
    competencies: competencies.map((competency) => ({
      id: competency.id,
      key: competency.key,
      code: competency.code,
      title: competency.title.text,
      ...(competency.title.language !== tree.requestedLanguage ? { titleLanguage: competency.title.language } : {}),
      levels: competency.levels.map((level) => level.level),
      ...(competency.notPractisedLevels.length ? { notPractisedLevels: competency.notPractisedLevels.map((entry) => entry.level) } : {}),
    })),
  };
}

/** The `GET /api/competencies/:id` body the API serves for one competency of a tree. */
export function competencyDetailFromTree(tree: FrameworkTree, competencyId: string): CompetencyDetail {
  const competency = tree.competencies.find((candidate) => candidate.id === competencyId);
  if (!competency) throw new Error(`${tree.code} has no competency ${competencyId}`);
  return {
    ...competency,
    framework: {
      id: tree.id,
      code: tree.code,
      name: tree.name,
      versionLabel: tree.versionLabel,
      versionNumber: tree.versionNumber,
      defaultLanguage: tree.defaultLanguage,
      languages: tree.languages,
    },
    requestedLanguage: tree.requestedLanguage,
    scale: tree.scale.levels,
  };
}

/** The library row the API lists for a framework version. */
export function frameworkSummaryFromTree(tree: FrameworkTree): FrameworkSummary {
  return {
    id: tree.id,
    key: tree.key,
    code: tree.code,
    name: tree.name,
    versionLabel: tree.versionLabel,
    versionNumber: tree.versionNumber,
    status: tree.status,
    defaultLanguage: tree.defaultLanguage,
    languages: tree.languages,
    publisher: tree.publisher,
    builtIn: tree.builtIn,
    counts: tree.counts,
    warningCount: tree.warnings.length,
  };
}

export function pageOf<T>(items: T[], options: { total?: number; page?: number; pageSize?: number } = {}): Page<T> {
  return { items, total: options.total ?? items.length, page: options.page ?? 1, pageSize: options.pageSize ?? 20 };
}

/** The warnings the API reports for the Service Management Processes pack (seed 001). */
export const SERVICE_MANAGEMENT_PROCESSES_WARNINGS: FrameworkWarning[] = findDataQualityWarnings(SERVICE_MANAGEMENT_PROCESSES_PACK);

export const FIXTURE_IDS = {
  sfiaItmg: '5f1d8c2e-9a41-4c67-b0f3-2d8e6a1c7b90',
  serviceManagementProcesses: '0b6a3e57-1c2d-4f8e-9a70-3e5d4c2b1a06',
  sfiaSlmo: 'c3e9a1f4-7b2d-4e6a-8c5f-9d0b1a2e3f47',
  ecfAreaCRun: '8d2f4a6c-3b1e-4a9d-b7c5-e0f1a2b3c4d5',
} as const;

export const sfiaItmgTree = (lang?: string): FrameworkTree => frameworkTreeFromDocument(SFIA_ITMG_PACK, { id: FIXTURE_IDS.sfiaItmg, lang });

export const serviceManagementProcessesTree = (lang?: string): FrameworkTree =>
  frameworkTreeFromDocument(SERVICE_MANAGEMENT_PROCESSES_PACK, {
    id: FIXTURE_IDS.serviceManagementProcesses,
    lang,
    warnings: SERVICE_MANAGEMENT_PROCESSES_WARNINGS,
  });

export const sfiaSlmoTree = (lang?: string): FrameworkTree =>
  frameworkTreeFromDocument(SFIA_SLMO_IT_PACK, { id: FIXTURE_IDS.sfiaSlmo, lang });

export const ecfAreaCRunTree = (lang?: string): FrameworkTree =>
  frameworkTreeFromDocument(ECF_AREA_C_RUN_PACK, { id: FIXTURE_IDS.ecfAreaCRun, lang });
