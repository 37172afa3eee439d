import { ForbiddenException, HttpStatus, Injectable } from '@nestjs/common';
import { DEFAULT_STALE_AFTER_MONTHS, type AssessmentView, type FieldError } from '@proficio/shared/contracts';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { AccessService, Actor } from '../access';
import { type AuditedTransaction, AuditedWrites } from '../audit';
import { ProblemException } from '../common/filters/problem.exception';
import { RequestValidationException } from '../common/validation/validation-exception';
import { AssessmentEntity } from './assessment.entities';
import { assessmentSnapshot, languageOf, staleBefore, toAssessmentView } from './assessment.view';
import {
  assessmentsByIds,
  competencyFacts,
  type CompetencyFactsRow,
  currentRecordIds,
  evidenceForAssessments,
  lockAssessmentKeys,
  replacedRecords,
  staleAfterMonths,
} from './assessments.queries';
import type { RecordAssessmentDto } from './dto/assessment.dto';

/** One rating of a locked review, to become an assessment. */
export interface ReviewRecord {
  reviewId: string;
  employeeId: string;
  competencyId: string;
  role: 'manager' | 'self';
  outcome: 'rated' | 'not_assessed' | 'not_applicable';
  level: number | null;
  assessedOn: string;
  assessorUserId: string;
  assessorEmployeeId: string | null;
  rationale: string | null;
  confidence: 'low' | 'medium' | 'high' | null;
  evidence: string[];
}

const today = (): string => new Date().toISOString().slice(0, 10);

/** One record to write, with what was looked up for it. */
interface Planned {
  readonly request: RecordAssessmentDto;
  readonly facts: CompetencyFactsRow;
  /** Where its fields are named in a refusal: '' for a single record, `assessments.3.` in a batch. */
  readonly at: string;
}

const keyOf = (employeeId: string, lineageId: string, role: string) => `${employeeId}/${lineageId}/${role}`;

/**
 * Records assessments, corrections and withdrawals, one or a batch (the team grid) in one
 * transaction: each a new row (the table refuses anything else), audited with it. Writers of one
 * person, competency lineage and role are serialised by advisory locks (taken in a fixed order, so
 * two batches cannot deadlock), so the stale-form check (`basedOn`) and the current level the
 * trigger keeps cannot race.
 */
@Injectable()
export class AssessmentWriteService {
  constructor(
    private readonly writes: AuditedWrites,
    private readonly access: AccessService,
  ) {}

  async record(actor: Actor, request: RecordAssessmentDto, acceptLanguage?: string): Promise<AssessmentView> {
    const [view] = await this.recordAll(actor, [request], '', acceptLanguage);
    return view as AssessmentView;
  }

  /** All or nothing: a refusal names the record, `assessments.<index>.<field>`. */
  recordBatch(actor: Actor, requests: RecordAssessmentDto[], acceptLanguage?: string): Promise<AssessmentView[]> {
    return this.recordAll(actor, requests, 'assessments.', acceptLanguage);
  }

