import { HttpStatus, Injectable } from '@nestjs/common';
import type { CreateEmployeeRequest, EmployeeDetail, UpdateEmployeeRequest } from '@proficio/shared/contracts';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { AuditedWrites } from '../audit';
import { lockedOrNotFound } from '../common/locked-row';
import { fieldProblem } from '../common/problems';
import { queryOne, sql } from '../common/sql';
import { Actor } from '../access';
import { EmployeeEntity, TeamEntity } from './employee.entities';
import { employeeSnapshot } from './employee.snapshot';
import { EmployeeQueryService } from './employee-query.service';

/** Creates and changes employees (admins), each change audited in the same transaction. */
@Injectable()
export class EmployeeWriteService {
  constructor(
    private readonly writes: AuditedWrites,
    private readonly query: EmployeeQueryService,
  ) {}

  async create(actor: Actor, request: CreateEmployeeRequest): Promise<EmployeeDetail> {
    const id = randomUUID();
    await this.writes.run(actor, async (tx) => {
      await this.checkReferences(tx.manager, request, null);
      await this.checkEmailFree(tx.manager, request.email, null);
      const row = {
        id,
        name: request.name,
        email: request.email,
        jobTitle: request.jobTitle ?? null,
        teamId: request.teamId ?? null,
        managerId: request.managerId ?? null,
        startDate: request.startDate ?? null,
        roleProfileId: request.roleProfileId ?? null,
        targetRoleProfileId: request.targetRoleProfileId ?? null,
        status: 'active' as const,
      };
      await tx.manager.insert(EmployeeEntity, row);
      tx.audit({ action: 'create', entityType: 'employee', entityId: id, after: employeeSnapshot(row) });
    });
    return this.query.detail(actor, id);
  }

  async update(actor: Actor, id: string, request: UpdateEmployeeRequest): Promise<EmployeeDetail> {
    await this.writes.run(actor, async (tx) => {
      const before = await lockedOrNotFound(tx.manager, EmployeeEntity, id, 'Employee');
      await this.checkReferences(tx.manager, request, id);
      if (request.email !== undefined) await this.checkEmailFree(tx.manager, request.email, id);
      const changes = Object.fromEntries(Object.entries(request).filter(([, value]) => value !== undefined)) as Partial<EmployeeEntity>;
      if (Object.keys(changes).length === 0) return;
      await tx.manager.update(EmployeeEntity, { id }, changes);
      const after = await tx.manager.findOneByOrFail(EmployeeEntity, { id });
      tx.audit({
        action: 'update',
        entityType: 'employee',
        entityId: id,
        before: employeeSnapshot(before),
        after: employeeSnapshot(after),
      });
    });
    return this.query.detail(actor, id);
  }

  private async checkReferences(
    manager: EntityManager,
    request: UpdateEmployeeRequest | CreateEmployeeRequest,
    self: string | null,
  ): Promise<void> {
    if (request.managerId) {
      if (request.managerId === self) throw fieldProblem('managerId', 'cannot be the employee themselves');
      if (!(await manager.existsBy(EmployeeEntity, { id: request.managerId })))
        throw fieldProblem('managerId', 'is not an existing employee');
    }
    if (request.teamId && !(await manager.existsBy(TeamEntity, { id: request.teamId })))
      throw fieldProblem('teamId', 'is not an existing team');
    // An archived role profile takes no new holders; one the employee holds already may stay.
    for (const [field, column] of [
      ['roleProfileId', 'role_profile_id'],
      ['targetRoleProfileId', 'target_role_profile_id'],
    ] as const) {
      const profileId = request[field];
      if (!profileId) continue;
      const profile = await queryOne<{ archived: boolean; held: boolean }>(
        manager,
        sql`SELECT p.archived_at IS NOT NULL AS archived,
                   EXISTS (SELECT 1 FROM employee e WHERE e.id = ${self} AND e.${sql.raw(column)} = p.id) AS held
            FROM role_profile p WHERE p.id = ${profileId}`,
      );
      if (!profile) throw fieldProblem(field, 'is not an existing role profile');
      if (profile.archived && !profile.held) throw fieldProblem(field, 'is an archived role profile');
    }
  }

  private async checkEmailFree(manager: EntityManager, email: string, self: string | null): Promise<void> {
    const taken = await queryOne<{ id: string }>(
      manager,
      sql`SELECT id FROM employee WHERE lower(email) = lower(${email}) AND id IS DISTINCT FROM ${self}`,
    );
    if (taken) throw fieldProblem('email', 'is already used by another employee', HttpStatus.CONFLICT);
  }
}
