import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CreateTeamRequest, TeamView, UpdateTeamRequest } from '@proficio/shared/contracts';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { ProblemException } from '../common/filters/problem.exception';
import { Actor } from '../access';
import { TeamEntity } from '../employees/employee.entities';

const refuse = (status: HttpStatus, field: string | null, message: string) =>
  new ProblemException(
    status,
    status === HttpStatus.CONFLICT ? 'Conflict' : 'The change cannot be made',
    field ? `${field} ${message}.` : `${message}.`,
    field ? [{ field, message }] : [],
  );

const sameName = () => refuse(HttpStatus.CONFLICT, 'name', 'is already used by another team with the same parent');

/** The audited shape of a team. */
const snapshot = (team: Pick<TeamEntity, 'id' | 'name' | 'parentId'>) => ({ id: team.id, name: team.name, parentId: team.parentId });
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
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async create(actor: Actor, request: CreateTeamRequest): Promise<TeamView> {
    return this.write(async (manager) => {
      const parentId = request.parentId ?? null;
      if (parentId && !(await manager.existsBy(TeamEntity, { id: parentId }))) {
        throw refuse(HttpStatus.UNPROCESSABLE_ENTITY, 'parentId', 'is not an existing team');
      }
      await this.checkNameFree(manager, request.name, parentId, null);
      const team = { id: randomUUID(), name: request.name, parentId };
      await manager.insert(TeamEntity, team);
      await this.audit.record(manager, {
        actorUserId: actor.userId,
        action: 'create',
        entityType: 'team',
        entityId: team.id,
        after: snapshot(team),
      });
      return toView(team);
    });
  }

  async update(actor: Actor, id: string, request: UpdateTeamRequest): Promise<TeamView> {
    return this.write(async (manager) => {
      const before = await this.lockTeam(manager, id);
      const name = request.name ?? before.name;
      const parentId = request.parentId === undefined ? before.parentId : request.parentId;
      if (parentId && parentId !== before.parentId) {
        if (!(await manager.existsBy(TeamEntity, { id: parentId })))
          throw refuse(HttpStatus.UNPROCESSABLE_ENTITY, 'parentId', 'is not an existing team');
        if (await this.isInSubtree(manager, id, parentId)) {
          throw refuse(HttpStatus.UNPROCESSABLE_ENTITY, 'parentId', 'cannot be the team itself or one of its sub-teams');
        }
      }
      if (name === before.name && parentId === before.parentId) return toView(before);
      if (name.toLowerCase() !== before.name.toLowerCase() || parentId !== before.parentId)
        await this.checkNameFree(manager, name, parentId, id);
      await manager.update(TeamEntity, { id }, { name, parentId });
      const after = { id, name, parentId };
      await this.audit.record(manager, {
        actorUserId: actor.userId,
        action: 'update',
        entityType: 'team',
        entityId: id,
        before: snapshot(before),
        after,
      });
      return toView(after);
    });
  }

  async remove(actor: Actor, id: string): Promise<void> {
    await this.write(async (manager) => {
      const team = await this.lockTeam(manager, id);
      const [{ sub_teams, active, left }] = await manager.query(
        `SELECT (SELECT count(*)::int FROM team WHERE parent_id = $1) AS sub_teams,
                (SELECT count(*)::int FROM employee WHERE team_id = $1 AND status = 'active') AS active,
                (SELECT count(*)::int FROM employee WHERE team_id = $1 AND status <> 'active') AS left`,
        [id],
      );
      if (sub_teams > 0)
        throw refuse(
          HttpStatus.CONFLICT,
          null,
          `${team.name} has ${sub_teams} sub-team${sub_teams === 1 ? '' : 's'}: move or delete them first`,
        );
      if (active > 0)
        throw refuse(
          HttpStatus.CONFLICT,
          null,
          `${team.name} has ${active} member${active === 1 ? '' : 's'}: move them to another team first`,
        );
      if (left > 0) {
        throw refuse(
          HttpStatus.CONFLICT,
          null,
          `${team.name} still holds ${left} ${left === 1 ? 'person who has' : 'people who have'} left: move them to another team first`,
        );
      }
      await manager.delete(TeamEntity, { id });
      await this.audit.record(manager, {
        actorUserId: actor.userId,
        action: 'delete',
        entityType: 'team',
        entityId: id,
        before: snapshot(team),
      });
    });
  }

  private async lockTeam(manager: EntityManager, id: string): Promise<TeamEntity> {
    const team = await manager.findOne(TeamEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!team) throw new ProblemException(HttpStatus.NOT_FOUND, 'Not Found', `Team ${id} does not exist.`);
    return team;
  }

  /** True when `candidate` is `root` or below it. */
  private async isInSubtree(manager: EntityManager, root: string, candidate: string): Promise<boolean> {
    const rows = await manager.query(
      `WITH RECURSIVE below AS (
         SELECT id FROM team WHERE id = $1
         UNION
         SELECT t.id FROM team t JOIN below b ON t.parent_id = b.id
       )
       SELECT 1 FROM below WHERE id = $2`,
      [root, candidate],
    );
    return rows.length > 0;
  }

  private async checkNameFree(manager: EntityManager, name: string, parentId: string | null, self: string | null): Promise<void> {
    const [taken] = await manager.query(
      'SELECT 1 FROM team WHERE parent_id IS NOT DISTINCT FROM $1 AND lower(name) = lower($2) AND id IS DISTINCT FROM $3',
      [parentId, name, self],
    );
    if (taken) throw sameName();
  }

  private async write<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    try {
      return await this.dataSource.transaction(async (manager) => {
        await manager.query("SELECT pg_advisory_xact_lock(hashtext('proficio:team-tree'))");
        return work(manager);
      });
    } catch (error) {
      const driver = error instanceof QueryFailedError ? (error.driverError as { constraint?: string }) : undefined;
      if (driver?.constraint === 'uq_team_sibling_name') throw sameName();
      throw error;
    }
  }
}
