import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CreateEmployeeRequest, EmployeeDetail, UpdateEmployeeRequest } from '@proficio/shared/contracts';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { ProblemException } from '../common/filters/problem.exception';
import { Actor } from '../access';
import { EmployeeEntity, TeamEntity } from './employee.entities';
import { EmployeeQueryService } from './employee-query.service';

const invalid = (field: string, message: string, status = HttpStatus.UNPROCESSABLE_ENTITY) =>
  new ProblemException(status, status === HttpStatus.CONFLICT ? 'Conflict' : 'The change cannot be made', `${field} ${message}.`, [
    { field, message },
  ]);

/** Creates and changes employees (admins), each change audited in the same transaction. */
@Injectable()
export class EmployeeWriteService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly query: EmployeeQueryService,
  ) {}

  async create(actor: Actor, request: CreateEmployeeRequest): Promise<EmployeeDetail> {
    const id = randomUUID();
    await this.write(async (manager) => {
      await this.checkReferences(manager, request, null);
      await this.checkEmailFree(manager, request.email, null);
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
      await manager.insert(EmployeeEntity, row);
      await this.audit.record(manager, { actorUserId: actor.userId, action: 'create', entityType: 'employee', entityId: id, after: row });
    });
    return this.query.detail(actor, id);
  }

  async update(actor: Actor, id: string, request: UpdateEmployeeRequest): Promise<EmployeeDetail> {
    await this.write(async (manager) => {
      const before = await manager.findOne(EmployeeEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!before) throw new ProblemException(HttpStatus.NOT_FOUND, 'Not Found', `Employee ${id} does not exist.`);
      await this.checkReferences(manager, request, id);
      if (request.email !== undefined) await this.checkEmailFree(manager, request.email, id);
      const changes = Object.fromEntries(Object.entries(request).filter(([, value]) => value !== undefined)) as Partial<EmployeeEntity>;
      if (Object.keys(changes).length === 0) return;
      await manager.update(EmployeeEntity, { id }, changes);
      const after = await manager.findOneByOrFail(EmployeeEntity, { id });
      await this.audit.record(manager, {
        actorUserId: actor.userId,
        action: 'update',
        entityType: 'employee',
        entityId: id,
        before,
        after,
      });
    });
    return this.query.detail(actor, id);
  }

  private async write(work: (manager: EntityManager) => Promise<void>): Promise<void> {
    try {
      await this.dataSource.transaction(work);
    } catch (error) {
      const driver = error instanceof QueryFailedError ? (error.driverError as { code?: string; constraint?: string }) : undefined;
      if (driver?.constraint === 'ck_employee_reporting_line_cycle' || driver?.constraint === 'ck_employee_not_own_manager') {
        throw invalid('managerId', 'would make the reporting line a cycle: the manager reports to this employee');
      }
      if (driver?.constraint === 'uq_employee_email') throw invalid('email', 'is already used by another employee', HttpStatus.CONFLICT);
      throw error;
    }
  }

  private async checkReferences(
    manager: EntityManager,
    request: UpdateEmployeeRequest | CreateEmployeeRequest,
    self: string | null,
  ): Promise<void> {
    if (request.managerId) {
      if (request.managerId === self) throw invalid('managerId', 'cannot be the employee themselves');
      if (!(await manager.existsBy(EmployeeEntity, { id: request.managerId }))) throw invalid('managerId', 'is not an existing employee');
    }
    if (request.teamId && !(await manager.existsBy(TeamEntity, { id: request.teamId }))) throw invalid('teamId', 'is not an existing team');
    // An archived role profile takes no new holders; one the employee holds already may stay.
    for (const [field, column] of [
      ['roleProfileId', 'role_profile_id'],
      ['targetRoleProfileId', 'target_role_profile_id'],
    ] as const) {
      const profileId = request[field];
      if (!profileId) continue;
      const [profile] = await manager.query(
        `SELECT p.archived_at, EXISTS (SELECT 1 FROM employee e WHERE e.id = $2 AND e.${column} = p.id) AS held FROM role_profile p WHERE p.id = $1`,
        [profileId, self],
      );
      if (!profile) throw invalid(field, 'is not an existing role profile');
      if (profile.archived_at && !profile.held) throw invalid(field, 'is an archived role profile');
    }
  }

  private async checkEmailFree(manager: EntityManager, email: string, self: string | null): Promise<void> {
    const [taken] = await manager.query('SELECT id FROM employee WHERE lower(email) = lower($1) AND id IS DISTINCT FROM $2', [email, self]);
    if (taken) throw invalid('email', 'is already used by another employee', HttpStatus.CONFLICT);
  }
}
