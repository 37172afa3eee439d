import type { FrameworkRef, TextValue } from './frameworks';

/**
 * A role profile ("Service Desk Analyst") names the competencies a role needs,
 * each at a target level of that competency's own scale, plus "nice to have"
 * ones. Like frameworks, a profile has versions: one draft that admins edit,
 * one published version that sets the targets, and retired earlier ones.
 */
export type RoleProfileVersionStatus = 'draft' | 'published' | 'retired';

/** Limits the API enforces (the web app uses them in its forms). */
export const ROLE_PROFILE_LIMITS = {
  nameLength: 200,
  descriptionLength: 5000,
  requirements: 500,
} as const;

/** How many competencies a version asks for. */
export interface RoleProfileRequirementCounts {
  required: number;
  niceToHave: number;
}

/** One role profile in the list: `GET /api/role-profiles`. */
export interface RoleProfileSummary {
  id: string;
  name: string;
  /** The version that sets the targets now; absent while the profile has only a draft. */
  publishedVersionNumber?: number;
  /** Present when a draft exists (only admins are told). */
  draftVersionNumber?: number;
  /** Of the published version, or of the draft while there is none. */
  requirementCounts: RoleProfileRequirementCounts;
  /** Active employees who hold this role now. */
  employeeCount: number;
  /** Active employees growing towards this role. */
  targetEmployeeCount: number;
  archived: boolean;
  updatedAt: string;
}

export interface RoleProfileListQuery {
  /** Part of the name, any casing. */
  q?: string;
  includeArchived?: boolean;
  page?: number;
  pageSize?: number;
}

/** One level a competency is defined at, as the editor shows it when choosing a target. */
export interface RequirementLevelOption {
  level: number;
  /** The scale's code for the level, e.g. `e-3` or `5`. */
  code: string;
  /** The scale's name for the level, e.g. "Ensure, advise". */
  label: TextValue;
  /** What the competency looks like at this level. */
  description?: TextValue;
}

/** One competency a version asks for, at one of the competency's own levels. */
export interface RoleProfileRequirementView {
  competency: { id: string; code: string; title: TextValue };
  framework: FrameworkRef;
  targetLevel: number;
  /** The target level's label and description (one of `levels`). */
  target: RequirementLevelOption;
  /** false: "nice to have". */
  required: boolean;
  /** Every level the competency is defined at, ascending, so that an editor can offer them. */
  levels: RequirementLevelOption[];
}

/** One version of a profile in its history. */
export interface RoleProfileVersionSummary {
  id: string;
  versionNumber: number;
  status: RoleProfileVersionStatus;
  requirementCounts: RoleProfileRequirementCounts;
  createdAt: string;
  publishedAt?: string;
}

export interface RoleProfileVersionView extends RoleProfileVersionSummary {
  description?: string;
  /** The version this one was started from. */
  previousVersionNumber?: number;
  /** In the order the profile lists them. */
  requirements: RoleProfileRequirementView[];
}

/** One profile with its version history and one version in full: `GET /api/role-profiles/:id`. */
export interface RoleProfileDetail {
  id: string;
  name: string;
  archived: boolean;
  employeeCount: number;
  targetEmployeeCount: number;
  /** Newest first. Non-admins see published and retired versions only. */
  versions: RoleProfileVersionSummary[];
  /** `?version=N`, else the draft for admins when there is one, else the published version. */
  version: RoleProfileVersionView;
}

export interface RoleProfileDetailQuery {
  version?: number;
  lang?: string;
}

/** One requirement as an editor sends it; the list order is the profile's order. */
export interface RoleProfileRequirementInput {
  competencyId: string;
  /** One of the competency's own levels. */
  targetLevel: number;
  /** Defaults to true; false for "nice to have". */
  required?: boolean;
}

/** `POST /api/role-profiles` (admin): a new profile with its draft version 1. */
export interface CreateRoleProfileRequest {
  name: string;
  description?: string;
  requirements?: RoleProfileRequirementInput[];
}

/** `PATCH /api/role-profiles/:id` (admin): rename, archive or restore. */
export interface UpdateRoleProfileRequest {
  name?: string;
  archived?: boolean;
}

/** `PUT /api/role-profiles/:id/draft` (admin): the draft's whole content. */
export interface SaveRoleProfileDraftRequest {
  description?: string | null;
  requirements: RoleProfileRequirementInput[];
}

/** `POST /api/role-profiles/:id/copies` (admin): a new profile, as draft version 1, from a version of this one. */
export interface CopyRoleProfileRequest {
  name: string;
  /** Defaults to the published version (the draft when there is none). */
  version?: number;
}
