import { RP_IDS, analystDetail, c1Requirement, itmgDetail, itmgRequirement } from '../testing';
import {
  addRequirement,
  changeRequirement,
  draftChanged,
  groupByFramework,
  levelOptions,
  removeRequirement,
  requirementFor,
  toDraftRequest,
} from './draft-requirements';

describe('draft requirements', () => {
  it('groups requirements by framework in the order the profile first lists one', () => {
    const second = { ...c1Requirement(), competency: { ...c1Requirement().competency, id: 'c4', code: 'C.4' } };
    const groups = groupByFramework([c1Requirement(), itmgRequirement(), second]);
    expect(groups.map((group) => [group.framework.code, group.requirements.map((r) => r.competency.code)])).toEqual([
      ['e-CF C', ['C.1', 'C.4']],
      ['SFIA-ITMG', ['ITMG']],
    ]);
  });

  it('turns the editor state into the draft request, trimming an empty description to null', () => {
    expect(toDraftRequest([c1Requirement(3), itmgRequirement(6, false)], '  ')).toEqual({
      description: null,
      requirements: [
        { competencyId: RP_IDS.c1, targetLevel: 3, required: true },
        { competencyId: RP_IDS.itmg, targetLevel: 6, required: false },
      ],
    });
  });

  it('offers a competency’s own levels with the scale’s labels and the level descriptions', () => {
    expect(levelOptions(itmgDetail()).map((level) => [level.level, level.code, level.label.text])).toEqual([
      [5, '5', 'Ensure, advise'],
      [6, '6', 'Initiate, influence'],
      [7, '7', 'Set strategy, inspire, mobilise'],
    ]);
    expect(levelOptions(itmgDetail())[0]?.description?.text).toMatch(/^Takes responsibility/);
  });

  it('builds a requirement for a picked competency, and refuses a level it does not have', () => {
    expect(requirementFor(itmgDetail(), 6, false)).toEqual(itmgRequirement(6, false));
    expect(() => requirementFor(itmgDetail(), 3, true)).toThrow(/no level 3/);
  });

  it('changes the target level (its description follows) and the required flag', () => {
    const [changed] = changeRequirement([c1Requirement(2)], RP_IDS.c1, { targetLevel: 3 });
    expect(changed?.target.code).toBe('e-3');
    expect(changed?.target.description?.text).toMatch(/^Manages the support process/);
    expect(changeRequirement([c1Requirement(2)], RP_IDS.c1, { required: false })[0]?.required).toBe(false);
    expect(changeRequirement([c1Requirement(2)], RP_IDS.c1, { targetLevel: 9 })[0]?.targetLevel).toBe(2);
  });

  it('adds at the end, replaces a competency already listed in place, and removes', () => {
    const list = addRequirement([c1Requirement(2)], itmgRequirement());
    expect(list.map((r) => r.competency.code)).toEqual(['C.1', 'ITMG']);
    const replaced = addRequirement(list, c1Requirement(3));
    expect(replaced.map((r) => [r.competency.code, r.targetLevel])).toEqual([
      ['C.1', 3],
      ['ITMG', 5],
    ]);
    expect(removeRequirement(replaced, RP_IDS.c1).map((r) => r.competency.code)).toEqual(['ITMG']);
  });

  it('tells whether the editor differs from the saved version', () => {
    const saved = analystDetail({ draft: true }).version;
    expect(draftChanged(saved, saved.requirements, 'First line of support.')).toBe(false);
    expect(draftChanged(saved, saved.requirements, 'Other')).toBe(true);
    expect(draftChanged(saved, changeRequirement(saved.requirements, RP_IDS.c1, { targetLevel: 3 }), 'First line of support.')).toBe(true);
  });
});
