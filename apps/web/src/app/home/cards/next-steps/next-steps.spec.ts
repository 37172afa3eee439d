import { AssessedLevel } from '@proficio/shared/contracts';
import { competencyRow, employeeCompetencies } from '@proficio/web/people/data-access/testing';
import { nextSteps } from './next-steps';

const level = (overrides: Partial<AssessedLevel> = {}): AssessedLevel => ({
  outcome: 'rated',
  level: 2,
  levelCode: 'e-2',
  assessmentId: 'a-1',
  assessedOn: '2026-03-01',
  stale: false,
  fromEarlierVersion: false,
  ...overrides,
});
const target = { level: 3, code: 'e-3', required: true, roleProfile: { id: 'rp-1', name: 'Service Desk Analyst' } };

describe('nextSteps', () => {
  it('counts the targets without a (current) self-assessment and the levels below target', () => {
    const competencies = employeeCompetencies({
      mayRate: ['self'],
      items: [
        competencyRow({ target, self: level(), manager: level(), gap: 1 }),
        competencyRow({ target, self: undefined, manager: undefined, gap: undefined }),
        competencyRow({ target, self: level({ outcome: 'not_assessed', level: undefined }), gap: undefined }),
        competencyRow({ target, self: level({ stale: true }), manager: level({ level: 3 }), gap: 0 }),
        competencyRow({
          target: undefined,
          growthTarget: { level: 4, code: 'e-4', roleProfile: target.roleProfile },
          self: undefined,
          gap: undefined,
        }),
        // assessed, but not asked for by any role: not counted
        competencyRow({ target: undefined, growthTarget: undefined, self: undefined, manager: level(), gap: undefined }),
      ],
    });
    expect(nextSteps(competencies)).toEqual({
      targeted: 5,
      withoutSelfAssessment: 3,
      staleSelfAssessment: 1,
      belowTarget: 1,
      mayRateSelf: true,
    });
  });

  it('knows when the person may not rate themselves', () => {
    expect(nextSteps(employeeCompetencies({ mayRate: [], items: [] }))).toEqual({
      targeted: 0,
      withoutSelfAssessment: 0,
      staleSelfAssessment: 0,
      belowTarget: 0,
      mayRateSelf: false,
    });
  });
});
