import type { FrameworkDocument } from '@proficio/shared/contracts';
import { frameworkSimilarity } from './similarity';

/** A framework named `name` whose competencies are [key, code, title]. */
function framework(name: string, competencies: [string, string, string][], categories: [string, string][] = []): FrameworkDocument {
  return {
    format: 'proficio-framework',
    formatVersion: 1,
    framework: { key: 'shared-id', code: 'X', name: { en: name }, versionLabel: '1', defaultLanguage: 'en', languages: ['en'] },
    scale: { key: 's', name: { en: 'Scale' }, levels: [{ number: 1, code: '1', label: { en: 'One' } }] },
    categories: categories.map(([key, name]) => ({ key, name: { en: name } })),
    competencies: competencies.map(([key, code, title]) => ({ key, code, title: { en: title }, levels: [] })),
  };
}

const SKILLS: [string, string, string][] = [
  ['a', 'A.1', 'Reads a map'],
  ['b', 'A.2', 'Uses a compass'],
  ['c', 'A.3', 'Tells north'],
  ['d', 'A.4', 'Plans a route'],
];

describe('frameworkSimilarity', () => {
  it.each<[string, FrameworkDocument, FrameworkDocument, { title: number; items: number; similar: boolean }]>([
    ['the same document', framework('Orienteering', SKILLS), framework('Orienteering', SKILLS), { title: 1, items: 1, similar: true }],
    [
      'a next version: the title changes its number, most items stay',
      framework('Orienteering 8', SKILLS),
      framework('Orienteering 9', [...SKILLS.slice(0, 3), ['e', 'A.5', 'Reads contours']]),
      { title: 0.33, items: 0.75, similar: true },
    ],
    [
      'items found by code when the keys changed (another export of the same framework)',
      framework('Map skills', SKILLS),
      framework(
        'Orienteering',
        SKILLS.map(([key, code, title]) => [`new-${key}`, code, title.toUpperCase()]),
      ),
      { title: 0, items: 1, similar: true },
    ],
    [
      'items found by title when keys and codes changed',
      framework('Map skills', SKILLS),
      framework(
        'Orienteering',
        SKILLS.map(([key, , title]) => [`new-${key}`, '', `${title}.`]),
      ),
      { title: 0, items: 1, similar: true },
    ],
    [
      'a renamed framework with the same items',
      framework('Map skills', SKILLS),
      framework('Orienteering for beginners', SKILLS),
      { title: 0, items: 1, similar: true },
    ],
    [
      'another framework under the same identifier: other title, other items',
      framework('Map skills', SKILLS),
      framework('Item types test', [
        ['x', 'T.1', 'Multiple choice'],
        ['y', 'T.2', 'Short answer'],
      ]),
      { title: 0, items: 0, similar: false },
    ],
    [
      'one item of six in common is not enough (2 of 10 found: 0.2)',
      framework('Map skills', SKILLS),
      framework('Item types test', [
        ['x', 'T.1', 'Multiple choice'],
        ['y', 'T.2', 'Short answer'],
        ['z', 'T.3', 'Essay'],
        ['w', 'T.4', 'Tells north'],
        ['v', 'T.5', 'Matching'],
        ['u', 'T.6', 'Ordering'],
      ]),
      { title: 0, items: 0.2, similar: false },
    ],
    [
      'an empty document with another title',
      framework('Map skills', SKILLS),
      framework('Empty test document', []),
      { title: 0, items: 0, similar: false },
    ],
    [
      'half the title words in common is enough',
      framework('Map skills', SKILLS),
      framework('Map', []),
      { title: 0.5, items: 0, similar: true },
    ],
    [
      'one title word of three in common is not',
      framework('Map skills', SKILLS, [['m', 'Maps']]),
      framework('Map reading', [], [['n', 'Navigation']]),
      { title: 0.33, items: 0, similar: false },
    ],
    [
      'two empty documents with the same title',
      framework('Map skills', []),
      framework('map   SKILLS', []),
      { title: 1, items: 0, similar: true },
    ],
  ])('%s', (_, before, after, expected) => {
    expect(frameworkSimilarity(before, after)).toEqual(expected);
    expect(frameworkSimilarity(after, before)).toEqual(expected);
  });
});
