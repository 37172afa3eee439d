import type { FrameworkDocument, FrameworkWarning, LocalizedText } from '@proficio/shared/contracts';
import { distance } from 'fastest-levenshtein';

/** An untranslated message key left in place of a text, e.g. `competency-level-behavior.761045.name`. */
const PLACEHOLDER_KEY = /^[a-z][\w-]*(\.[\w-]+){2,}$/i;

/** Words a sentence does not end on (English and Italian): a text ending on one was cut off. */
const DANGLING_WORDS = new Set([
  ...'a an the of for to and or with in on by at from as into than that which whose its their our your this these those'.split(' '),
  ...'il lo la i gli le un una uno di del della dei degli delle da per con su tra fra e o che'.split(' '),
]);

/** Indicators of a level this close (edits per character) are reported as near-duplicates. */
const NEAR_DUPLICATE_RATIO = 0.05;

function isTruncated(text: string): boolean {
  const trimmed = text.trim();
  if (/[,;:(\-–]$/.test(trimmed)) return true;
  const lastWord = trimmed.split(/\s+/).pop()?.toLowerCase() ?? '';
  return !/[.!?…)"'’”]$/.test(trimmed) && DANGLING_WORDS.has(lastWord);
}

function texts(value: LocalizedText | undefined): [string, string][] {
  return Object.entries(value ?? {});
}

/**
 * Finds the quirks a framework's source text carries, so that they are shown
 * to users rather than silently fixed: untranslated placeholder keys, text
 * cut off mid-sentence, near-duplicate indicators within a level, and levels
 * with nothing in them.
 */
export function findDataQualityWarnings(doc: FrameworkDocument): FrameworkWarning[] {
  const warnings: FrameworkWarning[] = [];
  const checkText = (value: LocalizedText | undefined, location: string, where: Partial<FrameworkWarning>) => {
    for (const [language, text] of texts(value)) {
      if (PLACEHOLDER_KEY.test(text.trim())) {
        warnings.push({
          code: 'placeholder-key',
          message: `Untranslated placeholder key "${text.trim()}" (${language}).`,
          location,
          ...where,
        });
      } else if (isTruncated(text)) {
        warnings.push({
          code: 'truncated-text',
          message: `Text seems cut off mid-sentence: "…${text.trim().slice(-40)}" (${language}).`,
          location,
          ...where,
        });
      }
    }
  };

  doc.competencies.forEach((competency, c) => {
    const base = `/competencies/${c}`;
    const where = { competencyKey: competency.key };
    checkText(competency.title, `${base}/title`, where);
    checkText(competency.description, `${base}/description`, where);
    competency.levels.forEach((level, l) => {
      const at = { ...where, level: level.level };
      const levelPath = `${base}/levels/${l}`;
      if (!level.description && level.indicators.length === 0 && level.questions.length === 0) {
        warnings.push({
          code: 'empty-level',
          message: `Level ${level.level} of ${competency.code || competency.key} has no description, indicators or questions.`,
          location: levelPath,
          ...at,
        });
      }
      checkText(level.description, `${levelPath}/description`, at);
      level.indicators.forEach((indicator, i) => checkText(indicator, `${levelPath}/indicators/${i}`, at));
      level.questions.forEach((question, q) => {
        checkText(question.text, `${levelPath}/questions/${q}/text`, at);
        question.probes.forEach((probe, p) => checkText(probe, `${levelPath}/questions/${q}/probes/${p}`, at));
      });
      for (let i = 0; i < level.indicators.length; i++) {
        for (let j = i + 1; j < level.indicators.length; j++) {
          for (const [language, a] of texts(level.indicators[i])) {
            const b = level.indicators[j]?.[language];
            // placeholder keys are reported as such, not as duplicates of each other
            if (b === undefined || PLACEHOLDER_KEY.test(a.trim()) || PLACEHOLDER_KEY.test(b.trim())) continue;
            const edits = distance(a.trim().toLowerCase(), b.trim().toLowerCase());
            if (edits <= Math.max(1, Math.floor(Math.max(a.length, b.length) * NEAR_DUPLICATE_RATIO))) {
              warnings.push({
                code: 'near-duplicate-indicator',
                message: `Indicators ${i + 1} and ${j + 1} of level ${level.level} are ${edits === 0 ? 'identical' : `nearly identical (${edits} character${edits === 1 ? '' : 's'} apart)`} (${language}).`,
                location: `${levelPath}/indicators/${j}`,
                ...at,
              });
            }
          }
        }
      }
    });
  });
  return warnings;
}
