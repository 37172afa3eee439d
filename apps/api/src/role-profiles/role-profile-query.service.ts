import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  LocalizedText,
  Page,
  RequirementLevelOption,
  RoleProfileDetail,
  RoleProfileRequirementCounts,
  RoleProfileRequirementView,
  RoleProfileSummary,
  RoleProfileVersionStatus,
  RoleProfileVersionSummary,
} from '@proficio/shared/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { escapeLike } from '../common/sql';
import type { Actor } from '../access';
import { localize, localizeRequired, pickLanguage } from '../frameworks/localize';

type Row = Record<string, unknown>;

export interface RoleProfileListOptions {
  q?: string;
  includeArchived?: boolean;
  page: number;
  pageSize: number;
}

export interface RoleProfileDetailOptions {
  version?: number;
  lang?: string;
  acceptLanguage?: string;
}

const isAdmin = (actor: Actor) => actor.roles.includes('admin');
const iso = (value: unknown) => (value instanceof Date ? value.toISOString() : String(value));
const counts = (row: Row): RoleProfileRequirementCounts => ({
  required: Number(row['required_count'] ?? 0),
  niceToHave: Number(row['nice_count'] ?? 0),
});

/** Active employees holding a profile now and as their target. */
const EMPLOYEE_COUNTS = `
  (SELECT count(*)::int FROM employee e WHERE e.role_profile_id = p.id AND e.status = 'active') AS employee_count,
  (SELECT count(*)::int FROM employee e WHERE e.target_role_profile_id = p.id AND e.status = 'active') AS target_employee_count`;

/**
 * Reads role profiles. Profiles are not personal data: anyone signed in may
 * read them, but drafts are work in progress that only admins see.
 */
