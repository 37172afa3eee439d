import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  CategoryNode,
  CategoryOutline,
  CompetencyOutline,
  CompetencyView,
  FrameworkOutline,
  FrameworkSummary,
  FrameworkTree,
  Page,
} from '@proficio/shared/contracts';
import { DataSource, FindOptionsSelect } from 'typeorm';
import { CategoryEntity, CompetencyEntity, FrameworkVersionEntity } from './entities/framework.entities';
import { FrameworkTreeCache, FrameworkView } from './framework-tree.cache';
import { groupBy, loadLevelRows, loadVersionRows, loadVersionRowsButCompetencies, VersionRows } from './framework-version-rows';
import { localize, localizeRequired, pickLanguage, rowTexts } from './localize';
import { findTreeVersion, listFrameworks, outlineCompetencies } from './frameworks.queries';

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

/** The columns of a version that its tree and outline show: none of its large ones that they do not (the CASE source, the search text). */
/** A category's own fields, in the language asked for. */
type CategoryFields = Omit<CategoryNode, 'children' | 'competencyIds'>;

/**
 * A version's categories as a forest (top-level ones first, each with its children in order), each node made by
 * `node` from the category's own fields and its children's nodes: the tree and the outline differ only in how they
 * list a category's competencies.
 */
function categoryForest<N>(
  categories: CategoryEntity[],
  language: string,
  defaultLanguage: string,
  node: (category: CategoryFields, children: N[]) => N,
): N[] {
  const byParent = groupBy(categories, (category) => category.parentId);
  const build = (category: CategoryEntity): N =>
    node(
      {
        id: category.id,
        key: category.key,
        ...(category.code ? { code: category.code } : {}),
        name: localizeRequired(category.name, language, defaultLanguage),
        description: localize(category.description, language, defaultLanguage),
      },
      (byParent.get(category.id) ?? []).map(build),
    );
  return (byParent.get(null) ?? []).map(build);
}

const HEADER_COLUMNS = {
  id: true,
  frameworkId: true,
  versionNumber: true,
  code: true,
  name: true,
  description: true,
  publisher: true,
  sourceUrl: true,
  licence: true,
  attribution: true,
  versionLabel: true,
  defaultLanguage: true,
  languages: true,
  depthNames: true,
  status: true,
  scaleName: true,
  counts: true,
  warnings: true,
  importWarnings: true,
} satisfies FindOptionsSelect<FrameworkVersionEntity>;

/** A version as its tree and outline read it. */
type HeaderVersion = Pick<FrameworkVersionEntity, keyof typeof HEADER_COLUMNS>;

