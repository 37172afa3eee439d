import { BUILT_IN_PACKS } from '../packs/built-in-packs';
import { countDocument } from './count-document';

describe('countDocument', () => {
  it.each([
    ['ecf-area-c-run', { competencies: 5, levels: 13, indicators: 0, questions: 0 }],
    ['national-skills-framework-service-management', { competencies: 1, levels: 5, indicators: 35, questions: 0 }],
    ['sfia-itmg', { competencies: 1, levels: 3, indicators: 0, questions: 0 }],
    ['sfia-slmo-it', { competencies: 1, levels: 6, indicators: 0, questions: 0 }],
  ])('counts the %s pack', (key, counts) => {
    const pack = BUILT_IN_PACKS.find((candidate) => candidate.framework.key === key);
    expect(pack && countDocument(pack)).toEqual(counts);
  });

  it('counts indicators and interview questions of the Service Management Processes profile', () => {
    const pack = BUILT_IN_PACKS.find((candidate) => candidate.competencies[0]?.key === 'service-management-processes');
    expect(pack && countDocument(pack)).toEqual({ competencies: 1, levels: 5, indicators: 32, questions: 10 });
  });
});
