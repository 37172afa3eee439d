import type { AssessmentView, TextValue } from '@proficio/shared/contracts';
import { frameworkRefOf, localize, localizeRequired, pickLanguage } from '../frameworks';
import type { AssessmentRow, CompetencyFactsRow } from './assessments.queries';

/** The language a competency's texts are shown in (Accept-Language against what its framework holds). */
export const languageOf = (facts: CompetencyFactsRow, acceptLanguage: string | undefined): string =>
  pickLanguage({ acceptLanguage, available: facts.languages, defaultLanguage: facts.default_language });

export function competencyRef(facts: CompetencyFactsRow, language: string): { id: string; code: string; title: TextValue } {
  return { id: facts.id, code: facts.code, title: localizeRequired(facts.title, language, facts.default_language) };
}

/** The levels a competency can be rated at, with the scale's code and label in `language`. */
export function levelOptions(facts: CompetencyFactsRow, language: string): { level: number; code: string; label: TextValue }[] {
  return facts.levels.map((option) => ({
    level: option.level,
    code: option.code,
    label: localizeRequired(option.label, language, facts.default_language),
  }));
}

/** `YYYY-MM-DD` of the first day that is no longer stale: assessments dated before it are stale. */
export function staleBefore(months: number, today = new Date()): string {
  const limit = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - months, today.getUTCDate()));
  return limit.toISOString().slice(0, 10);
}

/** An assessment as the API shows it; free texts are withheld once the person is anonymised. */
export function toAssessmentView(row: AssessmentRow, facts: CompetencyFactsRow, language: string, staleFrom: string): AssessmentView {
  const levelLabel = localize(row.level_label, language, facts.default_language);
  return {
    id: row.id,
    employeeId: row.employee_id,
    competency: competencyRef(facts, language),
    framework: frameworkRefOf(facts, language),
    kind: row.kind,
    role: row.role,
    ...(row.outcome ? { outcome: row.outcome } : {}),
    ...(row.level !== null ? { level: row.level } : {}),
    ...(row.level_code ? { levelCode: row.level_code } : {}),
    ...(levelLabel ? { levelLabel } : {}),
    assessedOn: row.assessed_on,
    recordedAt: row.recorded_at.toISOString(),
    assessor: {
      userId: row.assessor_user_id,
      ...(row.assessor_employee_id ? { employeeId: row.assessor_employee_id } : {}),
      name: row.assessor_name,
    },
    ...(row.rationale && !row.anonymised ? { rationale: row.rationale } : {}),
    ...(row.confidence ? { confidence: row.confidence } : {}),
    ...(row.replaces_id ? { replaces: row.replaces_id } : {}),
    ...(row.reason && !row.anonymised ? { reason: row.reason } : {}),
    ...(row.replaced_by ? { replacedBy: row.replaced_by } : {}),
    ...(row.evidence?.length && !row.anonymised ? { evidence: row.evidence } : {}),
    stale: row.assessed_on < staleFrom,
  };
}

/** What the audit log keeps of an assessment: the judgement, not the free texts' history elsewhere. */
export function assessmentSnapshot(row: AssessmentRow): Record<string, unknown> {
  return {
    employeeId: row.employee_id,
    competencyId: row.competency_id,
    kind: row.kind,
    role: row.role,
    outcome: row.outcome,
    level: row.level,
    assessedOn: row.assessed_on,
    replaces: row.replaces_id,
  };
}
