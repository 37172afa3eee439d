import { HttpStatus, Injectable } from '@nestjs/common';
import type {
  CopyRoleProfileRequest,
  CreateRoleProfileRequest,
  FieldError,
  RoleProfileDetail,
  RoleProfileRequirementInput,
  SaveRoleProfileDraftRequest,
  UpdateRoleProfileRequest,
} from '@proficio/shared/contracts';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { AuditedWrites } from '../audit';
import { ProblemException } from '../common/filters/problem.exception';
import { lockedOrNotFound } from '../common/locked-row';
import { conflict, fieldProblem } from '../common/problems';
import { execute, query, queryOne, sql } from '../common/sql';
import type { Actor } from '../access';
import { RoleProfileEntity, RoleProfileVersionEntity } from './role-profile.entities';
import { roleProfileSnapshot, roleProfileVersionSnapshot } from './role-profile.snapshot';
import { RoleProfileQueryService } from './role-profile-query.service';

/**
 * Creates and changes role profiles (admins). Only a draft version changes;
 * publishing makes it the profile's published version and retires the one
 * before; a new version starts as a copy of the published one. Every write is
 * one transaction with its audit event, the profile row locked first so that
 * concurrent writes to one profile queue up.
 */
@Injectable()
export class RoleProfileWriteService {
  constructor(
    private readonly writes: AuditedWrites,
    private readonly query: RoleProfileQueryService,
  ) {}

  async create(actor: Actor, request: CreateRoleProfileRequest): Promise<RoleProfileDetail> {
    const id = randomUUID();
    await this.writes.run(actor, async ({ manager, audit }) => {
      await this.checkNameFree(manager, request.name, null);
      const requirements = request.requirements ?? [];
      await this.checkRequirements(manager, requirements);
      await manager.insert(RoleProfileEntity, { id, name: request.name, archivedAt: null });
      const versionId = await this.insertDraft(manager, id, 1, null, request.description ?? null);
      await this.insertRequirements(manager, versionId, requirements);
      audit({
        action: 'create',
        entityType: 'role_profile',
        entityId: id,
        after: {
          ...roleProfileSnapshot({ id, name: request.name, archivedAt: null }),
          version: 1,
          description: request.description ?? null,
          requirements,
        },
      });
    });
    return this.query.detail(actor, id);
  }

  /** Renames, archives or restores a profile. */
  async update(actor: Actor, id: string, request: UpdateRoleProfileRequest): Promise<RoleProfileDetail> {
    await this.writes.run(actor, async ({ manager, audit }) => {
      const before = await lockedOrNotFound(manager, RoleProfileEntity, id, 'Role profile');
      const changes: Partial<RoleProfileEntity> = {};
      if (request.name !== undefined && request.name !== before.name) {
        await this.checkNameFree(manager, request.name, id);
        changes.name = request.name;
      }
      if (request.archived !== undefined && request.archived !== (before.archivedAt !== null)) {
        changes.archivedAt = request.archived ? new Date() : null;
      }
      if (Object.keys(changes).length === 0) return;
      await manager.update(RoleProfileEntity, { id }, changes);
      const after = await manager.findOneByOrFail(RoleProfileEntity, { id });
      audit({
        action: 'update',
        entityType: 'role_profile',
        entityId: id,
        before: roleProfileSnapshot(before),
        after: roleProfileSnapshot(after),
      });
    });
    return this.query.detail(actor, id);
  }

  /** Replaces the draft's description and requirements. */
  async saveDraft(actor: Actor, id: string, request: SaveRoleProfileDraftRequest): Promise<RoleProfileDetail> {
    await this.writes.run(actor, async ({ manager, audit }) => {
      const profile = await lockedOrNotFound(manager, RoleProfileEntity, id, 'Role profile');
      this.refuseArchived(profile);
      const draft = await this.draftOf(manager, id);
      await this.checkRequirements(manager, request.requirements);
      const before = await roleProfileVersionSnapshot(manager, draft);
      await execute(manager, sql`DELETE FROM role_profile_requirement WHERE role_profile_version_id = ${draft.id}`);
      await this.insertRequirements(manager, draft.id, request.requirements);
      const description = request.description === undefined ? draft.description : request.description || null;
      await manager.update(RoleProfileVersionEntity, { id: draft.id }, { description, updatedAt: new Date() });
      audit({
        action: 'update',
        entityType: 'role_profile_version',
        entityId: draft.id,
        before: { ...before, roleProfileName: profile.name },
        after: {
          roleProfileId: id,
          roleProfileName: profile.name,
          versionNumber: draft.versionNumber,
          description,
          requirements: request.requirements,
        },
      });
    });
    return this.query.detail(actor, id);
  }

