import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  DEFAULT_STALE_AFTER_MONTHS,
  type AssessedLevel,
  type AssessmentView,
  type AssessorRole,
  type EmployeeCompetencies,
  type EmployeeCompetencyView,
  type EmployeeProgression,
  type Page,
  type ProgressionPoint,
  type TeamGrid,
  type TeamGridCompetency,
} from '@proficio/shared/contracts';
import { DataSource } from 'typeorm';
import { AccessService, Actor } from '../access';
import type { Paging } from '../common/sql';
import { RequestValidationException } from '../common/validation/validation-exception';
import { localize } from '../frameworks';
import { competencyRef, languageOf, levelOptions, staleBefore, toAssessmentView } from './assessment.view';
import { frameworkRefOf } from '../frameworks';
import {
  assessmentHistory,
  competencyFacts,
  type CompetencyFactsRow,
  employeeCompetencies,
  gridLevels,
  gridRequirements,
  progressionPoints,
  staleAfterMonths,
  teamMembers,
} from './assessments.queries';

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
    const lineageId = await this.lineageOf(options.competencyId);
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
    // Two connections at once: the setting does not wait for the rows.
    const [months, rows] = await Promise.all([
      staleAfterMonths(this.dataSource, DEFAULT_STALE_AFTER_MONTHS),
      employeeCompetencies(this.dataSource, employeeId),
    ]);
    const staleFrom = staleBefore(months);
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
        framework: frameworkRefOf(shown, language),
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

  /**
   * A person's progression: per competency lineage of the Competencies tab that has history, the
   * records in force over time (manager and self), oldest first, with the held role's target.
   */
  async progression(
    actor: Actor,
    employeeId: string,
    options: { competencyId?: string; acceptLanguage?: string },
  ): Promise<EmployeeProgression> {
    await this.access.require(actor, 'assessment.read', employeeId);
    const onlyLineage = await this.lineageOf(options.competencyId);
    const [rows, points] = await Promise.all([
      employeeCompetencies(this.dataSource, employeeId),
      progressionPoints(this.dataSource, employeeId),
    ]);
    const facts = await this.factsById(rows.map((row) => row.competency_id));
    const series = rows
      .filter((row) => !onlyLineage || row.lineage_id === onlyLineage)
      .map((row) => {
        const shown = facts.get(row.competency_id) as CompetencyFactsRow;
        const language = languageOf(shown, options.acceptLanguage);
        const pointsOf = (role: 'manager' | 'self'): ProgressionPoint[] =>
          points
            .filter((point) => point.lineage_id === row.lineage_id && point.role === role)
            .map((point) => ({
              date: point.assessed_on,
              outcome: point.outcome,
              ...(point.level !== null ? { level: point.level } : {}),
              assessmentId: point.id,
              fromEarlierVersion: point.competency_id !== shown.id,
            }));
        const codeOf = (level: number) => shown.levels.find((option) => option.level === level)?.code ?? String(level);
        return {
          competency: competencyRef(shown, language),
          framework: frameworkRefOf(shown, language),
          levels: shown.levels.map((option) => ({ level: option.level, code: option.code })),
          ...(row.target_level !== null ? { target: { level: row.target_level, code: codeOf(row.target_level) } } : {}),
          manager: pointsOf('manager'),
          self: pointsOf('self'),
        };
      })
      .filter((entry) => entry.manager.length > 0 || entry.self.length > 0);
    return { employeeId, series };
  }

  /**
   * The manager's team grid: their reports (direct, or the whole line), the published requirements
   * of the reports' role profiles as columns, and the current manager level and target per cell.
   */
  async teamGrid(
    actor: Actor,
    options: { scope?: 'direct' | 'line'; roleProfileId?: string; frameworkId?: string; acceptLanguage?: string },
  ): Promise<TeamGrid> {
    const months = await staleAfterMonths(this.dataSource, DEFAULT_STALE_AFTER_MONTHS);
    const empty: TeamGrid = { people: [], competencies: [], cells: [], staleAfterMonths: months };
    if (!actor.employeeId) return empty;
    const members = await teamMembers(this.dataSource, actor.employeeId, {
      wholeLine: options.scope === 'line',
      roleProfileId: options.roleProfileId,
    });
    if (members.length === 0) return empty;
    const profileIds = [...new Set(members.map((member) => member.role_profile_id).filter((id): id is string => id !== null))];
    const requirements = profileIds.length ? await gridRequirements(this.dataSource, profileIds) : [];
    const facts = await this.factsById(requirements.map((row) => row.competency_id));
    const wanted = requirements.filter(
      (row) => !options.frameworkId || facts.get(row.competency_id)?.framework_version_id === options.frameworkId,
    );

    const columns: TeamGridCompetency[] = [];
    const seen = new Set<string>();
    for (const row of wanted) {
      if (seen.has(row.competency_id)) continue;
      seen.add(row.competency_id);
      const shown = facts.get(row.competency_id) as CompetencyFactsRow;
      const language = languageOf(shown, options.acceptLanguage);
      const category = localize(row.category_name, language, shown.default_language);
      const descriptions = new Map((row.level_descriptions ?? []).map((entry) => [entry.level, entry.description]));
      columns.push({
        ...competencyRef(shown, language),
        framework: frameworkRefOf(shown, language),
        ...(category ? { category } : {}),
        levels: levelOptions(shown, language).map((option) => {
          const description = localize(descriptions.get(option.level) ?? null, language, shown.default_language);
          return { ...option, ...(description ? { description } : {}) };
        }),
      });
    }
    // Columns grouped by framework, then category, keeping the profiles' order within each group.
    const groupOrder = new Map<string, number>();
    columns.forEach((column) => {
      const group = `${column.framework.id}/${column.category?.text ?? ''}`;
      if (!groupOrder.has(group)) groupOrder.set(group, groupOrder.size);
    });
    const ordered = columns
      .map((column, index) => ({ column, index, group: groupOrder.get(`${column.framework.id}/${column.category?.text ?? ''}`) ?? 0 }))
      .sort((a, b) => a.group - b.group || a.index - b.index)
      .map((entry) => entry.column);

    const lineageOf = new Map([...facts.values()].map((row) => [row.id, row.lineage_id]));
    const levels = ordered.length
      ? await gridLevels(
          this.dataSource,
          members.map((member) => member.id),
          [...new Set(ordered.map((column) => lineageOf.get(column.id) as string))],
        )
      : [];
    const levelAt = new Map(levels.map((row) => [`${row.employee_id}/${row.lineage_id}`, row]));
    const targetAt = new Map(wanted.map((row) => [`${row.role_profile_id}/${row.competency_id}`, row.target_level]));
    const staleFrom = staleBefore(months);
    const cells: TeamGrid['cells'] = [];
    for (const member of members) {
      for (const column of ordered) {
        const current = levelAt.get(`${member.id}/${lineageOf.get(column.id)}`);
        const target = member.role_profile_id ? targetAt.get(`${member.role_profile_id}/${column.id}`) : undefined;
        if (!current && target === undefined) continue;
        const code = current?.level != null ? column.levels.find((option) => option.level === current.level)?.code : undefined;
        cells.push({
          employeeId: member.id,
          competencyId: column.id,
          ...(current
            ? {
                manager: {
                  outcome: current.outcome,
                  ...(current.level !== null ? { level: current.level } : {}),
                  ...(code ? { levelCode: code } : {}),
                  assessmentId: current.assessment_id,
                  assessedOn: current.assessed_on,
                  stale: current.assessed_on < staleFrom,
                  fromEarlierVersion: current.competency_id !== column.id,
                },
              }
            : {}),
          ...(target !== undefined ? { target } : {}),
        });
      }
    }
    return {
      people: members.map((member) => ({
        id: member.id,
        name: member.name,
        ...(member.job_title ? { jobTitle: member.job_title } : {}),
        ...(member.role_profile_id ? { roleProfile: { id: member.role_profile_id, name: member.role_profile_name ?? '' } } : {}),
        direct: member.direct,
      })),
      competencies: ordered,
      cells,
      staleAfterMonths: months,
    };
  }

  /** The lineage of `competencyId` (its versions across framework versions), undefined without one; refused naming the field when it does not exist. */
  private async lineageOf(competencyId: string | undefined): Promise<string | undefined> {
    if (!competencyId) return undefined;
    const [facts] = await competencyFacts(this.dataSource, [competencyId]);
    if (!facts) throw new RequestValidationException([{ field: 'competencyId', message: 'is not an existing competency' }]);
    return facts.lineage_id;
  }

  private async factsById(ids: readonly string[]): Promise<Map<string, CompetencyFactsRow>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    return new Map((await competencyFacts(this.dataSource, unique)).map((row) => [row.id, row]));
  }
}
