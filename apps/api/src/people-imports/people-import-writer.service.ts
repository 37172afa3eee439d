import { Injectable } from '@nestjs/common';
import type { PeopleImportCommitResult } from '@proficio/shared/contracts';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import type { AuditedTransaction } from '../audit';
import { query, sql, SqlRunner } from '../common/sql';
import { EmployeeSnapshot, employeeSnapshot, employeeSnapshotColumns } from '../employees';
import { TeamSnapshot, teamSnapshot } from '../teams';
import { OrganisationSnapshot, PeopleImportPlan, RowPlan, withDescendants } from './people-import-plan';

/** Reads what the import plan needs of the organisation, in the caller's transaction. */
export async function loadSnapshot(runner: SqlRunner): Promise<OrganisationSnapshot> {
  // One after the other: in a transaction they share one connection.
  const employees = await query<OrganisationSnapshot['employees'][number]>(
    runner,
    sql`SELECT id, email, name, job_title AS "jobTitle", team_id AS "teamId", manager_id AS "managerId", role_profile_id AS "roleProfileId"
        FROM employee`,
  );
  const teams = await query<OrganisationSnapshot['teams'][number]>(runner, sql`SELECT id, parent_id AS "parentId", name FROM team`);
  const roleProfiles = await query<OrganisationSnapshot['roleProfiles'][number]>(
    runner,
    sql`SELECT id, name, archived_at IS NOT NULL AS archived FROM role_profile`,
  );
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
  async write(tx: AuditedTransaction, importId: string, plan: PeopleImportPlan, columns: Set<string>): Promise<PeopleImportCommitResult> {
    const { manager } = tx;
    await manager.query(`SELECT set_config('proficio.bulk_line', 'on', true)`);
    const teamIds = await this.createTeams(tx, plan);

    const rows = plan.rows.filter((row) => row.action === 'create' || row.action === 'update');
    const idOf = new Map<string, string>();
    for (const [email, employee] of plan.employeesByEmail) idOf.set(email, employee.id);
    for (const row of rows) if (row.action === 'create') idOf.set(row.email.toLowerCase(), randomUUID());

    const teamOf = (row: RowPlan) => (row.teamKey ? (teamIds.get(row.teamKey) ?? null) : null);
    const managerOf = (row: RowPlan) => (row.managerEmail ? (idOf.get(row.managerEmail) ?? null) : null);

    const created = rows.filter((row) => row.action === 'create');
    if (created.length) {
      const inserted = await query<EmployeeSnapshot>(
        manager,
        sql`INSERT INTO employee AS e (id, email, name, job_title, team_id, manager_id, role_profile_id)
            SELECT * FROM unnest(${created.map((row) => idOf.get(row.email.toLowerCase()))}::uuid[], ${created.map((row) => row.email)}::text[],
              ${created.map((row) => row.name)}::text[], ${created.map((row) => row.jobTitle ?? null)}::text[], ${created.map(teamOf)}::uuid[],
              ${created.map(managerOf)}::uuid[], ${created.map((row) => row.roleProfileId ?? null)}::uuid[])
            RETURNING ${employeeSnapshotColumns('e')}`,
      );
      tx.auditMany(
        inserted.map((employee) => ({
          action: 'create',
          entityType: 'employee',
          entityId: employee.id,
          after: employeeSnapshot(employee),
        })),
      );
    }

    const updated = rows.filter((row) => row.action === 'update');
    if (updated.length) {
      const sets = ['name = u.name', 'updated_at = now()'];
      if (columns.has('job title')) sets.push('job_title = u.job_title');
      if (columns.has('team path')) sets.push('team_id = u.team_id');
      if (columns.has('manager email')) sets.push('manager_id = u.manager_id');
      if (columns.has('role profile')) sets.push('role_profile_id = u.role_profile_id');
      const ids = updated.map((row) => row.existingId);
      const before = new Map(
        (
          await query<EmployeeSnapshot>(
            manager,
            sql`SELECT ${employeeSnapshotColumns('e')} FROM employee e WHERE e.id = ANY(${ids}::uuid[])`,
          )
        ).map((employee) => [employee.id, employee]),
      );
      // In a WITH, so that the statement answers rows (TypeORM answers a bare UPDATE with [rows, count]).
      const after = await query<EmployeeSnapshot>(
        manager,
        sql`WITH changed AS (
              UPDATE employee e SET ${sql.raw(sets.join(', '))}
              FROM unnest(${ids}::uuid[], ${updated.map((row) => row.name)}::text[], ${updated.map((row) => row.jobTitle ?? null)}::text[],
                ${updated.map(teamOf)}::uuid[], ${updated.map(managerOf)}::uuid[], ${updated.map((row) => row.roleProfileId ?? null)}::uuid[])
                AS u(id, name, job_title, team_id, manager_id, role_profile_id)
              WHERE e.id = u.id
              RETURNING ${employeeSnapshotColumns('e')}
            )
            SELECT * FROM changed`,
      );
      tx.auditMany(
        after.map((employee) => ({
          action: 'update',
          entityType: 'employee',
          entityId: employee.id,
          before: employeeSnapshot(before.get(employee.id) as EmployeeSnapshot),
          after: employeeSnapshot(employee),
        })),
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
    tx.audit({
      action: 'import',
      entityType: 'people_import',
      entityId: importId,
      after: result,
    });
    await manager.query(`SELECT set_config('proficio.bulk_line', 'off', true)`);
    return result;
  }

  /** Creates the missing teams, parents first; answers the id of every team path the plan names. */
  private async createTeams(tx: AuditedTransaction, plan: PeopleImportPlan): Promise<Map<string, string>> {
    const teamIds = new Map(plan.teamIds);
    if (!plan.teamsToCreate.length) return teamIds;
    for (const team of plan.teamsToCreate) teamIds.set(team.key, randomUUID());
    const created = await query<TeamSnapshot>(
      tx.manager,
      sql`INSERT INTO team (id, parent_id, name)
          SELECT * FROM unnest(${plan.teamsToCreate.map((team) => teamIds.get(team.key))}::uuid[],
            ${plan.teamsToCreate.map((team) => (team.parentKey ? teamIds.get(team.parentKey) : null))}::uuid[],
            ${plan.teamsToCreate.map((team) => team.name)}::text[])
          RETURNING id, name, parent_id AS "parentId"`,
    );
    tx.auditMany(created.map((team) => ({ action: 'create', entityType: 'team', entityId: team.id, after: teamSnapshot(team) })));
    return teamIds;
  }

  /** Recomputes the closure rows of these people from the manager_id chain (one SQL definition, migration RebuildReportingLine). */
  private async rebuildLines(manager: EntityManager, ids: string[]): Promise<void> {
    await manager.query(`SELECT rebuild_employee_line($1::uuid[])`, [ids]);
  }
}
