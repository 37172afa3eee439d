import type { FrameworkContentLoss, FrameworkDocument } from '@proficio/shared/contracts';
import { contentLoss, NO_CONTENT_LOSS } from './content-loss';

/** A small two-language framework: one category, two competencies with levels, indicators, questions. */
function garden(): FrameworkDocument {
  return {
    format: 'proficio-framework',
    formatVersion: 1,
    framework: {
      key: 'garden',
      code: 'GDN',
      name: { en: 'Garden skills', fr: 'Jardinage' },
      description: { en: 'Growing things.' },
      publisher: 'Garden Guild',
      licence: 'CC BY 4.0',
      attribution: '© Garden Guild',
      versionLabel: '1',
      defaultLanguage: 'en',
      languages: ['en', 'fr'],
    },
    scale: {
      key: 'garden-scale',
      name: { en: 'Garden scale' },
      levels: [
        { number: 1, code: '1', label: { en: 'Novice' }, description: { en: 'Needs help.' } },
        { number: 2, code: '2', label: { en: 'Grower' }, guidingPhrase: { en: 'Grows alone.' } },
      ],
    },
    categories: [{ key: 'soil', name: { en: 'Soil', fr: 'Sol' } }],
    competencies: [
      {
        key: 'dig',
        code: 'S.1',
        categoryKey: 'soil',
        title: { en: 'Digs', fr: 'Bêche' },
        guidance: { en: 'Use a spade.' },
        levels: [
          {
            level: 1,
            description: { en: 'Digs a bed.', fr: 'Bêche un carré.' },
            indicators: [{ en: 'Straight edges' }, { en: 'Even depth' }],
            questions: [{ text: { en: 'How deep?' }, probes: [{ en: 'Why?' }] }],
          },
          { level: 2, description: { en: 'Digs a garden.' }, indicators: [], questions: [] },
        ],
      },
      {
        key: 'water',
        code: 'S.2',
        title: { en: 'Waters' },
        levels: [{ level: 1, description: { en: 'Waters pots.' }, indicators: [], questions: [] }],
      },
    ],
    certifications: [{ name: 'Garden badge' }],
  };
}

const NONE = NO_CONTENT_LOSS;

describe('contentLoss', () => {
  it.each<[string, (doc: FrameworkDocument) => void, Partial<FrameworkContentLoss>]>([
    ['nothing when the content is the same', () => undefined, {}],
    [
      'nothing when content is only added or rewritten',
      (doc) => {
        doc.competencies[0].levels[0].indicators.push({ en: 'Clean spade' });
        doc.competencies[1].title = { en: 'Waters plants' };
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
      { competencies: 1, guidance: 1, levelDescriptions: 2, indicators: 2, questions: 2, total: 8 },
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
    const after = garden();
    change(after);
    expect(contentLoss(garden(), after)).toEqual({ ...NONE, ...expected });
  });

  it('matches competencies by key: the same texts under other keys are a loss', () => {
    const after = garden();
    after.competencies.forEach((competency) => (competency.key = `new-${competency.key}`));
    expect(contentLoss(garden(), after)).toMatchObject({ competencies: 2, levelDescriptions: 3, indicators: 2, questions: 2, guidance: 1 });
  });

  it('finds nothing lost in a framework that had nothing', () => {
    const empty = garden();
    empty.competencies = [];
    expect(contentLoss(empty, garden()).total).toBe(0);
    expect(contentLoss(garden(), empty).total).toBeGreaterThan(0);
  });
});