  /** Throws away the draft. A profile's only version cannot go: archive the profile instead. */
  async discardDraft(actor: Actor, id: string): Promise<void> {
    await this.writes.run(actor, async ({ manager, audit }) => {
      const profile = await lockedOrNotFound(manager, RoleProfileEntity, id, 'Role profile');
      const draft = await this.draftOf(manager, id);
      const [{ others }] = await query<{ others: number }>(
        manager,
        sql`SELECT count(*)::int AS others FROM role_profile_version WHERE role_profile_id = ${id} AND id <> ${draft.id}`,
      );
      if (others === 0)
        throw conflict('The draft is the role profile’s only version and cannot be discarded; archive the profile instead.');
      const before = await roleProfileVersionSnapshot(manager, draft);
      await manager.delete(RoleProfileVersionEntity, { id: draft.id });
      audit({
        action: 'delete',
        entityType: 'role_profile_version',
        entityId: draft.id,
        before: { ...before, roleProfileName: profile.name },
      });
    });
  }

  /** Starts the next version as a draft copy of the published one. */
  async startVersion(actor: Actor, id: string): Promise<RoleProfileDetail> {
    let versionNumber = 0;
    await this.writes.run(actor, async ({ manager, audit }) => {
      const profile = await lockedOrNotFound(manager, RoleProfileEntity, id, 'Role profile');
      this.refuseArchived(profile);
      const versions = await manager.find(RoleProfileVersionEntity, { where: { roleProfileId: id }, order: { versionNumber: 'DESC' } });
      const draft = versions.find((version) => version.status === 'draft');
      if (draft) throw conflict(`The role profile already has a draft (version ${draft.versionNumber}); publish or discard it first.`);
      const published = versions.find((version) => version.status === 'published');
      if (!published) throw conflict('The role profile has no published version to start from.');
      versionNumber = (versions[0]?.versionNumber ?? 0) + 1;
      const versionId = await this.insertDraft(manager, id, versionNumber, published.id, published.description);
      await this.copyRequirements(manager, published.id, versionId);
      audit({
        action: 'create',
        entityType: 'role_profile_version',
        entityId: versionId,
        after: { roleProfileId: id, roleProfileName: profile.name, versionNumber, copiedFromVersion: published.versionNumber },
      });
    });
    return this.query.detail(actor, id, { version: versionNumber });
  }

  /** Makes the draft the published version; the version published before is retired. */
  async publish(actor: Actor, id: string): Promise<RoleProfileDetail> {
    let versionNumber = 0;
    await this.writes.run(actor, async ({ manager, audit }) => {
      const profile = await lockedOrNotFound(manager, RoleProfileEntity, id, 'Role profile');
      this.refuseArchived(profile);
      const draft = await this.draftOf(manager, id);
      const [{ count }] = await query<{ count: number }>(
        manager,
        sql`SELECT count(*)::int AS count FROM role_profile_requirement WHERE role_profile_version_id = ${draft.id}`,
      );
      if (count === 0) throw fieldProblem('requirements', 'must name at least one competency before the version is published');
      const previous = await manager.findOneBy(RoleProfileVersionEntity, { roleProfileId: id, status: 'published' });
      const now = new Date();
      if (previous) await manager.update(RoleProfileVersionEntity, { id: previous.id }, { status: 'retired', updatedAt: now });
      await manager.update(RoleProfileVersionEntity, { id: draft.id }, { status: 'published', publishedAt: now, updatedAt: now });
      versionNumber = draft.versionNumber;
      audit({
        action: 'publish',
        entityType: 'role_profile_version',
        entityId: draft.id,
        before: {
          roleProfileId: id,
          roleProfileName: profile.name,
          versionNumber,
          status: 'draft',
          retires: previous?.versionNumber ?? null,
        },
        after: { roleProfileId: id, roleProfileName: profile.name, versionNumber, status: 'published' },
      });
    });
    return this.query.detail(actor, id, { version: versionNumber });
  }

  /** A new profile named `request.name` whose draft version 1 copies a version of this one. */
  async copy(actor: Actor, id: string, request: CopyRoleProfileRequest): Promise<RoleProfileDetail> {
    const copyId = randomUUID();
    await this.writes.run(actor, async ({ manager, audit }) => {
      await lockedOrNotFound(manager, RoleProfileEntity, id, 'Role profile');
      const versions = await manager.find(RoleProfileVersionEntity, { where: { roleProfileId: id } });
      const source =
        request.version !== undefined
          ? versions.find((version) => version.versionNumber === request.version)
          : (versions.find((version) => version.status === 'published') ?? versions.find((version) => version.status === 'draft'));
      if (!source) throw fieldProblem('version', 'is not a version of this role profile');
      await this.checkNameFree(manager, request.name, null);
      await manager.insert(RoleProfileEntity, { id: copyId, name: request.name, archivedAt: null });
      const versionId = await this.insertDraft(manager, copyId, 1, null, source.description);
      await this.copyRequirements(manager, source.id, versionId);
      audit({
        action: 'create',
        entityType: 'role_profile',
        entityId: copyId,
        after: {
          ...roleProfileSnapshot({ id: copyId, name: request.name, archivedAt: null }),
          version: 1,
          copiedFrom: { roleProfileId: id, versionNumber: source.versionNumber },
        },
      });
    });
    return this.query.detail(actor, copyId);
  }

