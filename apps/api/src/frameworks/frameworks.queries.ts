import type { FrameworkSummary, LocalizedText } from '@proficio/shared/contracts';
import { containsPattern, escapeLike, type PagedRows, type Paging, query, queryOne, queryPage, sql, type SqlRunner } from '../common/sql';

/** The language facts of a framework version, which decide the language texts are read in. */
interface VersionLanguagesRow {
  default_language: string;
  languages: string[];
}

export interface FrameworkSummaryRow extends VersionLanguagesRow {
  id: string;
  key: string;
  code: string;
  name: LocalizedText;
  version_label: string;
  version_number: number;
  status: FrameworkSummary['status'];
  publisher: string | null;
  built_in: boolean;
  counts: FrameworkSummary['counts'];
  warning_count: number;
}

export interface CompetencyHitRow extends VersionLanguagesRow {
  id: string;
  code: string;
  title: LocalizedText;
  version_id: string;
  framework_code: string;
  framework_name: LocalizedText;
  version_label: string;
  version_number: number;
  /** Level numbers in order; null when it has none. */
  levels: number[] | null;
}

/** The latest version of every framework, searched in its texts and key, by code. */
export function listFrameworks(runner: SqlRunner, q: string | undefined, paging: Paging): Promise<PagedRows<FrameworkSummaryRow>> {
  const pattern = q?.trim() && containsPattern(q.trim());
  return queryPage<FrameworkSummaryRow>(
    runner,
    {
      select: sql`v.id, v.code, v.name, v.version_label, v.version_number, v.status, v.default_language, v.languages,
        v.publisher, v.counts, jsonb_array_length(v.warnings) + jsonb_array_length(v.import_warnings) AS warning_count, f.key, f.built_in`,
      from: sql`FROM (SELECT DISTINCT ON (framework_id) * FROM framework_version ORDER BY framework_id, version_number DESC) v
        JOIN framework f ON f.id = v.framework_id
        ${sql.where([pattern && sql`(v.search_text ILIKE ${pattern} OR f.key ILIKE ${pattern})`])}`,
      orderBy: sql`lower(v.code), v.code, v.id`,
    },
    paging,
  );
}

/** What decides whether and under which key a version's tree is cached: none of its (possibly large) texts. */
export interface TreeVersionRow extends VersionLanguagesRow {
  id: string;
  status: FrameworkSummary['status'];
  counts: FrameworkSummary['counts'];
}

/**
 * The version of the framework of version `id` with number `versionNumber` (else `id` itself), in one query:
 * undefined when no version has that id, `{ version: undefined }` when its framework has no such number.
 */
export async function findTreeVersion(
  runner: SqlRunner,
  id: string,
  versionNumber: number | undefined,
): Promise<{ version: TreeVersionRow | undefined } | undefined> {
  const row = await queryOne<Omit<TreeVersionRow, 'id'> & { id: string | null }>(
    runner,
    sql`SELECT t.id, t.status, t.languages, t.default_language, t.counts
          FROM framework_version s
          LEFT JOIN framework_version t
            ON t.framework_id = s.framework_id AND t.version_number = COALESCE(${versionNumber ?? null}::int, s.version_number)
         WHERE s.id = ${id}::uuid`,
  );
  if (!row) return undefined;
  return { version: row.id ? { ...row, id: row.id } : undefined };
}

/** A competency of a version as its outline lists it: no texts but its title, and its levels as numbers. */
export interface CompetencyOutlineRow {
  id: string;
  key: string;
  code: string;
  category_id: string | null;
  title: LocalizedText;
  /** Numbers of its levels, ascending; empty when it has none. */
  levels: number[];
  /** Numbers of the levels it declares not practised, ascending. */
  not_practised_levels: number[];
}

