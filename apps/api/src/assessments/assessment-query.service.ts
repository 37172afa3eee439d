import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  DEFAULT_STALE_AFTER_MONTHS,
  type AssessedLevel,
  type AssessmentView,
  type AssessorRole,
  type EmployeeCompetencies,
  type EmployeeCompetencyView,
  type Page,
} from '@proficio/shared/contracts';
import { DataSource } from 'typeorm';
import { AccessService, Actor } from '../access';
import type { Paging } from '../common/sql';
import { RequestValidationException } from '../common/validation/validation-exception';
import { competencyRef, frameworkRef, languageOf, staleBefore, toAssessmentView } from './assessment.view';
import { assessmentHistory, competencyFacts, type CompetencyFactsRow, employeeCompetencies, staleAfterMonths } from './assessments.queries';

/** Reads a person's assessments: their history, and their current levels against their role profiles' targets. */
@Injectable()
export class AssessmentQueryService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
  ) {}

  async history(
    actor: Actor,
    employeeId: string,
    options: Paging & { competencyId?: string; acceptLanguage?: string },
  ): Promise<Page<AssessmentView>> {
    await this.access.require(actor, 'assessment.read', employeeId);
    let lineageId: string | undefined;
    if (options.competencyId) {
      const [facts] = await competencyFacts(this.dataSource, [options.competencyId]);
      if (!facts) throw new RequestValidationException([{ field: 'competencyId', message: 'is not an existing competency' }]);
      lineageId = facts.lineage_id;
    }
    const { rows, total } = await assessmentHistory(this.dataSource, employeeId, lineageId, options);
    const facts = await this.factsById(rows.map((row) => row.competency_id));
    const staleFrom = staleBefore(await staleAfterMonths(this.dataSource, DEFAULT_STALE_AFTER_MONTHS));
    return {
      items: rows.map((row) => {
        const competency = facts.get(row.competency_id) as CompetencyFactsRow;
        return toAssessmentView(row, competency, languageOf(competency, options.acceptLanguage), staleFrom);
      }),
      total,
      page: options.page,
      pageSize: options.pageSize,
    };
  }

  async competencies(actor: Actor, employeeId: string, acceptLanguage?: string): Promise<EmployeeCompetencies> {
    const relation = await this.access.require(actor, 'assessment.read', employeeId);
    const mayRate: AssessorRole[] = [];
    if (relation === 'admin' || relation === 'manager') mayRate.push('manager');
    if (actor.employeeId === employeeId) mayRate.push('self');
    const months = await staleAfterMonths(this.dataSource, DEFAULT_STALE_AFTER_MONTHS);
    const staleFrom = staleBefore(months);
    const rows = await employeeCompetencies(this.dataSource, employeeId);
    const facts = await this.factsById(rows.map((row) => row.competency_id));

    const assessed = (
      assessmentId: string | null,
      outcome: AssessedLevel['outcome'] | null,
      level: number | null,
      assessedOn: string | null,
      competencyId: string | null,
      shown: CompetencyFactsRow,
    ): AssessedLevel | undefined => {
      if (!assessmentId || !outcome || !assessedOn) return undefined;
      const code = level !== null ? shown.levels.find((option) => option.level === level)?.code : undefined;
      return {
        outcome,
        ...(level !== null ? { level } : {}),
        ...(code ? { levelCode: code } : {}),
        assessmentId,
        assessedOn,
        stale: assessedOn < staleFrom,
        fromEarlierVersion: competencyId !== shown.id,
      };
    };

    const items = rows.map((row): EmployeeCompetencyView => {
      const shown = facts.get(row.competency_id) as CompetencyFactsRow;
      const language = languageOf(shown, acceptLanguage);
      const manager = assessed(
        row.manager_assessment_id,
        row.manager_outcome,
        row.manager_level,
        row.manager_assessed_on,
        row.manager_competency_id,
        shown,
      );
      const self = assessed(row.self_assessment_id, row.self_outcome, row.self_level, row.self_assessed_on, row.self_competency_id, shown);
      const codeOf = (level: number) => shown.levels.find((option) => option.level === level)?.code ?? String(level);
      return {
        competency: competencyRef(shown, language),
        framework: frameworkRef(shown, language),
        levels: shown.levels.map((option) => ({
          level: option.level,
          code: option.code,
          label: {
            text: option.label[language] ?? option.label[shown.default_language] ?? Object.values(option.label)[0] ?? '',
            language,
            fallback: option.label[language] === undefined,
          },
        })),
        ...(manager ? { manager } : {}),
        ...(self ? { self } : {}),
        ...(row.target_level !== null && row.target_profile_id
          ? {
              target: {
                level: row.target_level,
                code: codeOf(row.target_level),
                required: row.target_required ?? true,
                roleProfile: { id: row.target_profile_id, name: row.target_profile_name ?? '' },
              },
            }
          : {}),
        ...(row.growth_level !== null && row.growth_profile_id
          ? {
              growthTarget: {
                level: row.growth_level,
                code: codeOf(row.growth_level),
                roleProfile: { id: row.growth_profile_id, name: row.growth_profile_name ?? '' },
              },
            }
          : {}),
        ...(row.target_level !== null && manager?.level !== undefined ? { gap: row.target_level - manager.level } : {}),
        disagreement: manager?.level !== undefined && self?.level !== undefined && Math.abs(manager.level - self.level) >= 2,
      };
    });
    return { employeeId, mayRate, staleAfterMonths: months, items };
  }

  private async factsById(ids: readonly string[]): Promise<Map<string, CompetencyFactsRow>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    return new Map((await competencyFacts(this.dataSource, unique)).map((row) => [row.id, row]));
  }
}