@Injectable()
export class RoleProfileQueryService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(actor: Actor, options: RoleProfileListOptions): Promise<Page<RoleProfileSummary>> {
    const admin = isAdmin(actor);
    const q = options.q?.trim() || null;
    const joins = `
      FROM role_profile p
      LEFT JOIN role_profile_version pub ON pub.role_profile_id = p.id AND pub.status = 'published'
      LEFT JOIN role_profile_version d ON d.role_profile_id = p.id AND d.status = 'draft'`;
    const where = `
      WHERE ($1::text IS NULL OR p.name ILIKE '%' || $1 || '%')
        AND ($2::boolean OR p.archived_at IS NULL)
        AND ($3::boolean OR pub.id IS NOT NULL)`;
    const params = [q === null ? null : escapeLike(q), options.includeArchived ?? false, admin];
    const [{ total }] = await this.dataSource.query(`SELECT count(*)::int AS total ${joins} ${where}`, params);
    const rows: Row[] = await this.dataSource.query(
      `SELECT p.id, p.name, p.archived_at, pub.version_number AS published_version, d.version_number AS draft_version,
              greatest(p.updated_at, (SELECT max(v.updated_at) FROM role_profile_version v WHERE v.role_profile_id = p.id)) AS updated_at,
              c.required_count, c.nice_count, ${EMPLOYEE_COUNTS}
       ${joins}
       LEFT JOIN LATERAL (
         SELECT count(*) FILTER (WHERE r.required)::int AS required_count, count(*) FILTER (WHERE NOT r.required)::int AS nice_count
         FROM role_profile_requirement r WHERE r.role_profile_version_id = COALESCE(pub.id, d.id)
       ) c ON true
       ${where}
       ORDER BY lower(p.name), p.id
       LIMIT $4 OFFSET $5`,
      [...params, options.pageSize, (options.page - 1) * options.pageSize],
    );
    const items = rows.map((row): RoleProfileSummary => ({
      id: row['id'] as string,
      name: row['name'] as string,
      ...(row['published_version'] ? { publishedVersionNumber: row['published_version'] as number } : {}),
      ...(admin && row['draft_version'] ? { draftVersionNumber: row['draft_version'] as number } : {}),
      requirementCounts: counts(row),
      employeeCount: row['employee_count'] as number,
      targetEmployeeCount: row['target_employee_count'] as number,
      archived: row['archived_at'] !== null,
      updatedAt: iso(row['updated_at']),
    }));
    return { items, total: total as number, page: options.page, pageSize: options.pageSize };
  }

  /**
   * One profile with its versions and one version in full: `version` when
   * given, else the draft for admins when there is one, else the published one.
   */
  async detail(
    actor: Actor,
    id: string,
    options: RoleProfileDetailOptions = {},
    manager: EntityManager = this.dataSource.manager,
  ): Promise<RoleProfileDetail> {
    const admin = isAdmin(actor);
    const [profile]: Row[] = await manager.query(
      `SELECT p.id, p.name, p.archived_at, ${EMPLOYEE_COUNTS} FROM role_profile p WHERE p.id = $1`,
      [id],
    );
    if (!profile) throw new NotFoundException(`Role profile ${id} does not exist.`);
    const versionRows: Row[] = await manager.query(
      `SELECT v.id, v.version_number, v.status, v.description, v.created_at, v.published_at, prev.version_number AS previous_version_number,
              count(*) FILTER (WHERE r.required)::int AS required_count, count(*) FILTER (WHERE NOT r.required)::int AS nice_count
       FROM role_profile_version v
       LEFT JOIN role_profile_version prev ON prev.id = v.previous_version_id
       LEFT JOIN role_profile_requirement r ON r.role_profile_version_id = v.id
       WHERE v.role_profile_id = $1 AND ($2::boolean OR v.status <> 'draft')
       GROUP BY v.id, prev.version_number
       ORDER BY v.version_number DESC`,
      [id, admin],
    );
    // A profile that has only a draft is not there yet for anyone but admins.
    if (versionRows.length === 0) throw new NotFoundException(`Role profile ${id} does not exist.`);
    const versions = versionRows.map((row): RoleProfileVersionSummary => ({
      id: row['id'] as string,
      versionNumber: row['version_number'] as number,
      status: row['status'] as RoleProfileVersionStatus,
      requirementCounts: counts(row),
      createdAt: iso(row['created_at']),
      ...(row['published_at'] ? { publishedAt: iso(row['published_at']) } : {}),
    }));
    const selected =
      options.version !== undefined
        ? versionRows.find((row) => row['version_number'] === options.version)
        : (versionRows.find((row) => row['status'] === 'draft') ??
          versionRows.find((row) => row['status'] === 'published') ??
          versionRows[0]);
    if (!selected) throw new NotFoundException(`Role profile ${id} has no version ${options.version}.`);
    const summary = versions.find((version) => version.id === selected['id']) as RoleProfileVersionSummary;
    return {
      id,
      name: profile['name'] as string,
      archived: profile['archived_at'] !== null,
      employeeCount: profile['employee_count'] as number,
      targetEmployeeCount: profile['target_employee_count'] as number,
      versions,
      version: {
        ...summary,
        ...(selected['description'] ? { description: selected['description'] as string } : {}),
        ...(selected['previous_version_number'] ? { previousVersionNumber: selected['previous_version_number'] as number } : {}),
        requirements: await this.requirements(manager, selected['id'] as string, options),
      },
    };
  }

  /** A version's requirements in order, each with its competency, framework and every level it is defined at. */
  private async requirements(
    manager: EntityManager,
    versionId: string,
    options: RoleProfileDetailOptions,
  ): Promise<RoleProfileRequirementView[]> {
    const rows: Row[] = await manager.query(
      `SELECT r.competency_id, r.target_level, r.required, c.code, c.title,
              fv.id AS framework_version_id, fv.code AS framework_code, fv.name AS framework_name, fv.version_label, fv.version_number,
              fv.default_language, fv.languages
       FROM role_profile_requirement r
       JOIN competency c ON c.id = r.competency_id
       JOIN framework_version fv ON fv.id = c.framework_version_id
       WHERE r.role_profile_version_id = $1
       ORDER BY r.position, c.code`,
      [versionId],
    );
    if (rows.length === 0) return [];
    const levelRows: Row[] = await manager.query(
      `SELECT cl.competency_id, cl.level_number, cl.description, sl.code, sl.label
       FROM competency_level cl JOIN scale_level sl ON sl.id = cl.scale_level_id
       WHERE cl.competency_id = ANY($1::uuid[])
       ORDER BY cl.level_number`,
      [rows.map((row) => row['competency_id'])],
    );
    return rows.map((row): RoleProfileRequirementView => {
      const defaultLanguage = row['default_language'] as string;
      const language = pickLanguage({ ...options, available: row['languages'] as string[], defaultLanguage });
      const levels = levelRows
        .filter((level) => level['competency_id'] === row['competency_id'])
        .map((level): RequirementLevelOption => {
          const description = localize(level['description'] as LocalizedText | null, language, defaultLanguage);
          return {
            level: level['level_number'] as number,
            code: level['code'] as string,
            label: localizeRequired(level['label'] as LocalizedText, language, defaultLanguage),
            ...(description ? { description } : {}),
          };
        });
      const targetLevel = row['target_level'] as number;
      return {
        competency: {
          id: row['competency_id'] as string,
          code: row['code'] as string,
          title: localizeRequired(row['title'] as LocalizedText, language, defaultLanguage),
        },
        framework: {
          id: row['framework_version_id'] as string,
          code: row['framework_code'] as string,
          name: localizeRequired(row['framework_name'] as LocalizedText, language, defaultLanguage),
          versionLabel: row['version_label'] as string,
          versionNumber: row['version_number'] as number,
        },
        targetLevel,
        // The composite foreign key guarantees the target is one of the levels.
        target: levels.find((level) => level.level === targetLevel) as RequirementLevelOption,
        required: row['required'] as boolean,
        levels,
      };
    });
  }
}
