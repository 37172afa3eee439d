import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CompetencyDetail, CompetencySearchHit, Page } from '@proficio/shared/contracts';
import { DataSource } from 'typeorm';
import { CompetencyEntity, FrameworkVersionEntity, ScaleLevelEntity } from './entities/framework.entities';
import { FrameworkQueryService } from './framework-query.service';
import { localize, localizeRequired, pickLanguage, rowTexts } from './localize';
import { searchCompetencies } from './frameworks.queries';

export interface CompetencySearchOptions {
  q?: string;
  frameworkId?: string;
  page: number;
  pageSize: number;
  lang?: string;
  acceptLanguage?: string;
}

/** Reads competencies across frameworks: full-text search and one competency with all its levels. */
@Injectable()
export class CompetencyQueryService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly frameworks: FrameworkQueryService,
  ) {}

  /**
   * Searches the latest version of every framework (or one framework version):
   * codes by prefix, texts by full-text search in each text's own language.
   * Code matches come first, then by relevance.
   */
  async search(options: CompetencySearchOptions): Promise<Page<CompetencySearchHit>> {
    const { rows, total } = await searchCompetencies(this.dataSource, options, options);
    const items = rows.map((row): CompetencySearchHit => {
      const texts = rowTexts(options, row);
      return {
        id: row.id,
        code: row.code,
        title: texts.required(row.title),
        framework: {
          id: row.version_id,
          code: row.framework_code,
          name: texts.required(row.framework_name),
          versionLabel: row.version_label,
          versionNumber: row.version_number,
        },
        levels: row.levels ?? [],
      };
    });
    return { items, total, page: options.page, pageSize: options.pageSize };
  }

  async detail(id: string, options: { lang?: string; acceptLanguage?: string }): Promise<CompetencyDetail> {
    const manager = this.dataSource.manager;
    const competency = await manager.findOneBy(CompetencyEntity, { id });
    if (!competency) throw new NotFoundException(`Competency ${id} does not exist.`);
    const [version, scale] = await Promise.all([
      // Not the version's large columns (warnings, the CASE source, the search text): a competency of a large framework reads as fast.
      manager.findOneOrFail(FrameworkVersionEntity, {
        where: { id: competency.frameworkVersionId },
        select: { id: true, code: true, name: true, versionLabel: true, versionNumber: true, defaultLanguage: true, languages: true },
      }),
      manager.find(ScaleLevelEntity, { where: { frameworkVersionId: competency.frameworkVersionId }, order: { number: 'ASC' } }),
    ]);
    const language = pickLanguage({ ...options, available: version.languages, defaultLanguage: version.defaultLanguage });
    const [view] = await this.frameworks.competencyViews([competency], language, version.defaultLanguage);
    const fallback = version.defaultLanguage;
    return {
      ...(view as NonNullable<typeof view>),
      framework: {
        id: version.id,
        code: version.code,
        name: localizeRequired(version.name, language, fallback),
        versionLabel: version.versionLabel,
        versionNumber: version.versionNumber,
        defaultLanguage: version.defaultLanguage,
        languages: version.languages,
      },
      requestedLanguage: language,
      scale: scale.map((level) => ({
        number: level.number,
        code: level.code,
        label: localizeRequired(level.label, language, fallback),
        description: localize(level.description, language, fallback),
        guidingPhrase: localize(level.guidingPhrase, language, fallback),
        ...(level.proficient !== null ? { proficient: level.proficient } : {}),
      })),
    };
  }
}