  private async recordAll(actor: Actor, sent: RecordAssessmentDto[], prefix: string, acceptLanguage?: string): Promise<AssessmentView[]> {
    // Ids as the database writes them (lower case), so that keys and locks match the trigger's.
    const lower = (id: string | null | undefined) => (typeof id === 'string' ? id.toLowerCase() : id);
    const requests = sent.map((request): RecordAssessmentDto => ({
      ...request,
      employeeId: request.employeeId.toLowerCase(),
      competencyId: request.competencyId.toLowerCase(),
      ...(request.basedOn !== undefined ? { basedOn: lower(request.basedOn) } : {}),
      ...(request.replaces !== undefined ? { replaces: lower(request.replaces) as string } : {}),
    }));
    await this.checkAccess(actor, requests);

    return this.writes.run(actor, async ({ manager, audit }) => {
      const factRows = await competencyFacts(manager, [...new Set(requests.map((request) => request.competencyId))]);
      const factsById = new Map(factRows.map((row) => [row.id, row]));
      const errors: FieldError[] = [];
      const planned: Planned[] = [];
      const keys = new Map<string, number>();
      requests.forEach((request, index) => {
        const at = prefix ? `${prefix}${index}.` : '';
        const facts = factsById.get(request.competencyId);
        if (!facts) {
          errors.push({ field: `${at}competencyId`, message: 'is not an existing competency' });
          return;
        }
        errors.push(...this.fieldProblems(request, facts, at));
        const key = keyOf(request.employeeId, facts.lineage_id, request.role);
        const first = keys.get(key);
        if (first !== undefined) {
          errors.push({ field: `${at}competencyId`, message: `is already in this batch for the same person and role (record ${first})` });
        } else keys.set(key, index);
        planned.push({ request, facts, at });
      });
      errors.push(...(await this.evidenceProblems(manager, planned)));
      if (errors.length) throw new RequestValidationException(errors);

      await lockAssessmentKeys(
        manager,
        planned.map(({ request, facts }) => ({ employeeId: request.employeeId, lineageId: facts.lineage_id, role: request.role })),
      );
      const staleFrom = staleBefore(await staleAfterMonths(manager, DEFAULT_STALE_AFTER_MONTHS));
      await this.checkNotStale(manager, planned, staleFrom, acceptLanguage);
      const replacedDates = await this.checkReplaced(manager, planned);

      const rows = planned.map(({ request, facts }) => {
        const outcome = request.withdraw ? null : (request.outcome ?? 'rated');
        return {
          id: randomUUID(),
          employeeId: request.employeeId,
          competencyId: request.competencyId,
          lineageId: facts.lineage_id,
          kind: request.withdraw ? ('withdrawal' as const) : request.replaces ? ('correction' as const) : ('assessment' as const),
          role: request.role,
          outcome,
          level: outcome === 'rated' ? (request.level ?? null) : null,
          assessedOn: request.assessedOn ?? (request.replaces ? replacedDates.get(request.replaces) : undefined) ?? today(),
          assessorUserId: actor.userId,
          assessorEmployeeId: actor.employeeId ?? null,
          rationale: request.rationale ?? null,
          confidence: request.confidence ?? null,
          replacesId: request.replaces ?? null,
          reason: request.reason ?? null,
        };
      });
      // One statement per 500 rows; the triggers keep each current level as the rows go in.
      for (let start = 0; start < rows.length; start += 500) await manager.insert(AssessmentEntity, rows.slice(start, start + 500));
      await this.linkEvidence(
        manager,
        rows.map((row, index) => ({ assessmentId: row.id, evidence: planned[index]?.request.evidence ?? [] })),
      );
      const written = new Map(
        (
          await assessmentsByIds(
            manager,
            rows.map((row) => row.id),
          )
        ).map((row) => [row.id, row]),
      );
      const views = rows.map((row, index) => {
        const saved = written.get(row.id);
        if (!saved) throw new Error(`assessment ${row.id} was not written`);
        const facts = planned[index]?.facts as CompetencyFactsRow;
        audit({ action: 'create', entityType: 'assessment', entityId: row.id, after: assessmentSnapshot(saved) });
        return toAssessmentView(saved, facts, languageOf(facts, acceptLanguage), staleFrom);
      });
      return views;
    });
  }

  /**
   * The official record a review becomes when its last sign-off locks it: one assessment per rating,
   * written in the review's transaction (`tx`), audited with it, the current levels kept by the
   * trigger as the rows go in. The review module has checked the levels, rationales and evidence
   * when the drafts were saved; the database checks the levels again.
   */
  async recordFromReview(tx: AuditedTransaction, records: readonly ReviewRecord[]): Promise<string[]> {
    if (!records.length) return [];
    const facts = new Map(
      (await competencyFacts(tx.manager, [...new Set(records.map((record) => record.competencyId))])).map((row) => [row.id, row]),
    );
    const lineageOf = (competencyId: string): string => {
      const found = facts.get(competencyId);
      if (!found) throw new Error(`competency ${competencyId} does not exist`);
      return found.lineage_id;
    };
    await lockAssessmentKeys(
      tx.manager,
      records.map((record) => ({ employeeId: record.employeeId, lineageId: lineageOf(record.competencyId), role: record.role })),
    );
    const rows = records.map((record) => ({
      id: randomUUID(),
      employeeId: record.employeeId,
      competencyId: record.competencyId,
      lineageId: lineageOf(record.competencyId),
      kind: 'assessment' as const,
      role: record.role,
      outcome: record.outcome,
      level: record.outcome === 'rated' ? record.level : null,
      assessedOn: record.assessedOn,
      assessorUserId: record.assessorUserId,
      assessorEmployeeId: record.assessorEmployeeId,
      rationale: record.rationale,
      confidence: record.confidence,
      replacesId: null,
      reason: null,
      reviewId: record.reviewId,
    }));
    for (let start = 0; start < rows.length; start += 500) await tx.manager.insert(AssessmentEntity, rows.slice(start, start + 500));
    await this.linkEvidence(
      tx.manager,
      rows.map((row, index) => ({ assessmentId: row.id, evidence: records[index]?.evidence ?? [] })),
    );
    const written = await assessmentsByIds(
      tx.manager,
      rows.map((row) => row.id),
    );
    tx.auditMany(written.map((row) => ({ action: 'create', entityType: 'assessment', entityId: row.id, after: assessmentSnapshot(row) })));
    return rows.map((row) => row.id);
  }

