import { TextValue } from '@proficio/shared/contracts';
import { OutlineCompetency, OutlinedFramework } from './outline/framework-outline';

/** Small hand-made trees for this library's own specs (the realistic ones live in data-access/testing). */
export const en = (text: string): TextValue => ({ text, language: 'en', fallback: false });

export function competency(id: string, code: string, levels: number[], extra: Partial<OutlineCompetency> = {}): OutlineCompetency {
  return { id, key: code, code, title: en(`${code} title`), levels, notPractisedLevels: [], ...extra };
}

export function tinyTree(extra: Partial<OutlinedFramework> = {}): OutlinedFramework {
  return {
    id: 'fw',
    key: 'fw',
    code: 'FW',
    name: en('Framework'),
    versionLabel: '1',
    versionNumber: 1,
    status: 'published',
    defaultLanguage: 'en',
    languages: ['en'],
    builtIn: false,
    requestedLanguage: 'en',
    scale: {
      name: en('Scale'),
      levels: ['Follow', 'Assist', 'Apply'].map((label, i) => ({ number: i + 1, code: String(i + 1), label: en(label) })),
    },
    categories: [
      {
        id: 'cat-a',
        key: 'a',
        code: 'A',
        name: en('Area A'),
        competencyIds: ['c1'],
        children: [{ id: 'cat-a1', key: 'a1', name: en('Sub A1'), competencyIds: ['c2'], children: [] }],
      },
    ],
    uncategorisedCompetencyIds: ['c3'],
    competencies: [competency('c1', 'A.1', [1, 2]), competency('c2', 'A.2', [2, 3]), competency('c3', 'X', [3])],
    certifications: [],
    warnings: [],
    importWarnings: [],
    counts: { competencies: 3, levels: 5, indicators: 10, questions: 0 },
    ...extra,
  };
}
