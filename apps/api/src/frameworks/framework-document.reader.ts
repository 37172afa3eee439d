import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Category, Competency, FrameworkDocument } from '@proficio/shared/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { FrameworkVersionEntity, ScaleLevelEntity } from './entities/framework.entities';
import { loadLevelRows, loadVersionRows } from './framework-version-rows';

/** Copies `value` under `key` only when it is set: optional fields stay absent, as in the source document. */
function optional<K extends string, V>(key: K, value: V | null | undefined): Partial<Record<K, V>> {
  return value === null || value === undefined || (Array.isArray(value) && value.length === 0) ? {} : ({ [key]: value } as Record<K, V>);
}

/**
 * Rebuilds the whole multilingual framework document of a stored version, as
 * it was imported: the source of every export, and what makes round trips
 * (import → export → import) testable.
 */
@Injectable()
export class FrameworkDocumentReader {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async read(versionId: string): Promise<{ document: FrameworkDocument; version: FrameworkVersionEntity }> {
    const manager = this.dataSource.manager;
    const version = await manager.findOneBy(FrameworkVersionEntity, { id: versionId });
    if (!version) throw new NotFoundException(`Framework ${versionId} does not exist.`);
    return { document: await this.readVersion(manager, version), version };
  }

  /** A version's scale alone, as its document holds it. */
  async readScale(manager: EntityManager, version: FrameworkVersionEntity): Promise<FrameworkDocument['scale']> {
    const levels = await manager.find(ScaleLevelEntity, { where: { frameworkVersionId: version.id }, order: { number: 'ASC' } });
    return scaleDocument(version, levels);
  }

  /** The document of a version already loaded, read with `manager` (e.g. inside a transaction). */
  async readVersion(manager: EntityManager, version: FrameworkVersionEntity): Promise<FrameworkDocument> {
    const { framework, scale, categories, competencies, certifications } = await loadVersionRows(manager, version);
    const { levelsByCompetency, indicatorsByLevel, questionsByLevel } = await loadLevelRows(manager, competencies);
    const categoryKeyById = new Map(categories.map((category) => [category.id, category.key]));

    const document: FrameworkDocument = {
      format: 'proficio-framework',
      formatVersion: 1,
      framework: {
        key: framework.key,
        code: version.code,
        name: version.name,
        ...optional('description', version.description),
        ...optional('publisher', version.publisher),
        ...optional('sourceUrl', version.sourceUrl),
        ...optional('licence', version.licence),
        ...optional('attribution', version.attribution),
        versionLabel: version.versionLabel,
        defaultLanguage: version.defaultLanguage,
        languages: version.languages,
        ...optional('depthNames', version.depthNames),
      },
      scale: scaleDocument(version, scale),
      categories: categories.map((category): Category => ({
        key: category.key,
        ...optional('code', category.code),
        name: category.name,
        ...optional('description', category.description),
        ...optional('parentKey', category.parentId ? categoryKeyById.get(category.parentId) : undefined),
      })),
      competencies: competencies.map((competency): Competency => ({
        key: competency.key,
        code: competency.code,
        ...optional('categoryKey', competency.categoryId ? categoryKeyById.get(competency.categoryId) : undefined),
        title: competency.title,
        ...optional('description', competency.description),
        ...optional('guidance', competency.guidance),
        ...optional('changeStatus', competency.changeStatus),
        ...optional('guidanceChangeStatus', competency.guidanceChangeStatus),
        ...optional('relatedKeys', competency.relatedKeys),
        levels: (levelsByCompetency.get(competency.id) ?? []).map((level) => ({
          level: level.levelNumber,
          ...optional('description', level.description),
          ...optional('changeStatus', level.changeStatus),
          indicators: (indicatorsByLevel.get(level.id) ?? []).map((indicator) => indicator.text),
          questions: (questionsByLevel.get(level.id) ?? []).map((question) => ({ text: question.text, probes: question.probes })),
        })),
        ...optional('notPractisedLevels', competency.notPractisedLevels),
      })),
      ...optional(
        'certifications',
        certifications.map((certification) => ({
          name: certification.name,
          ...optional('issuer', certification.issuer),
          ...optional('competencyKeys', certification.competencyKeys),
          ...optional('categoryKeys', certification.categoryKeys),
        })),
      ),
      ...optional('caseSource', version.caseSource),
    };
    return document;
  }
}

function scaleDocument(version: FrameworkVersionEntity, levels: ScaleLevelEntity[]): FrameworkDocument['scale'] {
  return {
    key: version.scaleKey,
    name: version.scaleName,
    levels: levels.map((level) => ({
      number: level.number,
      code: level.code,
      label: level.label,
      ...optional('description', level.description),
      ...optional('guidingPhrase', level.guidingPhrase),
      ...optional('proficient', level.proficient),
    })),
  };
}
