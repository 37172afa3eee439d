import { EntityManager, In } from 'typeorm';
import {
  BehaviourIndicatorEntity,
  CategoryEntity,
  CertificationEntity,
  CompetencyEntity,
  CompetencyLevelEntity,
  FrameworkEntity,
  FrameworkVersionEntity,
  InterviewQuestionEntity,
  ScaleLevelEntity,
} from './entities/framework.entities';

/** Which version's rows to load. */
export type VersionRef = Pick<FrameworkVersionEntity, 'id' | 'frameworkId'>;

/** A version's own rows, each list in its stored order. */
export interface VersionRows {
  framework: FrameworkEntity;
  scale: ScaleLevelEntity[];
  categories: CategoryEntity[];
  competencies: CompetencyEntity[];
  certifications: CertificationEntity[];
}

/** The levels of some competencies, grouped for lookup. */
export interface LevelRows {
  levelsByCompetency: Map<string, CompetencyLevelEntity[]>;
  indicatorsByLevel: Map<string, BehaviourIndicatorEntity[]>;
  questionsByLevel: Map<string, InterviewQuestionEntity[]>;
}

export function groupBy<T, K>(rows: T[], key: (row: T) => K): Map<K, T[]> {
  const map = new Map<K, T[]>();
  for (const row of rows) {
    const group = map.get(key(row));
    if (group) group.push(row);
    else map.set(key(row), [row]);
  }
  return map;
}

/**
 * Loads what a framework version holds, for the views that show it (the localized tree) and
 * for the reader that rebuilds its document (exports): one query per table, whatever its size.
 */
export async function loadVersionRows(manager: EntityManager, version: VersionRef): Promise<VersionRows> {
  const [rows, competencies] = await Promise.all([
    loadVersionRowsButCompetencies(manager, version),
    manager.find(CompetencyEntity, { where: { frameworkVersionId: version.id }, order: { position: 'ASC' } }),
  ]);
  return { ...rows, competencies };
}

/** What `loadVersionRows` loads but the competencies, for a view that reads them its own way (the outline). */
export async function loadVersionRowsButCompetencies(
  manager: EntityManager,
  version: VersionRef,
): Promise<Omit<VersionRows, 'competencies'>> {
  const [framework, scale, categories, certifications] = await Promise.all([
    manager.findOneByOrFail(FrameworkEntity, { id: version.frameworkId }),
    manager.find(ScaleLevelEntity, { where: { frameworkVersionId: version.id }, order: { number: 'ASC' } }),
    manager.find(CategoryEntity, { where: { frameworkVersionId: version.id }, order: { position: 'ASC' } }),
    manager.find(CertificationEntity, { where: { frameworkVersionId: version.id }, order: { position: 'ASC' } }),
  ]);
  return { framework, scale, categories, certifications };
}

/** The levels of `competencies` with their indicators and questions, in three queries whatever their number. */
export async function loadLevelRows(manager: EntityManager, competencies: CompetencyEntity[]): Promise<LevelRows> {
  const levels = competencies.length
    ? await manager.find(CompetencyLevelEntity, {
        where: { competencyId: In(competencies.map((row) => row.id)) },
        order: { levelNumber: 'ASC' },
      })
    : [];
  const levelIds = levels.map((level) => level.id);
  const [indicators, questions] = levelIds.length
    ? await Promise.all([
        manager.find(BehaviourIndicatorEntity, { where: { competencyLevelId: In(levelIds) }, order: { position: 'ASC' } }),
        manager.find(InterviewQuestionEntity, { where: { competencyLevelId: In(levelIds) }, order: { position: 'ASC' } }),
      ])
    : [[], []];
  return {
    levelsByCompetency: groupBy(levels, (level) => level.competencyId),
    indicatorsByLevel: groupBy(indicators, (indicator) => indicator.competencyLevelId),
    questionsByLevel: groupBy(questions, (question) => question.competencyLevelId),
  };
}
