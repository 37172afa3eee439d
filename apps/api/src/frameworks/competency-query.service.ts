import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CompetencyDetail, CompetencySearchHit, LocalizedText, Page } from '@proficio/shared/contracts';
import { DataSource } from 'typeorm';
import { CompetencyEntity, FrameworkVersionEntity, ScaleLevelEntity } from './entities/framework.entities';
import { FrameworkQueryService } from './framework-query.service';
import { localize, localizeRequired, pickLanguage } from './localize';
import { escapeLike } from '../common/sql';

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
    const q = options.q?.trim() || null;
    const from = `
      FROM competency c
      JOIN framework_version v ON v.id = c.framework_version_id
      WHERE (CASE WHEN $2::uuid IS NULL
                  THEN v.version_number = (SELECT max(version_number) FROM framework_version x WHERE x.framework_id = v.framework_id)
                  ELSE v.id = $2::uuid END)
        AND ($1::text IS NULL
             OR c.code ILIKE $3 || '%'
             OR EXISTS (SELECT 1 FROM competency_search s
                        WHERE s.competency_id = c.id AND s.document @@ plainto_tsquery(s.config, $1)))`;
    const params = [q, options.frameworkId ?? null, q ? escapeLike(q) : null];
    const [{ total }] = await this.dataSource.query(`SELECT count(*)::int AS total ${from}`, params);
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT c.id, c.code, c.title, v.id AS version_id, v.code AS framework_code, v.name AS framework_name,
              v.version_label, v.version_number, v.default_language, v.languages,
              (SELECT array_agg(l.level_number ORDER BY l.level_number) FROM competency_level l WHERE l.competency_id = c.id) AS levels,
              ($1::text IS NOT NULL AND c.code ILIKE $3 || '%') AS code_match,
              COALESCE((SELECT max(ts_rank(s.document, plainto_tsquery(s.config, $1))) FROM competency_search s
                        WHERE $1::text IS NOT NULL AND s.competency_id = c.id), 0) AS rank
       ${from}
       ORDER BY code_match DESC, rank DESC, lower(c.code), c.id
       LIMIT $4 OFFSET $5`,
      [...params, options.pageSize, (options.page - 1) * options.pageSize],
    );
    const items = rows.map((row): CompetencySearchHit => {
      const defaultLanguage = row['default_language'] as string;
      const language = pickLanguage({ ...options, available: row['languages'] as string[], defaultLanguage });
      return {
        id: row['id'] as string,
        code: row['code'] as string,
        title: localizeRequired(row['title'] as LocalizedText, language, defaultLanguage),
        framework: {
          id: row['version_id'] as string,
          code: row['framework_code'] as string,
          name: localizeRequired(row['framework_name'] as LocalizedText, language, defaultLanguage),
          versionLabel: row['version_label'] as string,
          versionNumber: row['version_number'] as number,
        },
        levels: (row['levels'] as number[] | null) ?? [],
      };
    });
    return { items, total: total as number, page: options.page, pageSize: options.pageSize };
  }

  async detail(id: string, options: { lang?: string; acceptLanguage?: string }): Promise<CompetencyDetail> {
    const manager = this.dataSource.manager;
    const competency = await manager.findOneBy(CompetencyEntity, { id });
    if (!competency) throw new NotFoundException(`Competency ${id} does not exist.`);
    const version = await manager.findOneByOrFail(FrameworkVersionEntity, { id: competency.frameworkVersionId });
    const scale = await manager.find(ScaleLevelEntity, { where: { frameworkVersionId: version.id }, order: { number: 'ASC' } });
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
      })),
    };
  }
}
