import { HttpStatus, Injectable } from '@nestjs/common';
import type { CreateTeamRequest, TeamView, UpdateTeamRequest } from '@proficio/shared/contracts';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { AuditedTransaction, AuditedWrites } from '../audit';
import { lockedOrNotFound } from '../common/locked-row';
import { conflict, fieldProblem } from '../common/problems';
import { execute, query, queryOne, sql } from '../common/sql';
import { Actor } from '../access';
import { TeamEntity } from '../employees';
import { teamSnapshot } from './team.snapshot';
const toView = (team: Pick<TeamEntity, 'id' | 'name' | 'parentId'>): TeamView => ({
  id: team.id,
  name: team.name,
  ...(team.parentId ? { parentId: team.parentId } : {}),
});

/**
 * Creates, renames, moves and deletes teams (admins), each change audited in the same transaction.
 * Tree writes take one transaction-level advisory lock, so two concurrent moves cannot together
 * make a cycle that neither would make alone.
 */
@Injectable()
export class TeamWriteService {
  constructor(private readonly writes: AuditedWrites) {}

  async create(actor: Actor, request: CreateTeamRequest): Promise<TeamView> {
    return this.write(actor, async ({ manager, audit }) => {
      const parentId = request.parentId ?? null;
      if (parentId && !(await manager.existsBy(TeamEntity, { id: parentId }))) {
        throw fieldProblem('parentId', 'is not an existing team');
      }
      await this.checkNameFree(manager, request.name, parentId, null);
      const team = { id: randomUUID(), name: request.name, parentId };
      await manager.insert(TeamEntity, team);
      audit({
        action: 'create',
        entityType: 'team',
        entityId: team.id,
        after: teamSnapshot(team),
      });
      return toView(team);
    });
  }

  async update(actor: Actor, id: string, request: UpdateTeamRequest): Promise<TeamView> {
    return this.write(actor, async ({ manager, audit }) => {
      const before = await lockedOrNotFound(manager, TeamEntity, id, 'Team');
      const name = request.name ?? before.name;
      const parentId = request.parentId === undefined ? before.parentId : request.parentId;
      if (parentId && parentId !== before.parentId) {
        if (!(await manager.existsBy(TeamEntity, { id: parentId }))) throw fieldProblem('parentId', 'is not an existing team');
        if (await this.isInSubtree(manager, id, parentId)) {
          throw fieldProblem('parentId', 'cannot be the team itself or one of its sub-teams');
        }
      }
      if (name === before.name && parentId === before.parentId) return toView(before);
      if (name.toLowerCase() !== before.name.toLowerCase() || parentId !== before.parentId)
        await this.checkNameFree(manager, name, parentId, id);
      await manager.update(TeamEntity, { id }, { name, parentId });
      const after = { id, name, parentId };
      audit({
        action: 'update',
        entityType: 'team',
        entityId: id,
        before: teamSnapshot(before),
        after,
      });
      return toView(after);
    });
  }

  async remove(actor: Actor, id: string): Promise<void> {
    await this.write(actor, async ({ manager, audit }) => {
      const team = await lockedOrNotFound(manager, TeamEntity, id, 'Team');
      const [{ sub_teams, active, left }] = await query<{ sub_teams: number; active: number; left: number }>(
        manager,
        sql`SELECT (SELECT count(*)::int FROM team WHERE parent_id = ${id}) AS sub_teams,
                   (SELECT count(*)::int FROM employee WHERE team_id = ${id} AND status = 'active') AS active,
                   (SELECT count(*)::int FROM employee WHERE team_id = ${id} AND status <> 'active') AS left`,
      );
      if (sub_teams > 0) throw conflict(`${team.name} has ${sub_teams} sub-team${sub_teams === 1 ? '' : 's'}: move or delete them first.`);
      if (active > 0) throw conflict(`${team.name} has ${active} member${active === 1 ? '' : 's'}: move them to another team first.`);
      if (left > 0) {
        throw conflict(
          `${team.name} still holds ${left} ${left === 1 ? 'person who has' : 'people who have'} left: move them to another team first.`,
        );
      }
      await manager.delete(TeamEntity, { id });
      audit({
        action: 'delete',
        entityType: 'team',
        entityId: id,
        before: teamSnapshot(team),
      });
    });
  }

  /** True when `candidate` is `root` or below it. */
  private async isInSubtree(manager: EntityManager, root: string, candidate: string): Promise<boolean> {
    const rows = await query<{ found: 1 }>(
      manager,
      sql`WITH RECURSIVE below AS (
            SELECT id FROM team WHERE id = ${root}
            UNION
            SELECT t.id FROM team t JOIN below b ON t.parent_id = b.id
          )
          SELECT 1 AS found FROM below WHERE id = ${candidate}`,
    );
    return rows.length > 0;
  }

  private async checkNameFree(manager: EntityManager, name: string, parentId: string | null, self: string | null): Promise<void> {
    const taken = await queryOne<{ found: 1 }>(
      manager,
      sql`SELECT 1 AS found FROM team
          WHERE parent_id IS NOT DISTINCT FROM ${parentId}::uuid AND lower(name) = lower(${name}) AND id IS DISTINCT FROM ${self}::uuid`,
    );
    if (taken) throw fieldProblem('name', 'is already used by another team with the same parent', HttpStatus.CONFLICT);
  }

  /** A tree write: audited, under the one lock of the team tree. */
  private write<T>(actor: Actor, work: (tx: AuditedTransaction) => Promise<T>): Promise<T> {
    return this.writes.run(actor, async (tx) => {
      await execute(tx.manager, sql`SELECT pg_advisory_xact_lock(hashtext('proficio:team-tree'))`);
      return work(tx);
    });
  }
}
