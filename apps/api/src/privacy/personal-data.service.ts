import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  NamedRef,
  PERSONAL_DATA_SCHEMA_VERSION,
  PersonalDataAccount,
  PersonalDataAuditEvent,
  PersonalDataEmployee,
  PersonalDataExport,
} from '@proficio/shared/contracts';
import { DataSource } from 'typeorm';
import { AccessService, Actor } from '../access';
import { ANONYMISED_SUBJECT_JOIN, redacted } from './anonymised-audit';

type Row = Record<string, unknown>;

/** One file's worth of personal data, and the name to save it under. */
export interface PersonalDataFile {
  data: PersonalDataExport;
  filename: string;
}

const iso = (value: unknown): string | undefined => (value instanceof Date ? value.toISOString() : undefined);
const ref = (id: unknown, name: unknown): NamedRef | undefined => (id ? { id: id as string, name: name as string } : undefined);
const compact = <T extends object>(value: T): T =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== null)) as T;

/** `proficio-ada-lovelace-2026-03-01.json`: letters and digits of the name only. */
export function exportFilename(name: string, date: Date): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `proficio-${slug || 'person'}-${date.toISOString().slice(0, 10)}.json`;
}

/**
 * Collects everything Proficio holds about one person (a subject access
 * request): their account, employee record and the audit events about them
 * and by them. Password and token hashes are never read. Later kinds of data
 * (assessments, evidence) add a section here.
 */
@Injectable()
export class PersonalDataService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
  ) {}

  /** The signed-in person's own data. */
  async exportOwn(actor: Actor): Promise<PersonalDataFile> {
    return this.collect(actor.userId, actor.employeeId);
  }

  /** An employee's data, for an administrator or the person themselves (not their managers). */
  async exportEmployee(actor: Actor, employeeId: string): Promise<PersonalDataFile> {
    const [exists] = await this.dataSource.query('SELECT 1 FROM employee WHERE id = $1', [employeeId]);
    if (!exists) throw new NotFoundException(`Employee ${employeeId} does not exist.`);
    const access = await this.access.accessTo(actor, employeeId);
    if (access !== 'admin' && access !== 'self') {
      throw new ForbiddenException('Only an administrator, or the person themselves, may export everything held about a person.');
    }
    const [user] = await this.dataSource.query('SELECT id FROM app_user WHERE employee_id = $1', [employeeId]);
    return this.collect((user?.id as string | undefined) ?? null, employeeId);
  }

  private async collect(userId: string | null, employeeId: string | null): Promise<PersonalDataFile> {
    const account = userId ? await this.account(userId) : null;
    const employee = employeeId ? await this.employee(employeeId) : null;
    const exportedAt = new Date();
    const data: PersonalDataExport = {
      schemaVersion: PERSONAL_DATA_SCHEMA_VERSION,
      exportedAt: exportedAt.toISOString(),
      subject: compact({ userId: userId ?? undefined, employeeId: employeeId ?? undefined }),
      sections: {
        account,
        employee,
        auditEvents: { about: await this.eventsAbout(userId, employeeId), by: userId ? await this.eventsBy(userId) : [] },
      },
    };
    return { data, filename: exportFilename(employee?.name ?? account?.email.split('@')[0] ?? 'person', exportedAt) };
  }

  private async account(userId: string): Promise<PersonalDataAccount | null> {
    // columns listed one by one: never password_hash
    const [row]: Row[] = await this.dataSource.query(
      'SELECT id, email, is_admin, employee_id, created_at, password_changed_at, disabled_at FROM app_user WHERE id = $1',
      [userId],
    );
    if (!row) return null;
    return compact({
      id: row['id'] as string,
      email: row['email'] as string,
      roles: await this.access.rolesOf({ isAdmin: row['is_admin'] as boolean, employeeId: row['employee_id'] as string | null }),
      createdAt: iso(row['created_at']) ?? '',
      passwordChangedAt: iso(row['password_changed_at']),
      disabledAt: iso(row['disabled_at']),
    });
  }

  private async employee(employeeId: string): Promise<PersonalDataEmployee | null> {
    const [row]: Row[] = await this.dataSource.query(
      `SELECT e.id, e.name, e.email, e.job_title, e.status, e.start_date::text AS start_date, e.created_at, e.updated_at, e.anonymised_at,
              e.team_id, t.name AS team_name, e.manager_id, m.name AS manager_name,
              e.role_profile_id, rp.name AS role_profile_name, e.target_role_profile_id, trp.name AS target_role_profile_name
       FROM employee e
       LEFT JOIN team t ON t.id = e.team_id
       LEFT JOIN employee m ON m.id = e.manager_id
       LEFT JOIN role_profile rp ON rp.id = e.role_profile_id
       LEFT JOIN role_profile trp ON trp.id = e.target_role_profile_id
       WHERE e.id = $1`,
      [employeeId],
    );
    if (!row) return null;
    const directReports: NamedRef[] = await this.dataSource.query(
      'SELECT id, name FROM employee WHERE manager_id = $1 ORDER BY lower(name), id',
      [employeeId],
    );
    return compact({
      id: row['id'] as string,
      name: row['name'] as string,
      email: row['email'] as string,
      jobTitle: (row['job_title'] as string | null) ?? undefined,
      status: row['status'] as PersonalDataEmployee['status'],
      startDate: (row['start_date'] as string | null) ?? undefined,
      team: ref(row['team_id'], row['team_name']),
      manager: ref(row['manager_id'], row['manager_name']),
      directReports,
      roleProfile: ref(row['role_profile_id'], row['role_profile_name']),
      targetRoleProfile: ref(row['target_role_profile_id'], row['target_role_profile_name']),
      createdAt: iso(row['created_at']) ?? '',
      updatedAt: iso(row['updated_at']) ?? '',
      anonymisedAt: iso(row['anonymised_at']),
    });
  }

  /** Changes to the person's employee record and account, in full (withheld once the person is anonymised). */
  private async eventsAbout(userId: string | null, employeeId: string | null): Promise<PersonalDataAuditEvent[]> {
    const rows: Row[] = await this.dataSource.query(
      `SELECT a.occurred_at, a.action, a.entity_type, a.entity_id, a.actor_user_id, ${redacted('before')} AS before, ${redacted('after')} AS after
       FROM audit_event a ${ANONYMISED_SUBJECT_JOIN}
       WHERE (a.entity_type = 'employee' AND a.entity_id = $1) OR (a.entity_type IN ('user', 'app_user') AND a.entity_id = $2)
       ORDER BY a.occurred_at, a.id`,
      [employeeId ?? '', userId ?? ''],
    );
    return rows.map((row) => this.event(row, true));
  }

  /** What the person did: when, which action on which record; not the records' contents, which are other people's data. */
  private async eventsBy(userId: string): Promise<PersonalDataAuditEvent[]> {
    const rows: Row[] = await this.dataSource.query(
      `SELECT a.occurred_at, a.action, a.entity_type, a.entity_id, a.actor_user_id FROM audit_event a WHERE a.actor_user_id = $1 ORDER BY a.occurred_at, a.id`,
      [userId],
    );
    return rows.map((row) => this.event(row, false));
  }

  private event(row: Row, withContents: boolean): PersonalDataAuditEvent {
    return compact({
      occurredAt: iso(row['occurred_at']) ?? '',
      action: row['action'] as string,
      entityType: row['entity_type'] as string,
      entityId: (row['entity_id'] as string | null) ?? undefined,
      actorUserId: (row['actor_user_id'] as string | null) ?? undefined,
      ...(withContents ? { before: row['before'] ?? undefined, after: row['after'] ?? undefined } : {}),
    });
  }
}