  private refuseArchived(profile: RoleProfileEntity): void {
    if (profile.archivedAt) throw conflict(`The role profile “${profile.name}” is archived; restore it before changing it.`);
  }

  private async draftOf(manager: EntityManager, id: string): Promise<RoleProfileVersionEntity> {
    const draft = await manager.findOneBy(RoleProfileVersionEntity, { roleProfileId: id, status: 'draft' });
    if (!draft) throw conflict('The role profile has no draft version; start a new version first.');
    return draft;
  }

  private async checkNameFree(manager: EntityManager, name: string, self: string | null): Promise<void> {
    const taken = await queryOne<{ id: string }>(
      manager,
      sql`SELECT id FROM role_profile WHERE lower(name) = lower(${name}) AND id IS DISTINCT FROM ${self}::uuid`,
    );
    if (taken) throw fieldProblem('name', 'is already used by another role profile', HttpStatus.CONFLICT);
  }

  /**
   * Every competency must exist, appear once, and be asked for at one of its
   * own levels; all problems are reported at once, each naming its place.
   */
  private async checkRequirements(manager: EntityManager, requirements: readonly RoleProfileRequirementInput[]): Promise<void> {
    if (requirements.length === 0) return;
    const ids = [...new Set(requirements.map((requirement) => requirement.competencyId))];
    const rows = await query<{ id: string; code: string; levels: number[] }>(
      manager,
      sql`SELECT c.id, c.code, array_remove(array_agg(l.level_number ORDER BY l.level_number), NULL) AS levels
          FROM competency c LEFT JOIN competency_level l ON l.competency_id = c.id
          WHERE c.id = ANY(${ids}::uuid[]) GROUP BY c.id`,
    );
    const known = new Map(rows.map((row) => [row.id, { code: row.code, levels: row.levels }]));
    const firstIndex = new Map<string, number>();
    const errors: FieldError[] = [];
    requirements.forEach((requirement, index) => {
      const place = `requirements.${index}`;
      const competency = known.get(requirement.competencyId);
      const earlier = firstIndex.get(requirement.competencyId);
      if (!competency) {
        errors.push({ field: `${place}.competencyId`, message: 'is not an existing competency' });
      } else if (earlier !== undefined) {
        errors.push({ field: `${place}.competencyId`, message: `is already in the list (requirements.${earlier})` });
      } else if (!competency.levels.includes(requirement.targetLevel)) {
        errors.push({
          field: `${place}.targetLevel`,
          message: `is not a level of ${competency.code}, which is defined at level${competency.levels.length === 1 ? '' : 's'} ${competency.levels.join(', ') || '(none)'}`,
        });
      }
      if (earlier === undefined) firstIndex.set(requirement.competencyId, index);
    });
    if (errors.length) {
      throw new ProblemException(
        HttpStatus.UNPROCESSABLE_ENTITY,
        'The change cannot be made',
        `${errors.length} requirement${errors.length === 1 ? ' is' : 's are'} not valid: ${errors.map((error) => error.field).join(', ')}.`,
        errors,
      );
    }
  }

  private async insertDraft(
    manager: EntityManager,
    roleProfileId: string,
    versionNumber: number,
    previousVersionId: string | null,
    description: string | null,
  ) {
    const id = randomUUID();
    await manager.insert(RoleProfileVersionEntity, {
      id,
      roleProfileId,
      versionNumber,
      previousVersionId,
      description,
      status: 'draft',
      publishedAt: null,
    });
    return id;
  }

  private async insertRequirements(
    manager: EntityManager,
    versionId: string,
    requirements: readonly RoleProfileRequirementInput[],
  ): Promise<void> {
    if (requirements.length === 0) return;
    await execute(
      manager,
      sql`INSERT INTO role_profile_requirement (role_profile_version_id, competency_id, target_level, required, position)
          SELECT ${versionId}, competency_id, target_level, required, position
          FROM unnest(${requirements.map((requirement) => requirement.competencyId)}::uuid[],
                      ${requirements.map((requirement) => requirement.targetLevel)}::int[],
                      ${requirements.map((requirement) => requirement.required ?? true)}::boolean[],
                      ${requirements.map((_, index) => index)}::int[]) AS t (competency_id, target_level, required, position)`,
    );
  }

  private async copyRequirements(manager: EntityManager, fromVersionId: string, toVersionId: string): Promise<void> {
    await execute(
      manager,
      sql`INSERT INTO role_profile_requirement (role_profile_version_id, competency_id, target_level, required, position)
          SELECT ${toVersionId}, competency_id, target_level, required, position FROM role_profile_requirement
          WHERE role_profile_version_id = ${fromVersionId}`,
    );
  }
}