  /**
   * Evidence a record relies on: only a manager assessment names it, and each piece must be this
   * person's, accepted, and claim this competency (or another version of it). Errors name
   * `evidence.<n>` of the record.
   */
  private async evidenceProblems(manager: EntityManager, planned: Planned[]): Promise<FieldError[]> {
    const named = planned.filter(({ request }) => request.evidence?.length);
    if (!named.length) return [];
    const found = new Map(
      (
        await evidenceForAssessments(manager, [
          ...new Set(named.flatMap(({ request }) => request.evidence ?? []).map((id) => id.toLowerCase())),
        ])
      ).map((row) => [row.id, row]),
    );
    return named.flatMap(({ request, facts, at }) => {
      if (request.role !== 'manager' || request.withdraw) {
        return [{ field: `${at}evidence`, message: 'goes only with a manager assessment (not a self-assessment or a withdrawal)' }];
      }
      return (request.evidence ?? []).flatMap((id, index): FieldError[] => {
        const evidence = found.get(id.toLowerCase());
        const field = `${at}evidence.${index}`;
        if (!evidence || evidence.employee_id !== request.employeeId) return [{ field, message: 'is not evidence of this person' }];
        if (evidence.status !== 'accepted')
          return [{ field, message: `has not been accepted (it is ${evidence.status.replace('_', ' ')})` }];
        if (!evidence.lineage_ids.includes(facts.lineage_id))
          return [{ field, message: `does not claim ${facts.code || 'this competency'}` }];
        return [];
      });
    });
  }

  /** Writes which accepted revision each record relied on (append-only, with the record). */
  private async linkEvidence(manager: EntityManager, links: { assessmentId: string; evidence: string[] }[]): Promise<void> {
    const pairs = links.flatMap(({ assessmentId, evidence }) =>
      [...new Set(evidence.map((id) => id.toLowerCase()))].map((id) => [assessmentId, id]),
    );
    if (!pairs.length) return;
    await manager.query(
      `INSERT INTO assessment_evidence (assessment_id, evidence_id, revision)
       SELECT link.assessment_id, link.evidence_id, ev.submitted_revision
       FROM unnest($1::uuid[], $2::uuid[]) AS link(assessment_id, evidence_id) JOIN evidence ev ON ev.id = link.evidence_id`,
      [pairs.map(([assessment]) => assessment), pairs.map(([, evidence]) => evidence)],
    );
  }

  /** 404 for a person out of reach; 403 when the caller may see them but not record this role for them. */
  private async checkAccess(actor: Actor, requests: RecordAssessmentDto[]): Promise<void> {
    const relations = await this.access.requireAll(
      actor,
      'assessment.record',
      requests.map((request) => request.employeeId),
    );
    for (const request of requests) {
      if (request.role === 'self' && actor.employeeId !== request.employeeId) {
        throw new ForbiddenException('Only the person themselves may record a self-assessment.');
      }
      const relation = relations.get(request.employeeId);
      if (request.role === 'manager' && relation !== 'manager' && relation !== 'admin') {
        throw new ForbiddenException('Only a manager of the person, or an administrator, may record a manager assessment.');
      }
    }
  }

