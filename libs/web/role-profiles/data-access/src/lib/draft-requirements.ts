import {
  CompetencyDetail,
  RequirementLevelOption,
  RoleProfileRequirementInput,
  RoleProfileRequirementView,
  RoleProfileVersionView,
} from '@proficio/shared/contracts';

/** What a draft editor holds: the requirements as the API shows them, in the profile's order. */
export type DraftRequirement = RoleProfileRequirementView;

/** Requirements that share a framework version, in the order the profile first lists one of them. */
export interface FrameworkGroup {
  readonly framework: DraftRequirement['framework'];
  readonly requirements: readonly DraftRequirement[];
}

export function groupByFramework(requirements: readonly DraftRequirement[]): FrameworkGroup[] {
  const groups = new Map<string, { framework: DraftRequirement['framework']; requirements: DraftRequirement[] }>();
  for (const requirement of requirements) {
    const group = groups.get(requirement.framework.id) ?? { framework: requirement.framework, requirements: [] };
    group.requirements.push(requirement);
    groups.set(requirement.framework.id, group);
  }
  return [...groups.values()];
}

/** The request body that saves `requirements` as the draft. */
export function toDraftRequest(requirements: readonly DraftRequirement[], description: string) {
  const trimmed = description.trim();
  return {
    description: trimmed || null,
    requirements: requirements.map((requirement): RoleProfileRequirementInput => ({
      competencyId: requirement.competency.id,
      targetLevel: requirement.targetLevel,
      required: requirement.required,
    })),
  };
}

/** The levels of a competency as the editor offers them, from `GET /api/competencies/:id`. */
export function levelOptions(competency: CompetencyDetail): RequirementLevelOption[] {
  return competency.levels.map((level) => {
    const scale = competency.scale.find((candidate) => candidate.number === level.level);
    return {
      level: level.level,
      code: scale?.code ?? String(level.level),
      label: scale?.label ?? { text: `Level ${level.level}`, language: competency.framework.defaultLanguage, fallback: true },
      ...(level.description ? { description: level.description } : {}),
    };
  });
}

/** A requirement for a competency picked in the editor, at `targetLevel` (one of its levels). */
export function requirementFor(competency: CompetencyDetail, targetLevel: number, required: boolean): DraftRequirement {
  const levels = levelOptions(competency);
  const target = levels.find((level) => level.level === targetLevel);
  if (!target) throw new Error(`${competency.code} has no level ${targetLevel}`);
  return {
    competency: { id: competency.id, code: competency.code, title: competency.title },
    framework: {
      id: competency.framework.id,
      code: competency.framework.code,
      name: competency.framework.name,
      versionLabel: competency.framework.versionLabel,
      versionNumber: competency.framework.versionNumber,
    },
    targetLevel,
    target,
    required,
    levels,
  };
}

/** `requirements` with the one for `competencyId` changed; its target follows a new level. */
export function changeRequirement(
  requirements: readonly DraftRequirement[],
  competencyId: string,
  change: { readonly targetLevel?: number; readonly required?: boolean },
): DraftRequirement[] {
  return requirements.map((requirement) => {
    if (requirement.competency.id !== competencyId) return requirement;
    const targetLevel = change.targetLevel ?? requirement.targetLevel;
    const target = requirement.levels.find((level) => level.level === targetLevel) ?? requirement.target;
    return { ...requirement, targetLevel: target.level, target, required: change.required ?? requirement.required };
  });
}

/** Adds a requirement at the end, or replaces the one for the same competency where it stands. */
export function addRequirement(requirements: readonly DraftRequirement[], added: DraftRequirement): DraftRequirement[] {
  const index = requirements.findIndex((requirement) => requirement.competency.id === added.competency.id);
  if (index < 0) return [...requirements, added];
  return requirements.map((requirement, i) => (i === index ? added : requirement));
}

export function removeRequirement(requirements: readonly DraftRequirement[], competencyId: string): DraftRequirement[] {
  return requirements.filter((requirement) => requirement.competency.id !== competencyId);
}

/** True when the editor holds something other than the saved version. */
export function draftChanged(saved: RoleProfileVersionView, requirements: readonly DraftRequirement[], description: string): boolean {
  const now = toDraftRequest(requirements, description);
  const before = toDraftRequest(saved.requirements, saved.description ?? '');
  return JSON.stringify(now) !== JSON.stringify(before);
}
