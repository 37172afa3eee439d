import type { LocalizedText, RoleProfileVersionStatus } from '@proficio/shared/contracts';
import type { FrameworkRefColumns } from '../frameworks';
import { containsPattern, type PagedRows, type Paging, query, queryOne, queryPage, sql, type SqlRunner } from '../common/sql';

/** How many requirements a version has, required and "nice to have". */
export interface RequirementCountsRow {
  required_count: number;
  nice_count: number;
}

/** Active employees holding a profile now and as their target. */
export interface EmployeeCountsRow {
  employee_count: number;
  target_employee_count: number;
}

export interface RoleProfileSummaryRow extends RequirementCountsRow, EmployeeCountsRow {
  id: string;
  name: string;
  archived_at: Date | null;
  published_version: number | null;
  draft_version: number | null;
  updated_at: Date;
}

export interface RoleProfileRow extends EmployeeCountsRow {
  id: string;
  name: string;
  archived_at: Date | null;
}

export interface RoleProfileVersionRow extends RequirementCountsRow {
  id: string;
  version_number: number;
  status: RoleProfileVersionStatus;
  description: string | null;
  created_at: Date;
  published_at: Date | null;
  previous_version_number: number | null;
}

export interface RequirementRow extends FrameworkRefColumns {
  competency_id: string;
  target_level: number;
  required: boolean;
  code: string;
  title: LocalizedText;
}

export interface RequirementLevelRow {
  competency_id: string;
  level_number: number;
  description: LocalizedText | null;
  code: string;
  label: LocalizedText;
}

const EMPLOYEE_COUNTS = sql`
  (SELECT count(*)::int FROM employee e WHERE e.role_profile_id = p.id AND e.status = 'active') AS employee_count,
  (SELECT count(*)::int FROM employee e WHERE e.target_role_profile_id = p.id AND e.status = 'active') AS target_employee_count`;

/**
 * Role profiles by name, with the requirement counts of their published
 * version (else their draft). Profiles with only a draft are listed when
 * `withDrafts` (admins).
 */
export function listRoleProfiles(
  runner: SqlRunner,
  filter: { q?: string; includeArchived?: boolean; withDrafts: boolean },
  paging: Paging,
): Promise<PagedRows<RoleProfileSummaryRow>> {
  const q = filter.q?.trim();
  return queryPage<RoleProfileSummaryRow>(
    runner,
    {
      select: sql`p.id, p.name, p.archived_at, pub.version_number AS published_version, d.version_number AS draft_version,
        greatest(p.updated_at, (SELECT max(v.updated_at) FROM role_profile_version v WHERE v.role_profile_id = p.id)) AS updated_at,
        c.required_count, c.nice_count, ${EMPLOYEE_COUNTS}`,
      from: sql`FROM role_profile p
        LEFT JOIN role_profile_version pub ON pub.role_profile_id = p.id AND pub.status = 'published'
        LEFT JOIN role_profile_version d ON d.role_profile_id = p.id AND d.status = 'draft'
        LEFT JOIN LATERAL (
          SELECT count(*) FILTER (WHERE r.required)::int AS required_count, count(*) FILTER (WHERE NOT r.required)::int AS nice_count
          FROM role_profile_requirement r WHERE r.role_profile_version_id = COALESCE(pub.id, d.id)
        ) c ON true
        ${sql.where([
          q && sql`p.name ILIKE ${containsPattern(q)}`,
          !filter.includeArchived && sql`p.archived_at IS NULL`,
          !filter.withDrafts && sql`pub.id IS NOT NULL`,
        ])}`,
      orderBy: sql`lower(p.name), p.id`,
    },
    paging,
  );
}

export function roleProfile(runner: SqlRunner, id: string): Promise<RoleProfileRow | undefined> {
  return queryOne<RoleProfileRow>(
    runner,
    sql`SELECT p.id, p.name, p.archived_at, ${EMPLOYEE_COUNTS} FROM role_profile p WHERE p.id = ${id}`,
  );
}

/** A profile's versions, newest first; drafts only `withDrafts` (admins). */
export function roleProfileVersions(runner: SqlRunner, profileId: string, withDrafts: boolean): Promise<RoleProfileVersionRow[]> {
  return query<RoleProfileVersionRow>(
    runner,
    sql`SELECT v.id, v.version_number, v.status, v.description, v.created_at, v.published_at, prev.version_number AS previous_version_number,
               count(*) FILTER (WHERE r.required)::int AS required_count, count(*) FILTER (WHERE NOT r.required)::int AS nice_count
        FROM role_profile_version v
        LEFT JOIN role_profile_version prev ON prev.id = v.previous_version_id
        LEFT JOIN role_profile_requirement r ON r.role_profile_version_id = v.id
        ${sql.where([sql`v.role_profile_id = ${profileId}`, !withDrafts && sql`v.status <> 'draft'`])}
        GROUP BY v.id, prev.version_number
        ORDER BY v.version_number DESC`,
  );
}

/** A version's requirements in order, each with its competency and framework. */
export function requirements(runner: SqlRunner, versionId: string): Promise<RequirementRow[]> {
  return query<RequirementRow>(
    runner,
    sql`SELECT r.competency_id, r.target_level, r.required, c.code, c.title,
               fv.id AS framework_version_id, fv.code AS framework_code, fv.name AS framework_name, fv.version_label, fv.version_number,
               fv.default_language, fv.languages
        FROM role_profile_requirement r
        JOIN competency c ON c.id = r.competency_id
        JOIN framework_version fv ON fv.id = c.framework_version_id
        WHERE r.role_profile_version_id = ${versionId}
        ORDER BY r.position, c.code`,
  );
}

/** Every level the competencies are defined at, in level order. */
export function requirementLevels(runner: SqlRunner, competencyIds: string[]): Promise<RequirementLevelRow[]> {
  return query<RequirementLevelRow>(
    runner,
    sql`SELECT cl.competency_id, cl.level_number, cl.description, sl.code, sl.label
        FROM competency_level cl JOIN scale_level sl ON sl.id = cl.scale_level_id
        WHERE cl.competency_id = ANY(${competencyIds}::uuid[])
        ORDER BY cl.level_number`,
  );
}
