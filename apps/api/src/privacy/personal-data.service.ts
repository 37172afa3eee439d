import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  NamedRef,
  PERSONAL_DATA_SCHEMA_VERSION,
  WITHHELD_TEXT,
  PersonalDataAccount,
  PersonalDataAssessment,
  PersonalDataAuditEvent,
  PersonalDataEmployee,
  PersonalDataEvidence,
  PersonalDataExport,
  PersonalDataReview,
} from '@proficio/shared/contracts';
import { DataSource } from 'typeorm';
import { AccessService, Actor, rolesOf } from '../access';
import { directReports, employeeRecord } from '../employees';
import {
  accountOfEmployee,
  assessmentsAbout,
  assessmentsBy,
  evidenceAbout,
  reviewRatingsBy,
  reviewsAbout,
  verdictsBy,
  auditEventsAbout,
  auditEventsBy,
  personalAccount,
  type PersonalAssessmentRow,
  type PersonalAuditEventRow,
} from './privacy.queries';

/** One file's worth of personal data, and the name to save it under. */
export interface PersonalDataFile {
  data: PersonalDataExport;
  filename: string;
}

const ref = (id: string | null, name: string | null): NamedRef | undefined => (id ? { id, name: name ?? '' } : undefined);
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
 * and by them, and the assessments of them and by them. Password and token
 * hashes are never read. Each kind of data (evidence, reviews) has a section here.
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
    await this.access.require(actor, 'employee.export', employeeId);
    return this.collect(await accountOfEmployee(this.dataSource, employeeId), employeeId);
  }

  private async collect(userId: string | null, employeeId: string | null): Promise<PersonalDataFile> {
    const account = userId ? await this.account(userId) : null;
    const employee = employeeId ? await this.employee(employeeId) : null;
    const exportedAt = new Date();
    const about = await auditEventsAbout(this.dataSource, userId, employeeId);
    const by = userId ? await auditEventsBy(this.dataSource, userId) : [];
    const data: PersonalDataExport = {
      schemaVersion: PERSONAL_DATA_SCHEMA_VERSION,
      exportedAt: exportedAt.toISOString(),
      subject: compact({ userId: userId ?? undefined, employeeId: employeeId ?? undefined }),
      sections: {
        account,
        employee,
        auditEvents: { about: about.map((row) => toEvent(row, true)), by: by.map((row) => toEvent(row, false)) },
        assessments: {
          about: employeeId ? (await assessmentsAbout(this.dataSource, employeeId)).map((row) => toAssessment(row, true)) : [],
          by: userId ? (await assessmentsBy(this.dataSource, userId, employeeId)).map((row) => toAssessment(row, false)) : [],
        },
        evidence: {
          about: employeeId
            ? (await evidenceAbout(this.dataSource, employeeId)).map((row) => withheldIf(!!employee?.anonymisedAt, row.item))
            : [],
          verdictsBy: userId ? await verdictsBy(this.dataSource, userId, employeeId) : [],
        },
        reviews: {
          about: employeeId
            ? (await reviewsAbout(this.dataSource, employeeId)).map((row) => reviewWithheldIf(!!employee?.anonymisedAt, row.item))
            : [],
          ratingsBy: userId ? await reviewRatingsBy(this.dataSource, userId, employeeId) : [],
        },
      },
    };
    return { data, filename: exportFilename(employee?.name ?? account?.email.split('@')[0] ?? 'person', exportedAt) };
  }

  private async account(userId: string): Promise<PersonalDataAccount | null> {
    const row = await personalAccount(this.dataSource, userId);
    if (!row) return null;
    return compact({
      id: row.id,
      email: row.email,
      roles: rolesOf({ isAdmin: row.is_admin, employeeId: row.employee_id, hasReports: row.has_reports }),
      createdAt: row.created_at.toISOString(),
      passwordChangedAt: row.password_changed_at?.toISOString(),
      disabledAt: row.disabled_at?.toISOString(),
    });
  }

  private async employee(employeeId: string): Promise<PersonalDataEmployee | null> {
    const row = await employeeRecord(this.dataSource, employeeId);
    if (!row) return null;
    return compact({
      id: row.id,
      name: row.name,
      email: row.email,
      jobTitle: row.job_title ?? undefined,
      status: row.status,
      startDate: row.start_date ?? undefined,
      team: ref(row.team_id, row.team_name),
      manager: ref(row.manager_id, row.manager_name),
      directReports: await directReports(this.dataSource, employeeId),
      roleProfile: ref(row.role_profile_id, row.role_profile_name),
      targetRoleProfile: ref(row.target_role_profile_id, row.target_role_profile_name),
      createdAt: row.created_at.toISOString(),
      updatedAt: row.updated_at.toISOString(),
      anonymisedAt: row.anonymised_at?.toISOString(),
    });
  }
}