/** Reads frameworks: the library list and one version as a tree or an outline. */
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
      const texts = rowTexts(options, row);
      return {
        id: row.id,
        key: row.key,
        code: row.code,
        name: texts.required(row.name),
        versionLabel: row.version_label,
        versionNumber: row.version_number,
        status: row.status,
        defaultLanguage: texts.defaultLanguage,
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
  treeJson(id: string, options: TreeOptions): Promise<{ json: Buffer; etag?: string }> {
    return this.viewJson(id, options, 'tree', (version, language) => this.buildTree(version, language));
  }

  /**
   * The outline of one framework version as the JSON the API sends: the tree without its competencies' levels (each
   * competency's id, key, code, title and level numbers), kept as the tree is. Its `etag` differs from the tree's.
   */
  outlineJson(id: string, options: TreeOptions): Promise<{ json: Buffer; etag?: string }> {
    return this.viewJson(id, options, 'outline', (version, language) => this.buildOutline(version, language));
  }

  private async viewJson(
    id: string,
    options: TreeOptions,
    view: FrameworkView,
    build: (version: HeaderVersion, language: string) => Promise<FrameworkTree | FrameworkOutline>,
  ): Promise<{ json: Buffer; etag?: string }> {
    const found = await findTreeVersion(this.dataSource.manager, id, options.version);
    if (!found) throw new NotFoundException(`Framework ${id} does not exist.`);
    const { version } = found;
    if (!version) throw new NotFoundException(`This framework has no version ${options.version}.`);
    const language = pickLanguage({ ...options, available: version.languages, defaultLanguage: version.default_language });
    const json = await this.trees.get({ version, language, view }, async () => {
      const entity = await this.dataSource.manager.findOneOrFail(FrameworkVersionEntity, {
        where: { id: version.id },
        select: HEADER_COLUMNS,
      });
      return Buffer.from(JSON.stringify(await build(entity, language)), 'utf8');
    });
    if (!FrameworkTreeCache.keeps(version.status)) return { json };
    return { json, etag: `"${version.id}.${version.status}.${language}${view === 'tree' ? '' : `.${view}`}"` };
  }

  /** The tree of `version` in `language`, read from its rows. */
  private async buildTree(version: HeaderVersion, language: string): Promise<FrameworkTree> {
    const manager = this.dataSource.manager;
    const { framework, scale, categories, competencies, certifications } = await loadVersionRows(manager, version);
    const competencyViews = await this.competencyViews(competencies, language, version.defaultLanguage);
    const competenciesByCategory = groupBy(competencies, (competency) => competency.categoryId);

    return {
      ...this.header(version, { framework, scale, categories, competencies, certifications }, language),
      categories: categoryForest<CategoryNode>(categories, language, version.defaultLanguage, (category, children) => ({
        ...category,
        children,
        competencyIds: (competenciesByCategory.get(category.id) ?? []).map((competency) => competency.id),
      })),
      uncategorisedCompetencyIds: (competenciesByCategory.get(null) ?? []).map((competency) => competency.id),
      competencies: competencyViews,
    };
  }

  /** The outline of `version` in `language`: its header and categories as in the tree, each competency in one row. */
  private async buildOutline(version: HeaderVersion, language: string): Promise<FrameworkOutline> {
    const manager = this.dataSource.manager;
    const [{ framework, scale, categories, certifications }, competencies] = await Promise.all([
      loadVersionRowsButCompetencies(manager, version),
      outlineCompetencies(manager, version.id),
    ]);
    const required = (value: Parameters<typeof localizeRequired>[0]) => localizeRequired(value, language, version.defaultLanguage);
    const indexesByCategory = groupBy(
      competencies.map((competency, index) => ({ category: competency.category_id, index })),
      (entry) => entry.category,
    );

    return {
      ...this.header(version, { framework, scale, categories, competencies, certifications }, language),
      categories: categoryForest<CategoryOutline>(categories, language, version.defaultLanguage, (category, children) => ({
        ...category,
        children,
        competencies: (indexesByCategory.get(category.id) ?? []).map((entry) => entry.index),
      })),
      uncategorised: (indexesByCategory.get(null) ?? []).map((entry) => entry.index),
      competencies: competencies.map((competency): CompetencyOutline => {
        const title = required(competency.title);
        return {
          id: competency.id,
          key: competency.key,
          code: competency.code,
          title: title.text,
          ...(title.language !== language ? { titleLanguage: title.language } : {}),
          levels: competency.levels,
          ...(competency.not_practised_levels.length > 0 ? { notPractisedLevels: competency.not_practised_levels } : {}),
        };
      }),
    };
  }

  /** What the tree and the outline say alike of a version: all but its categories and competencies. */
  private header(
    version: HeaderVersion,
    rows: Omit<VersionRows, 'competencies'> & { competencies: { id: string; key: string }[] },
    language: string,
  ): Omit<FrameworkTree, 'categories' | 'uncategorisedCompetencyIds' | 'competencies'> {
    const text = <T extends Parameters<typeof localize>[0]>(value: T) => localize(value, language, version.defaultLanguage);
    const required = (value: Parameters<typeof localizeRequired>[0]) => localizeRequired(value, language, version.defaultLanguage);
    const categoryIdByKey = new Map(rows.categories.map((category) => [category.key, category.id]));
    const competencyIdByKey = new Map(rows.competencies.map((competency) => [competency.key, competency.id]));
    return {
      ...this.summary(version, rows.framework.key, rows.framework.builtIn, language),
      requestedLanguage: language,
      description: text(version.description),
      sourceUrl: version.sourceUrl ?? undefined,
      licence: version.licence ?? undefined,
      attribution: version.attribution ?? undefined,
      scale: {
        name: required(version.scaleName),
        levels: rows.scale.map((level) => ({
          number: level.number,
          code: level.code,
          label: required(level.label),
          description: text(level.description),
          guidingPhrase: text(level.guidingPhrase),
          ...(level.proficient !== null ? { proficient: level.proficient } : {}),
        })),
      },
      ...(version.depthNames ? { depthNames: version.depthNames.map(required) } : {}),
      certifications: rows.certifications.map((certification) => ({
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
    version: HeaderVersion,
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
