import { Injectable } from '@nestjs/common';
import type { PeopleImportCommitResult } from '@proficio/shared/contracts';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../access';
import { OrganisationSnapshot, PeopleImportPlan, RowPlan, withDescendants } from './people-import-plan';

/** The employee fields the audit log records for an imported person (the shape employee writes use). */
const AUDITED = (alias: string) =>
  `jsonb_build_object('id', ${alias}.id, 'email', ${alias}.email, 'name', ${alias}.name, 'jobTitle', ${alias}.job_title, 'teamId', ${alias}.team_id,
     'managerId', ${alias}.manager_id, 'roleProfileId', ${alias}.role_profile_id, 'status', ${alias}.status)`;

/** Reads what the import plan needs of the organisation, in the caller's transaction. */
export async function loadSnapshot(manager: EntityManager): Promise<OrganisationSnapshot> {
  // One after the other: in a transaction they share one connection.
  const employees = await manager.query(
    `SELECT id, email, name, job_title AS "jobTitle", team_id AS "teamId", manager_id AS "managerId", role_profile_id AS "roleProfileId" FROM employee`,
  );
  const teams = await manager.query(`SELECT id, parent_id AS "parentId", name FROM team`);
  const roleProfiles = await manager.query(`SELECT id, name, archived_at IS NOT NULL AS archived FROM role_profile`);
  return { employees, teams, roleProfiles };
}

/**
 * Writes a checked import plan set-based, in the caller's transaction: the new
 * teams, the new and changed people (one statement each, audited in the same
 * statement, one audit event per person and per team), then the reporting-line
 * closure of everyone whose line changed, rebuilt in one recursive statement
 * (the per-row triggers are switched off for this transaction).
 */
@Injectable()
export class PeopleImportWriterService {
  constructor(private readonly audit: AuditService) {}

  async write(
    manager: EntityManager,
    actor: Actor,
    importId: string,
    plan: PeopleImportPlan,
    columns: Set<string>,
  ): Promise<PeopleImportCommitResult> {
    await manager.query(`SELECT set_config('proficio.bulk_line', 'on', true)`);
    const teamIds = await this.createTeams(manager, actor, plan);

    const rows = plan.rows.filter((row) => row.action === 'create' || row.action === 'update');
    const idOf = new Map<string, string>();
    for (const [email, employee] of plan.employeesByEmail) idOf.set(email, employee.id);
    for (const row of rows) if (row.action === 'create') idOf.set(row.email.toLowerCase(), randomUUID());

    const teamOf = (row: RowPlan) => (row.teamKey ? (teamIds.get(row.teamKey) ?? null) : null);
    const managerOf = (row: RowPlan) => (row.managerEmail ? (idOf.get(row.managerEmail) ?? null) : null);

    const created = rows.filter((row) => row.action === 'create');
    if (created.length) {
      await manager.query(
        `WITH created AS (
           INSERT INTO employee (id, email, name, job_title, team_id, manager_id, role_profile_id)
           SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::uuid[], $6::uuid[], $7::uuid[])
           RETURNING *
         )
         INSERT INTO audit_event (actor_user_id, action, entity_type, entity_id, after)
         SELECT $8, 'create', 'employee', c.id::text, ${AUDITED('c')} FROM created c`,
        [
          created.map((row) => idOf.get(row.email.toLowerCase())),
          created.map((row) => row.email),
          created.map((row) => row.name),
          created.map((row) => row.jobTitle ?? null),
          created.map(teamOf),
          created.map(managerOf),
          created.map((row) => row.roleProfileId ?? null),
          actor.userId,
        ],
      );
    }

    const updated = rows.filter((row) => row.action === 'update');
    if (updated.length) {
      const sets = ['name = u.name', 'updated_at = now()'];
      if (columns.has('job title')) sets.push('job_title = u.job_title');
      if (columns.has('team path')) sets.push('team_id = u.team_id');
      if (columns.has('manager email')) sets.push('manager_id = u.manager_id');
      if (columns.has('role profile')) sets.push('role_profile_id = u.role_profile_id');
      await manager.query(
        `WITH changed AS (
           UPDATE employee e SET ${sets.join(', ')}
           FROM unnest($1::uuid[], $2::text[], $3::text[], $4::uuid[], $5::uuid[], $6::uuid[]) AS u(id, name, job_title, team_id, manager_id, role_profile_id)
           JOIN employee old ON old.id = u.id
           WHERE e.id = u.id
           RETURNING e.id, ${AUDITED('old')} AS before, ${AUDITED('e')} AS after
         )
         INSERT INTO audit_event (actor_user_id, action, entity_type, entity_id, before, after)
         SELECT $7, 'update', 'employee', id::text, before, after FROM changed`,
        [
          updated.map((row) => row.existingId),
          updated.map((row) => row.name),
          updated.map((row) => row.jobTitle ?? null),
          updated.map(teamOf),
          updated.map(managerOf),
          updated.map((row) => row.roleProfileId ?? null),
          actor.userId,
        ],
      );
    }

    // Whose reporting line changed: the new people, those with a new manager, and everyone below them.
    const moved = rows.filter((row) => {
      if (row.action === 'create') return true;
      if (row.managerEmail === undefined) return false;
      const before = plan.employeesByEmail.get(row.email.toLowerCase());
      return (before?.managerId ?? null) !== managerOf(row);
    });
    const affected = [
      ...withDescendants(
        moved.map((row) => row.email.toLowerCase()),
        plan.finalManagers,
      ),
    ].map((email) => idOf.get(email));
    if (affected.length) await this.rebuildLines(manager, affected as string[]);

    const result: PeopleImportCommitResult = {
      importId,
      created: created.length,
      updated: updated.length,
      unchanged: plan.counts.unchanged,
      teamsCreated: plan.teamsToCreate.length,
    };
    await this.audit.record(manager, {
      actorUserId: actor.userId,
      action: 'import',
      entityType: 'people_import',
      entityId: importId,
      after: result,
    });
    await manager.query(`SELECT set_config('proficio.bulk_line', 'off', true)`);
    return result;
  }

  /** Creates the missing teams, parents first; answers the id of every team path the plan names. */
  private async createTeams(manager: EntityManager, actor: Actor, plan: PeopleImportPlan): Promise<Map<string, string>> {
    const teamIds = new Map(plan.teamIds);
    if (!plan.teamsToCreate.length) return teamIds;
    for (const team of plan.teamsToCreate) teamIds.set(team.key, randomUUID());
    await manager.query(
      `WITH created AS (
         INSERT INTO team (id, parent_id, name) SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[]) RETURNING *
       )
       INSERT INTO audit_event (actor_user_id, action, entity_type, entity_id, after)
       SELECT $4, 'create', 'team', c.id::text, jsonb_build_object('id', c.id, 'name', c.name, 'parentId', c.parent_id) FROM created c`,
      [
        plan.teamsToCreate.map((team) => teamIds.get(team.key)),
        plan.teamsToCreate.map((team) => (team.parentKey ? teamIds.get(team.parentKey) : null)),
        plan.teamsToCreate.map((team) => team.name),
        actor.userId,
      ],
    );
    return teamIds;
  }

  /** Recomputes the closure rows of these people from the manager_id chain (one SQL definition, migration RebuildReportingLine). */
  private async rebuildLines(manager: EntityManager, ids: string[]): Promise<void> {
    await manager.query(`SELECT rebuild_employee_line($1::uuid[])`, [ids]);
  }
}