  /** The field rules that need the competency: levels, rationale, the shape of a correction or withdrawal. */
  private fieldProblems(request: RecordAssessmentDto, facts: CompetencyFactsRow, at: string): FieldError[] {
    const errors: FieldError[] = [];
    const problem = (field: string, message: string) => errors.push({ field: `${at}${field}`, message });
    const outcome = request.outcome ?? 'rated';
    if (request.withdraw) {
      if (!request.replaces) problem('replaces', 'is required to withdraw: the record to take back');
      if (request.outcome !== undefined) problem('outcome', 'must be left out of a withdrawal');
      if (request.level !== undefined) problem('level', 'must be left out of a withdrawal');
    } else if (outcome === 'rated') {
      if (request.level === undefined) problem('level', 'is required to rate');
      else if (!facts.levels.some((level) => level.level === request.level)) {
        problem('level', `is not a level of ${facts.code}: choose one of ${facts.levels.map((level) => level.level).join(', ')}`);
      }
    } else if (request.level !== undefined) {
      problem('level', `must be left out when the outcome is ${outcome}`);
    }
    if (request.role === 'manager' && !request.withdraw && !request.rationale) problem('rationale', 'is required from a manager: say why');
    if (request.replaces && !request.reason) problem('reason', 'is required to correct or withdraw a record');
    if (!request.replaces && request.reason) problem('reason', 'goes only with replaces');
    if (request.assessedOn && request.assessedOn > today()) problem('assessedOn', 'must not be in the future');
    return errors;
  }

  /**
   * 409, writing nothing, when the record in force is not the one a form was based on (someone saved
   * since it was opened); the body's `newer` is the first such record in force.
   */
  private async checkNotStale(manager: EntityManager, planned: Planned[], staleFrom: string, acceptLanguage?: string): Promise<void> {
    const checked = planned.filter(({ request }) => request.basedOn !== undefined);
    if (checked.length === 0) return;
    const latest = await currentRecordIds(
      manager,
      checked.map(({ request, facts }) => ({ employeeId: request.employeeId, lineageId: facts.lineage_id, role: request.role })),
    );
    const stale = checked.filter(({ request, facts }) => {
      const newest = latest.get(keyOf(request.employeeId, facts.lineage_id, request.role));
      return (newest ?? null) !== (request.basedOn ?? null);
    });
    if (stale.length === 0) return;
    const first = stale[0] as Planned;
    const newerId = latest.get(keyOf(first.request.employeeId, first.facts.lineage_id, first.request.role));
    const [newer] = newerId ? await assessmentsByIds(manager, [newerId]) : [];
    throw new ProblemException(
      HttpStatus.CONFLICT,
      'A newer assessment exists',
      'Someone saved an assessment since the form was opened: look at it, then save again based on it.',
      stale.map(({ at }) => ({ field: `${at}basedOn`, message: 'is not the latest assessment' })),
      {
        type: 'urn:proficio:problem:stale-assessment',
        ...(newer ? { newer: toAssessmentView(newer, first.facts, languageOf(first.facts, acceptLanguage), staleFrom) } : {}),
      },
    );
  }

  /** Checks the records corrections and withdrawals replace, and answers their dates (a correction keeps it by default). */
  private async checkReplaced(manager: EntityManager, planned: Planned[]): Promise<Map<string, string>> {
    const replacing = planned.filter(({ request }) => request.replaces);
    if (replacing.length === 0) return new Map();
    const replaced = new Map(
      (
        await replacedRecords(
          manager,
          replacing.map(({ request }) => request.replaces as string),
        )
      ).map((row) => [row.id, row]),
    );
    const unprocessable: FieldError[] = [];
    const conflicts: FieldError[] = [];
    for (const { request, facts, at } of replacing) {
      const row = replaced.get(request.replaces as string);
      if (!row || row.employee_id !== request.employeeId || row.lineage_id !== facts.lineage_id || row.role !== request.role) {
        unprocessable.push({ field: `${at}replaces`, message: 'is not a record of this person, competency and role' });
      } else if (row.kind === 'withdrawal') {
        conflicts.push({
          field: `${at}replaces`,
          message: 'is a withdrawal, which cannot be corrected or withdrawn: record a new assessment',
        });
      } else if (row.replaced) {
        conflicts.push({
          field: `${at}replaces`,
          message: 'has already been corrected or withdrawn: change the latest record of its chain',
        });
      }
    }
    if (unprocessable.length) {
      throw new ProblemException(
        HttpStatus.UNPROCESSABLE_ENTITY,
        'The change cannot be made',
        'A record to replace does not fit.',
        unprocessable,
      );
    }
    if (conflicts.length)
      throw new ProblemException(HttpStatus.CONFLICT, 'Conflict', 'A record to replace was replaced already.', conflicts);
    return new Map([...replaced.values()].map((row) => [row.id, row.assessed_on]));
  }
}
