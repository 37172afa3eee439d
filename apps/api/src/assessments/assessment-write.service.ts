import { ForbiddenException, HttpStatus, Injectable } from '@nestjs/common';
import { DEFAULT_STALE_AFTER_MONTHS, type AssessmentView, type FieldError } from '@proficio/shared/contracts';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { AccessService, Actor } from '../access';
import { AuditedWrites } from '../audit';
import { ProblemException } from '../common/filters/problem.exception';
import { conflict } from '../common/problems';
import { RequestValidationException } from '../common/validation/validation-exception';
import { AssessmentEntity } from './assessment.entities';
import { assessmentSnapshot, languageOf, staleBefore, toAssessmentView } from './assessment.view';
import {
  assessmentById,
  competencyFacts,
  type CompetencyFactsRow,
  latestRecordId,
  lockAssessmentKey,
  replacedRecord,
  staleAfterMonths,
} from './assessments.queries';
import type { RecordAssessmentDto } from './dto/assessment.dto';

const today = (): string => new Date().toISOString().slice(0, 10);

/**
 * Records assessments, corrections and withdrawals: each a new row (the table refuses anything
 * else), audited in the same transaction. Writers of one person, competency lineage and role are
 * serialised by an advisory lock, so the stale-form check (`basedOn`) and the current level the
 * trigger keeps cannot race.
 */
@Injectable()
export class AssessmentWriteService {
  constructor(
    private readonly writes: AuditedWrites,
    private readonly access: AccessService,
  ) {}

  async record(actor: Actor, request: RecordAssessmentDto, acceptLanguage?: string): Promise<AssessmentView> {
    const relation = await this.access.require(actor, 'assessment.record', request.employeeId);
    if (request.role === 'self' && actor.employeeId !== request.employeeId) {
      throw new ForbiddenException('Only the person themselves may record a self-assessment.');
    }
    if (request.role === 'manager' && relation !== 'manager' && relation !== 'admin') {
      throw new ForbiddenException('Only a manager of the person, or an administrator, may record a manager assessment.');
    }

    return this.writes.run(actor, async ({ manager, audit }) => {
      const [facts] = await competencyFacts(manager, [request.competencyId]);
      if (!facts) throw new RequestValidationException([{ field: 'competencyId', message: 'is not an existing competency' }]);
      this.validate(request, facts);

      await lockAssessmentKey(manager, request.employeeId, facts.lineage_id, request.role);
      const months = await staleAfterMonths(manager, DEFAULT_STALE_AFTER_MONTHS);
      const staleFrom = staleBefore(months);
      const language = languageOf(facts, acceptLanguage);

      if (request.basedOn !== undefined) {
        const latest = await latestRecordId(manager, request.employeeId, facts.lineage_id, request.role);
        if (latest !== (request.basedOn ?? null) && latest !== null) {
          const newer = await assessmentById(manager, latest);
          throw new ProblemException(
            HttpStatus.CONFLICT,
            'A newer assessment exists',
            'Someone saved an assessment of this competency since the form was opened: look at it, then save again based on it.',
            [{ field: 'basedOn', message: 'is not the latest assessment' }],
            'urn:proficio:problem:stale-assessment',
            {},
            [],
            newer ? { newer: toAssessmentView(newer, facts, language, staleFrom) } : {},
          );
        }
      }

      const assessedOn = request.assessedOn ?? (await this.replacedDate(manager, request, facts)) ?? today();
      const id = randomUUID();
      const kind = request.withdraw ? 'withdrawal' : request.replaces ? 'correction' : 'assessment';
      const outcome = request.withdraw ? null : (request.outcome ?? 'rated');
      await manager.insert(AssessmentEntity, {
        id,
        employeeId: request.employeeId,
        competencyId: request.competencyId,
        lineageId: facts.lineage_id,
        kind,
        role: request.role,
        outcome,
        level: outcome === 'rated' ? (request.level ?? null) : null,
        assessedOn,
        assessorUserId: actor.userId,
        assessorEmployeeId: actor.employeeId ?? null,
        rationale: request.rationale ?? null,
        confidence: request.confidence ?? null,
        replacesId: request.replaces ?? null,
        reason: request.reason ?? null,
      });
      const row = await assessmentById(manager, id);
      if (!row) throw new Error(`assessment ${id} was not written`);
      audit({ action: 'create', entityType: 'assessment', entityId: id, after: assessmentSnapshot(row) });
      return toAssessmentView(row, facts, language, staleFrom);
    });
  }

  /** The field rules that need the competency: levels, rationale, the shape of a correction or withdrawal. */
  private validate(request: RecordAssessmentDto, facts: CompetencyFactsRow): void {
    const errors: FieldError[] = [];
    const outcome = request.outcome ?? 'rated';
    if (request.withdraw) {
      if (!request.replaces) errors.push({ field: 'replaces', message: 'is required to withdraw: the record to take back' });
      if (request.outcome !== undefined) errors.push({ field: 'outcome', message: 'must be left out of a withdrawal' });
      if (request.level !== undefined) errors.push({ field: 'level', message: 'must be left out of a withdrawal' });
    } else if (outcome === 'rated') {
      if (request.level === undefined) errors.push({ field: 'level', message: 'is required to rate' });
      else if (!facts.levels.some((level) => level.level === request.level)) {
        const levels = facts.levels.map((level) => level.level).join(', ');
        errors.push({ field: 'level', message: `is not a level of ${facts.code}: choose one of ${levels}` });
      }
    } else if (request.level !== undefined) {
      errors.push({ field: 'level', message: `must be left out when the outcome is ${outcome}` });
    }
    if (request.role === 'manager' && !request.withdraw && !request.rationale) {
      errors.push({ field: 'rationale', message: 'is required from a manager: say why' });
    }
    if (request.replaces && !request.reason) errors.push({ field: 'reason', message: 'is required to correct or withdraw a record' });
    if (!request.replaces && request.reason) errors.push({ field: 'reason', message: 'goes only with replaces' });
    if (request.assessedOn && request.assessedOn > today()) errors.push({ field: 'assessedOn', message: 'must not be in the future' });
    if (errors.length) throw new RequestValidationException(errors);
  }

  /** Checks the record a correction or withdrawal replaces, and answers its date (a correction keeps it by default). */
  private async replacedDate(manager: EntityManager, request: RecordAssessmentDto, facts: CompetencyFactsRow): Promise<string | undefined> {
    if (!request.replaces) return undefined;
    const replaced = await replacedRecord(manager, request.replaces);
    if (
      !replaced ||
      replaced.employee_id !== request.employeeId ||
      replaced.lineage_id !== facts.lineage_id ||
      replaced.role !== request.role
    ) {
      throw new ProblemException(
        HttpStatus.UNPROCESSABLE_ENTITY,
        'The change cannot be made',
        'replaces is not a record of this person, competency and role.',
        [{ field: 'replaces', message: 'is not a record of this person, competency and role' }],
      );
    }
    if (replaced.kind === 'withdrawal') throw conflict('A withdrawal cannot be corrected or withdrawn: record a new assessment instead.');
    if (replaced.replaced) throw conflict('That record has already been corrected or withdrawn: change the latest record of its chain.');
    return replaced.assessed_on;
  }
}
