import { EmployeeCompetencies } from '@proficio/shared/contracts';

/** What a person's competencies ask of them next. */
export interface NextSteps {
  /** Competencies their role profile (or the one they grow towards) sets a target for. */
  readonly targeted: number;
  /** Of those, the ones they have not rated themselves on. */
  readonly withoutSelfAssessment: number;
  /** Of those, the ones whose self-assessment is stale. */
  readonly staleSelfAssessment: number;
  /** Competencies whose manager level is below the current role's target. */
  readonly belowTarget: number;
  /** Whether they may rate themselves. */
  readonly mayRateSelf: boolean;
}

export function nextSteps(competencies: EmployeeCompetencies): NextSteps {
  const targeted = competencies.items.filter((item) => item.target || item.growthTarget);
  return {
    targeted: targeted.length,
    withoutSelfAssessment: targeted.filter((item) => !item.self || item.self.outcome === 'not_assessed').length,
    staleSelfAssessment: targeted.filter((item) => item.self && item.self.outcome !== 'not_assessed' && item.self.stale).length,
    belowTarget: competencies.items.filter((item) => (item.gap ?? 0) > 0).length,
    mayRateSelf: competencies.mayRate.includes('self'),
  };
}
