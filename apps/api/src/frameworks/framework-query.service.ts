import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CategoryNode, CompetencyView, FrameworkSummary, FrameworkTree, Page } from '@proficio/shared/contracts';
import { DataSource } from 'typeorm';
import { CategoryEntity, CompetencyEntity, FrameworkVersionEntity } from './entities/framework.entities';
import { FrameworkTreeCache } from './framework-tree.cache';
import { groupBy, loadLevelRows, loadVersionRows } from './framework-version-rows';
import { localize, localizeRequired, pickLanguage } from './localize';
import { findTreeVersion, listFrameworks } from './frameworks.queries';

export interface ListOptions {
  q?: string;
  page: number;
  pageSize: number;
  lang?: string;
  acceptLanguage?: string;
}

export interface TreeOptions {
  version?: number;
  lang?: string;
  acceptLanguage?: string;
}

/** Reads frameworks: the library list and one version as a tree. */
@Injectable()
export class FrameworkQueryService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly trees: FrameworkTreeCache,
  ) {}

  /** The latest version of every framework, searched and paged. */
  async list(options: ListOptions): Promise<Page<FrameworkSummary>> {
    const { rows, total } = await listFrameworks(this.dataSource, options.q, options);
    const items = rows.map((row): FrameworkSummary => {
      const defaultLanguage = row.default_language;
      const language = pickLanguage({ ...options, available: row.languages, defaultLanguage });
      return {
        id: row.id,
        key: row.key,
        code: row.code,
        name: localizeRequired(row.name, language, defaultLanguage),
        versionLabel: row.version_label,
        versionNumber: row.version_number,
        status: row.status,
        defaultLanguage,
        languages: row.languages,
        ...(row.publisher ? { publisher: row.publisher } : {}),
        builtIn: row.built_in,
        counts: row.counts,
        warningCount: row.warning_count,
      };
    });
    return { items, total, page: options.page, pageSize: options.pageSize };
  }

  /** One framework version as a tree: scale, categories, competencies with levels, indicators and questions. */
  async tree(id: string, options: TreeOptions): Promise<FrameworkTree> {
    return JSON.parse((await this.treeJson(id, options)).json.toString('utf8')) as FrameworkTree;
  }

  /**
   * The tree of one framework version as the JSON the API sends (UTF-8). A version that cannot change (any but a draft)
   * is built once per language and then served from `FrameworkTreeCache`: one query finds the version, whatever its
   * size. `etag` names the content of a tree kept (the same version, status and language), for a draft none.
   */
  async treeJson(id: string, options: TreeOptions): Promise<{ json: Buffer; etag?: string }> {
    const found = await findTreeVersion(this.dataSource.manager, id, options.version);
    if (!found) throw new NotFoundException(`Framework ${id} does not exist.`);
    const { version } = found;
    if (!version) throw new NotFoundException(`This framework has no version ${options.version}.`);
    const language = pickLanguage({ ...options, available: version.languages, defaultLanguage: version.default_language });
    const json = await this.trees.get(version, language, async () => {
      const entity = await this.dataSource.manager.findOneByOrFail(FrameworkVersionEntity, { id: version.id });
      return Buffer.from(JSON.stringify(await this.buildTree(entity, language)), 'utf8');
    });
    return FrameworkTreeCache.keeps(version.status) ? { json, etag: `"${version.id}.${version.status}.${language}"` } : { json };
  }

  /** The tree of `version` in `language`, read from its rows. */
  private async buildTree(version: FrameworkVersionEntity, language: string): Promise<FrameworkTree> {
    const manager = this.dataSource.manager;
    const { framework, scale, categories, competencies, certifications } = await loadVersionRows(manager, version);
    const text = <T extends Parameters<typeof localize>[0]>(value: T) => localize(value, language, version.defaultLanguage);
    const required = (value: Parameters<typeof localizeRequired>[0]) => localizeRequired(value, language, version.defaultLanguage);
    const competencyViews = await this.competencyViews(competencies, language, version.defaultLanguage);

    const competenciesByCategory = groupBy(competencies, (competency) => competency.categoryId);
    const categoriesByParent = groupBy(categories, (category) => category.parentId);
    const node = (category: CategoryEntity): CategoryNode => ({
      id: category.id,
      key: category.key,
      ...(category.code ? { code: category.code } : {}),
      name: required(category.name),
      description: text(category.description),
      children: (categoriesByParent.get(category.id) ?? []).map(node),
      competencyIds: (competenciesByCategory.get(category.id) ?? []).map((competency) => competency.id),
    });
    const categoryIdByKey = new Map(categories.map((category) => [category.key, category.id]));
    const competencyIdByKey = new Map(competencies.map((competency) => [competency.key, competency.id]));

    return {
      ...this.summary(version, framework.key, framework.builtIn, language),
      requestedLanguage: language,
      description: text(version.description),
      sourceUrl: version.sourceUrl ?? undefined,
      licence: version.licence ?? undefined,
      attribution: version.attribution ?? undefined,
      scale: {
        name: required(version.scaleName),
        levels: scale.map((level) => ({
          number: level.number,
          code: level.code,
          label: required(level.label),
          description: text(level.description),
          guidingPhrase: text(level.guidingPhrase),
          ...(level.proficient !== null ? { proficient: level.proficient } : {}),
        })),
      },
      ...(version.depthNames ? { depthNames: version.depthNames.map(required) } : {}),
      categories: (categoriesByParent.get(null) ?? []).map(node),
      uncategorisedCompetencyIds: (competenciesByCategory.get(null) ?? []).map((competency) => competency.id),
      competencies: competencyViews,
      certifications: certifications.map((certification) => ({
        name: certification.name,
        ...(certification.issuer ? { issuer: certification.issuer } : {}),
        competencyIds: certification.competencyKeys.flatMap((key) => competencyIdByKey.get(key) ?? []),
        categoryIds: certification.categoryKeys.flatMap((key) => categoryIdByKey.get(key) ?? []),
      })),
      warnings: version.warnings,
      importWarnings: version.importWarnings,
      counts: version.counts,
    };
  }

  /** Competencies with their levels, indicators and questions, in three queries whatever their number. */
  async competencyViews(competencies: CompetencyEntity[], language: string, defaultLanguage: string): Promise<CompetencyView[]> {
    const text = <T extends Parameters<typeof localize>[0]>(value: T) => localize(value, language, defaultLanguage);
    const required = (value: Parameters<typeof localizeRequired>[0]) => localizeRequired(value, language, defaultLanguage);
    const { levelsByCompetency, indicatorsByLevel, questionsByLevel } = await loadLevelRows(this.dataSource.manager, competencies);

    return competencies.map((competency) => ({
      id: competency.id,
      key: competency.key,
      code: competency.code,
      ...(competency.categoryId ? { categoryId: competency.categoryId } : {}),
      title: required(competency.title),
      description: text(competency.description),
      guidance: text(competency.guidance),
      changeStatus: competency.changeStatus ?? undefined,
      guidanceChangeStatus: competency.guidanceChangeStatus ?? undefined,
      levels: (levelsByCompetency.get(competency.id) ?? []).map((level) => ({
        id: level.id,
        level: level.levelNumber,
        description: text(level.description),
        changeStatus: level.changeStatus ?? undefined,
        indicators: (indicatorsByLevel.get(level.id) ?? []).map((indicator) => required(indicator.text)),
        questions: (questionsByLevel.get(level.id) ?? []).map((question) => ({
          text: required(question.text),
          probes: question.probes.map((probe) => required(probe)),
        })),
      })),
      notPractisedLevels: competency.notPractisedLevels.map((entry) => ({ level: entry.level, note: required(entry.note) })),
    }));
  }

  private summary(
    version: FrameworkVersionEntity,
    key: string,
    builtIn: boolean,
    language: string,
  ): Omit<FrameworkSummary, 'counts' | 'warningCount'> {
    return {
      id: version.id,
      key,
      code: version.code,
      name: localizeRequired(version.name, language, version.defaultLanguage),
      versionLabel: version.versionLabel,
      versionNumber: version.versionNumber,
      status: version.status,
      defaultLanguage: version.defaultLanguage,
      languages: version.languages,
      ...(version.publisher ? { publisher: version.publisher } : {}),
      builtIn,
    };
  }
}
