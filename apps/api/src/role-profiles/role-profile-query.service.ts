import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  Page,
  RequirementLevelOption,
  RoleProfileDetail,
  RoleProfileRequirementCounts,
  RoleProfileRequirementView,
  RoleProfileSummary,
  RoleProfileVersionSummary,
} from '@proficio/shared/contracts';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../access';
import { frameworkRefOf, rowTexts } from '../frameworks';
import {
  listRoleProfiles,
  type RequirementCountsRow,
  requirementLevels,
  requirements,
  roleProfile,
  type RoleProfileSummaryRow,
  roleProfileVersions,
  type RoleProfileVersionRow,
} from './role-profile.queries';

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
const counts = (row: RequirementCountsRow): RoleProfileRequirementCounts => ({
  required: Number(row.required_count ?? 0),
  niceToHave: Number(row.nice_count ?? 0),
});

function toSummary(row: RoleProfileSummaryRow, admin: boolean): RoleProfileSummary {
  return {
    id: row.id,
    name: row.name,
    ...(row.published_version ? { publishedVersionNumber: row.published_version } : {}),
    ...(admin && row.draft_version ? { draftVersionNumber: row.draft_version } : {}),
    requirementCounts: counts(row),
    employeeCount: row.employee_count,
    targetEmployeeCount: row.target_employee_count,
    archived: row.archived_at !== null,
    updatedAt: row.updated_at.toISOString(),
  };
}

function toVersionSummary(row: RoleProfileVersionRow): RoleProfileVersionSummary {
  return {
    id: row.id,
    versionNumber: row.version_number,
    status: row.status,
    requirementCounts: counts(row),
    createdAt: row.created_at.toISOString(),
    ...(row.published_at ? { publishedAt: row.published_at.toISOString() } : {}),
  };
}

/**
 * Reads role profiles. Profiles are not personal data: anyone signed in may
 * read them, but drafts are work in progress that only admins see.
 */
@Injectable()
export class RoleProfileQueryService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(actor: Actor, options: RoleProfileListOptions): Promise<Page<RoleProfileSummary>> {
    const admin = isAdmin(actor);
    const { rows, total } = await listRoleProfiles(this.dataSource, { ...options, withDrafts: admin }, options);
    return { items: rows.map((row) => toSummary(row, admin)), total, page: options.page, pageSize: options.pageSize };
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
    const profile = await roleProfile(manager, id);
    if (!profile) throw new NotFoundException(`Role profile ${id} does not exist.`);
    const versionRows = await roleProfileVersions(manager, id, isAdmin(actor));
    // A profile that has only a draft is not there yet for anyone but admins.
    if (versionRows.length === 0) throw new NotFoundException(`Role profile ${id} does not exist.`);
    const selected =
      options.version !== undefined
        ? versionRows.find((row) => row.version_number === options.version)
        : (versionRows.find((row) => row.status === 'draft') ?? versionRows.find((row) => row.status === 'published') ?? versionRows[0]);
    if (!selected) throw new NotFoundException(`Role profile ${id} has no version ${options.version}.`);
    return {
      id,
      name: profile.name,
      archived: profile.archived_at !== null,
      employeeCount: profile.employee_count,
      targetEmployeeCount: profile.target_employee_count,
      versions: versionRows.map(toVersionSummary),
      version: {
        ...toVersionSummary(selected),
        ...(selected.description ? { description: selected.description } : {}),
        ...(selected.previous_version_number ? { previousVersionNumber: selected.previous_version_number } : {}),
        requirements: await this.requirements(manager, selected.id, options),
      },
    };
  }

  /** A version's requirements in order, each with its competency, framework and every level it is defined at. */
  private async requirements(
    manager: EntityManager,
    versionId: string,
    options: RoleProfileDetailOptions,
  ): Promise<RoleProfileRequirementView[]> {
    const rows = await requirements(manager, versionId);
    if (rows.length === 0) return [];
    const levelRows = await requirementLevels(
      manager,
      rows.map((row) => row.competency_id),
    );
    return rows.map((row): RoleProfileRequirementView => {
      const texts = rowTexts(options, row);
      const levels = levelRows
        .filter((level) => level.competency_id === row.competency_id)
        .map((level): RequirementLevelOption => {
          const description = texts.text(level.description);
          return {
            level: level.level_number,
            code: level.code,
            label: texts.required(level.label),
            ...(description ? { description } : {}),
          };
        });
      const target = levels.find((level) => level.level === row.target_level);
      // The composite foreign key guarantees the target is one of the levels.
      if (!target) throw new Error(`Requirement of ${row.competency_id} targets level ${row.target_level}, which it does not define.`);
      return {
        competency: { id: row.competency_id, code: row.code, title: texts.required(row.title) },
        framework: frameworkRefOf(row, texts.language),
        targetLevel: row.target_level,
        target,
        required: row.required,
        levels,
      };
    });
  }
}
