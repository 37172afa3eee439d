import type { FrameworkDocument } from '@proficio/shared/contracts';
import { parseCase } from '../formats/case/case-import';
import { validateFrameworkDocument } from '../formats/proficio-json/proficio-json';
import { genericProficiencyScale, hasPlaceholderScale, isLevelLess, withScale } from './scales';

/** A CASE package without levels, as parseCase reads it: the one-level placeholder scale. */
function levelLess(): FrameworkDocument {
  const doc = 'c0000000-0000-4000-8000-000000000000';
  const item = 'c0000000-0000-4000-8000-000000000001';
  const result = parseCase(
    JSON.stringify({
      CFDocument: {
        identifier: doc,
        uri: `urn:uuid:${doc}`,
        creator: 'Test',
        title: 'Map skills',
        lastChangeDateTime: '2025-01-01T00:00:00Z',
      },
      CFItems: [{ identifier: item, uri: `urn:uuid:${item}`, fullStatement: 'Reads a map.', lastChangeDateTime: '2025-01-01T00:00:00Z' }],
      CFAssociations: [],
    }),
  );
  return result.document as FrameworkDocument;
}

describe('scales of level-less frameworks', () => {
  it('recognises the placeholder scale of a package without levels', () => {
    const doc = levelLess();
    expect(isLevelLess(doc)).toBe(true);
    expect(hasPlaceholderScale(doc)).toBe(true);
    expect(hasPlaceholderScale(withScale(doc, genericProficiencyScale()))).toBe(false);
    const withLevels = structuredClone(doc);
    withLevels.competencies[0].levels = [{ level: 1, indicators: [], questions: [] }];
    expect(isLevelLess(withLevels)).toBe(false);
    expect(hasPlaceholderScale(withLevels)).toBe(false);
  });

  it('offers a valid generic 1–5 scale, proficient from level 3', () => {
    const doc = withScale(levelLess(), genericProficiencyScale());
    expect(validateFrameworkDocument(doc).filter((issue) => issue.severity === 'error')).toEqual([]);
    expect(doc.scale.levels.map((level) => [level.number, level.label['en'], level.proficient ?? false])).toEqual([
      [1, 'Novice', false],
      [2, 'Advanced beginner', false],
      [3, 'Competent', true],
      [4, 'Proficient', true],
      [5, 'Expert', true],
    ]);
  });
});
