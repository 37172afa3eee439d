import type { RoleProfileRequirementInput } from '@proficio/shared/contracts';
import { query, sql, SqlRunner } from '../common/sql';
import type { RoleProfileEntity, RoleProfileVersionEntity } from './role-profile.entities';

export interface RoleProfileSnapshot {
  id: string;
  name: string;
  archivedAt: Date | null;
}

/** The audited shape of a role profile (its identity and name; the content lives in its versions). */
export const roleProfileSnapshot = (profile: Pick<RoleProfileEntity, 'id' | 'name' | 'archivedAt'>): RoleProfileSnapshot => ({
  id: profile.id,
  name: profile.name,
  archivedAt: profile.archivedAt,
});

export interface RoleProfileVersionSnapshot {
  roleProfileId: string;
  versionNumber: number;
  description: string | null;
  requirements: Required<Pick<RoleProfileRequirementInput, 'competencyId' | 'targetLevel' | 'required'>>[];
}

/** The audited shape of a role profile version: its content, the requirements read from the database in their order. */
export async function roleProfileVersionSnapshot(
  runner: SqlRunner,
  version: Pick<RoleProfileVersionEntity, 'id' | 'roleProfileId' | 'versionNumber' | 'description'>,
): Promise<RoleProfileVersionSnapshot> {
  const requirements = await query<RoleProfileVersionSnapshot['requirements'][number]>(
    runner,
    sql`SELECT competency_id AS "competencyId", target_level AS "targetLevel", required FROM role_profile_requirement
        WHERE role_profile_version_id = ${version.id} ORDER BY position`,
  );
  return { roleProfileId: version.roleProfileId, versionNumber: version.versionNumber, description: version.description, requirements };
}
