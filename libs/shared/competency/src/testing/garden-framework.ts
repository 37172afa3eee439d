import type { FrameworkDocument } from '@proficio/shared/contracts';

/**
 * A small synthetic framework in two languages under `key`, with what a Moodle CSV cannot hold: level
 * descriptions, indicators, questions with probes, guidance, scale texts, a licence, an attribution and a
 * certification. One category (Soil) holds two competencies: Digs (two levels) and Waters (one level).
 */
export function gardenFramework(key = 'garden'): FrameworkDocument {
  return {
    format: 'proficio-framework',
    formatVersion: 1,
    framework: {
      key,
      code: key,
      name: { en: 'Garden skills', fr: 'Jardinage' },
      description: { en: 'Growing things.' },
      publisher: 'Garden Guild',
      licence: 'CC BY 4.0',
      attribution: '© Garden Guild',
      versionLabel: 'unversioned',
      defaultLanguage: 'en',
      languages: ['en', 'fr'],
    },
    scale: {
      key: `${key}-scale`,
      name: { en: 'Competency scale: Garden skills' },
      levels: [
        { number: 1, code: '1', label: { en: 'Novice', fr: 'Novice' }, description: { en: 'Needs help.' } },
        { number: 2, code: '2', label: { en: 'Grower', fr: 'Jardinier' }, proficient: true, guidingPhrase: { en: 'Grows alone.' } },
      ],
    },
    categories: [{ key: 'soil', code: 'soil', name: { en: 'Soil', fr: 'Sol' } }],
    competencies: [
      {
        key: 'dig',
        code: 'dig',
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
          { level: 2, description: { en: 'Digs a garden.' }, indicators: [{ en: 'Plans the beds' }], questions: [] },
        ],
      },
      {
        key: 'water',
        code: 'water',
        categoryKey: 'soil',
        title: { en: 'Waters', fr: 'Arrose' },
        levels: [{ level: 1, description: { en: 'Waters pots.' }, indicators: [], questions: [] }],
      },
    ],
    certifications: [{ name: 'Garden badge' }],
  };
}
