import type { FrameworkContentLoss, FrameworkDocument } from '@proficio/shared/contracts';
import { gardenFramework } from '../../testing';
import { contentLoss, NO_CONTENT_LOSS } from './content-loss';

const NONE = NO_CONTENT_LOSS;

describe('contentLoss', () => {
  it.each<[string, (doc: FrameworkDocument) => void, Partial<FrameworkContentLoss>]>([
    ['nothing when the content is the same', () => undefined, {}],
    [
      'nothing when content is only added or rewritten',
      (doc) => {
        doc.competencies[0].levels[0].indicators.push({ en: 'Clean spade' });
        doc.competencies[1].title = { en: 'Waters plants', fr: 'Arrose les plantes' };
        doc.framework.licence = 'CC BY-SA 4.0';
      },
      {},
    ],
    ['a level description', (doc) => delete doc.competencies[0].levels[1].description, { levelDescriptions: 1, total: 1 }],
    [
      'indicators and questions, by their place in the level',
      (doc) => {
        doc.competencies[0].levels[0].indicators = [{ en: 'Straight edges' }];
        doc.competencies[0].levels[0].questions = [];
      },
      { indicators: 1, questions: 2, total: 3 },
    ],
    [
      'a whole competency with everything in it',
      (doc) => doc.competencies.splice(0, 1),
      { competencies: 1, guidance: 1, levelDescriptions: 2, indicators: 3, questions: 2, total: 9 },
    ],
    [
      'a language: its texts count as translations',
      (doc) => {
        doc.framework.languages = ['en'];
        doc.framework.name = { en: 'Garden skills' };
        doc.categories[0].name = { en: 'Soil' };
        doc.competencies[0].title = { en: 'Digs' };
        doc.competencies[0].levels[0].description = { en: 'Digs a bed.' };
      },
      { languages: ['fr'], translations: 4, total: 4 },
    ],
    [
      'the licence and the attribution, and the scale texts',
      (doc) => {
        delete doc.framework.licence;
        doc.framework.attribution = ' ';
        doc.scale.levels = doc.scale.levels.map((level) => ({ number: level.number, code: level.code, label: level.label }));
      },
      { frameworkFields: ['licence', 'attribution'], scaleTexts: 2, total: 4 },
    ],
    [
      'categories, descriptions and certifications',
      (doc) => {
        doc.categories = [];
        delete doc.competencies[0].categoryKey;
        delete doc.framework.description;
        delete doc.certifications;
      },
      { categories: 1, descriptions: 1, certifications: 1, total: 3 },
    ],
    [
      'a text emptied counts as lost',
      (doc) => (doc.competencies[1].levels[0].description = { en: '  ' }),
      { levelDescriptions: 1, total: 1 },
    ],
  ])('%s', (_, change, expected) => {
    const after = gardenFramework();
    change(after);
    expect(contentLoss(gardenFramework(), after)).toEqual({ ...NONE, ...expected });
  });

  it('matches competencies by key: the same texts under other keys are a loss', () => {
    const after = gardenFramework();
    after.competencies.forEach((competency) => (competency.key = `new-${competency.key}`));
    expect(contentLoss(gardenFramework(), after)).toMatchObject({
      competencies: 2,
      levelDescriptions: 3,
      indicators: 3,
      questions: 2,
      guidance: 1,
    });
  });

  it('finds nothing lost in a framework that had nothing', () => {
    const empty = gardenFramework();
    empty.competencies = [];
    expect(contentLoss(empty, gardenFramework()).total).toBe(0);
    expect(contentLoss(gardenFramework(), empty).total).toBeGreaterThan(0);
  });
});
