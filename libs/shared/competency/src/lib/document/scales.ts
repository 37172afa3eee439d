import type { FrameworkDocument } from '@proficio/shared/contracts';

export type FrameworkScale = FrameworkDocument['scale'];

/** Key of the generic 1–5 proficiency scale a level-less framework may be rated on. */
export const GENERIC_SCALE_KEY = 'proficio-proficiency-1-5';

/**
 * A generic 1–5 proficiency scale (after the Dreyfus stages), for frameworks whose competencies have no levels of
 * their own: levels 3–5 are proficient. Texts in English.
 */
export function genericProficiencyScale(): FrameworkScale {
  const level = (number: number, label: string, description: string) => ({
    number,
    code: String(number),
    label: { en: label },
    description: { en: description },
    ...(number >= 3 ? { proficient: true } : {}),
  });
  return {
    key: GENERIC_SCALE_KEY,
    name: { en: 'Proficiency (1–5)' },
    levels: [
      level(1, 'Novice', 'Follows instructions and rules; needs guidance for most tasks.'),
      level(2, 'Advanced beginner', 'Handles routine tasks with some guidance; starts to recognise situations.'),
      level(3, 'Competent', 'Works independently on most tasks; plans, prioritises and takes responsibility for results.'),
      level(4, 'Proficient', 'Sees the whole situation; handles non-routine tasks and guides others.'),
      level(5, 'Expert', 'Acts from deep understanding; shapes how the work is done and teaches others.'),
    ],
  };
}

/** Whether no competency of `doc` has levels of its own: everyone is then rated on the framework's scale. */
export function isLevelLess(doc: Pick<FrameworkDocument, 'competencies'>): boolean {
  return doc.competencies.every((competency) => competency.levels.length === 0 && !competency.notPractisedLevels?.length);
}

/**
 * Whether `doc` has only the one-level placeholder scale an import gives a package that defines no levels
 * ("Level 1"): nobody can be rated on it.
 */
export function hasPlaceholderScale(doc: Pick<FrameworkDocument, 'competencies' | 'scale'>): boolean {
  const [only, ...more] = doc.scale.levels;
  return (
    isLevelLess(doc) &&
    more.length === 0 &&
    !!only &&
    only.number === 1 &&
    only.code === '1' &&
    Object.values(only.label).every((label) => label === 'Level 1') &&
    !only.description &&
    !only.guidingPhrase &&
    only.proficient === undefined
  );
}

/** `doc` rated on `scale` (only meaningful for a level-less document: competency levels refer to scale numbers). */
export function withScale(doc: FrameworkDocument, scale: FrameworkScale): FrameworkDocument {
  return { ...doc, scale: JSON.parse(JSON.stringify(scale)) as FrameworkScale };
}
