import type { FrameworkDocument, FrameworkSimilarity, LocalizedText } from '@proficio/shared/contracts';

/** At or above this share of common title words, two documents are versions of one framework. */
export const SIMILAR_TITLE = 0.5;
/** At or above this share of common items (categories and competencies), two documents are versions of one framework. */
export const SIMILAR_ITEMS = 0.3;

const text = (doc: FrameworkDocument, value: LocalizedText | undefined): string =>
  value?.[doc.framework.defaultLanguage] ?? Object.values(value ?? {})[0] ?? '';

/** Lower-case words of letters and digits, accents kept ("Référentiel 2" → référentiel, 2). */
const words = (value: string): Set<string> => new Set(value.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
const normal = (value: string): string => [...words(value)].join(' ');

/** |A ∩ B| / |A ∪ B|; 0 when both are empty. */
function jaccard(a: Set<string>, b: Set<string>): number {
  const union = new Set([...a, ...b]).size;
  return union === 0 ? 0 : [...a].filter((word) => b.has(word)).length / union;
}

interface Item {
  key: string;
  code: string;
  title: string;
}

function itemsOf(doc: FrameworkDocument): Item[] {
  return [
    ...doc.categories.map((category) => ({ key: `category:${category.key}`, code: category.code ?? '', title: text(doc, category.name) })),
    ...doc.competencies.map((competency) => ({
      key: `competency:${competency.key}`,
      code: competency.code,
      title: text(doc, competency.title),
    })),
  ].map((item) => ({ key: item.key, code: item.code.trim().toLowerCase(), title: normal(item.title) }));
}

/** How many of `items` the other document has: the same key, or the same code, or the same title. */
function found(items: Item[], other: Item[]): number {
  const keys = new Set(other.map((item) => item.key));
  const codes = new Set(other.map((item) => item.code).filter((code) => code !== ''));
  const titles = new Set(other.map((item) => item.title).filter((title) => title !== ''));
  return items.filter(
    (item) => keys.has(item.key) || (item.code !== '' && codes.has(item.code)) || (item.title !== '' && titles.has(item.title)),
  ).length;
}

const rounded = (value: number) => Math.round(value * 100) / 100;

/**
 * How much two documents that carry the same identifier share, to tell a new
 * version of a framework from another framework that reuses the identifier
 * (CASE test packages do):
 * - `title`: the Jaccard index of the words of the framework names ("SFIA 8" and "SFIA 9": 1/3);
 * - `items`: the share of categories and competencies, on both sides, that the other document has with the
 *   same key, code or title (a Dice coefficient: 2 of 4 items in common with 2 of 2 gives 4/6);
 * - `similar` when `title` ≥ 0.5 or `items` ≥ 0.3. Both are rounded to two decimals.
 */
export function frameworkSimilarity(before: FrameworkDocument, after: FrameworkDocument): FrameworkSimilarity {
  const title = jaccard(words(text(before, before.framework.name)), words(text(after, after.framework.name)));
  const a = itemsOf(before);
  const b = itemsOf(after);
  const items = a.length + b.length === 0 ? 0 : (found(a, b) + found(b, a)) / (a.length + b.length);
  return { title: rounded(title), items: rounded(items), similar: title >= SIMILAR_TITLE || items >= SIMILAR_ITEMS };
}