/** The competencies of version `versionId` in document order, for its outline: one query, whatever their number. */
export function outlineCompetencies(runner: SqlRunner, versionId: string): Promise<CompetencyOutlineRow[]> {
  return query<CompetencyOutlineRow>(
    runner,
    sql`SELECT c.id, c.key, c.code, c.category_id, c.title, COALESCE(l.levels, '{}') AS levels,
               ARRAY(SELECT (n ->> 'level')::int FROM jsonb_array_elements(c.not_practised_levels) n ORDER BY 1) AS not_practised_levels
          FROM competency c
          LEFT JOIN (SELECT cl.competency_id, array_agg(cl.level_number ORDER BY cl.level_number) AS levels
                       FROM competency_level cl
                       JOIN competency lc ON lc.id = cl.competency_id
                      WHERE lc.framework_version_id = ${versionId}::uuid
                      GROUP BY cl.competency_id) l ON l.competency_id = c.id
         WHERE c.framework_version_id = ${versionId}::uuid
         ORDER BY c.position`,
  );
}

/**
 * Competencies of the latest version of every framework (or of one framework
 * version): codes by prefix, texts by full-text search in each text's own
 * language. Code matches first, then by relevance.
 */
export function searchCompetencies(
  runner: SqlRunner,
  filter: { q?: string; frameworkId?: string },
  paging: Paging,
): Promise<PagedRows<CompetencyHitRow>> {
  const q = filter.q?.trim();
  const codePrefix = q && `${escapeLike(q)}%`;
  return queryPage<CompetencyHitRow>(
    runner,
    {
      select: sql`c.id, c.code, c.title, v.id AS version_id, v.code AS framework_code, v.name AS framework_name,
        v.version_label, v.version_number, v.default_language, v.languages,
        (SELECT array_agg(l.level_number ORDER BY l.level_number) FROM competency_level l WHERE l.competency_id = c.id) AS levels,
        ${codePrefix ? sql`c.code ILIKE ${codePrefix}` : sql`FALSE`} AS code_match,
        ${
          q
            ? sql`COALESCE((SELECT max(ts_rank(s.document, plainto_tsquery(s.config, ${q}))) FROM competency_search s
                            WHERE s.competency_id = c.id), 0)`
            : sql`0`
        } AS rank`,
      from: sql`FROM competency c
        JOIN framework_version v ON v.id = c.framework_version_id
        ${sql.where([
          filter.frameworkId
            ? sql`v.id = ${filter.frameworkId}::uuid`
            : sql`v.version_number = (SELECT max(version_number) FROM framework_version x WHERE x.framework_id = v.framework_id)`,
          q &&
            sql`(c.code ILIKE ${codePrefix}
                 OR EXISTS (SELECT 1 FROM competency_search s WHERE s.competency_id = c.id AND s.document @@ plainto_tsquery(s.config, ${q})))`,
        ])}`,
      orderBy: sql`code_match DESC, rank DESC, lower(c.code), c.id`,
    },
    paging,
  );
}

/** Whether some competency of the framework version has levels of its own (defined or declared not practised). */
export async function versionHasOwnLevels(runner: SqlRunner, versionId: string): Promise<boolean> {
  const row = await queryOne<{ own: boolean }>(
    runner,
    sql`SELECT EXISTS (SELECT 1 FROM competency c
                        WHERE c.framework_version_id = ${versionId}::uuid
                          AND (jsonb_array_length(c.not_practised_levels) > 0
                               OR EXISTS (SELECT 1 FROM competency_level l WHERE l.competency_id = c.id))) AS own`,
  );
  return row?.own ?? false;
}

/**
 * Whether anyone has been assessed on a competency of any version of the framework. It reads the assessments
 * module's table only to refuse a change that would leave those ratings on another scale (as a foreign key would).
 */
export async function frameworkHasAssessments(runner: SqlRunner, frameworkId: string): Promise<boolean> {
  const row = await queryOne<{ assessed: boolean }>(
    runner,
    sql`SELECT EXISTS (SELECT 1 FROM assessment a
                         JOIN competency c ON c.id = a.competency_id
                         JOIN framework_version v ON v.id = c.framework_version_id
                        WHERE v.framework_id = ${frameworkId}::uuid) AS assessed`,
  );
  return row?.assessed ?? false;
}