function toEvent(row: PersonalAuditEventRow, withContents: boolean): PersonalDataAuditEvent {
  return compact({
    occurredAt: row.occurred_at.toISOString(),
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id ?? undefined,
    actorUserId: row.actor_user_id ?? undefined,
    ...(withContents ? { before: row.before ?? undefined, after: row.after ?? undefined } : {}),
  });
}

/**
 * An assessment in the export: in full when it is about the person, without the free texts when they
 * wrote it about someone else, and never with the free texts of an anonymised person.
 */
function toAssessment(row: PersonalAssessmentRow, wanted: boolean): PersonalDataAssessment {
  const withTexts = wanted && !row.anonymised;
  return compact({
    id: row.id,
    employeeId: row.employee_id,
    competency: { id: row.competency_id, code: row.competency_code },
    kind: row.kind,
    role: row.role,
    outcome: row.outcome ?? undefined,
    level: row.level ?? undefined,
    assessedOn: row.assessed_on,
    recordedAt: row.recorded_at.toISOString(),
    assessorUserId: row.assessor_user_id,
    rationale: withTexts ? (row.rationale ?? undefined) : undefined,
    confidence: row.confidence ?? undefined,
    replaces: row.replaces_id ?? undefined,
    reason: withTexts ? (row.reason ?? undefined) : undefined,
  });
}

const WITHHELD = WITHHELD_TEXT;

/** Evidence of an anonymised person keeps its facts (dates, claims, verdicts) and withholds its free texts, as every reader sees it. */
function withheldIf(anonymised: boolean, item: PersonalDataEvidence): PersonalDataEvidence {
  if (!anonymised) return item;
  return {
    ...item,
    revisions: item.revisions.map((revision) => ({
      ...revision,
      title: WITHHELD,
      answers: revision.answers.map((answer) => ({ ...answer, answer: WITHHELD })),
      ...(revision.narrative ? { narrative: WITHHELD } : {}),
      links: [],
      files: [],
      ...(revision.verdict ? { verdict: { ...revision.verdict, ...(revision.verdict.comment ? { comment: WITHHELD } : {}) } } : {}),
    })),
    comments: item.comments.map((comment) => ({ ...comment, body: WITHHELD })),
  };
}

/** Reviews of an anonymised person keep their facts (states, levels, dates) and withhold their free texts and snapshots. */
function reviewWithheldIf(anonymised: boolean, item: PersonalDataReview): PersonalDataReview {
  if (!anonymised) return item;
  return {
    ...item,
    ratings: item.ratings.map((rating) => ({ ...rating, ...(rating.rationale ? { rationale: WITHHELD } : {}) })),
    notes: item.notes.map((note) => ({ ...note, text: WITHHELD })),
    events: item.events.map((event) => ({ ...event, ...(event.comment ? { comment: WITHHELD } : {}) })),
    snapshots: item.snapshots.map((snapshot) => ({ ...snapshot, content: WITHHELD })),
  };
}
