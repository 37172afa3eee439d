import type { LocalizedText, TextValue } from '@proficio/shared/contracts';

/**
 * Reads a multilingual text in the requested language, falling back to the
 * framework's default language, then to any language the text has.
 */
export function localize(value: LocalizedText | null | undefined, requested: string, fallbackLanguage: string): TextValue | undefined {
  if (!value) return undefined;
  const exact = value[requested];
  if (exact !== undefined) return { text: exact, language: requested, fallback: false };
  const language = value[fallbackLanguage] !== undefined ? fallbackLanguage : Object.keys(value)[0];
  if (language === undefined) return undefined;
  return { text: value[language] as string, language, fallback: true };
}

/** Like localize, for texts that must exist (names, titles). */
export function localizeRequired(value: LocalizedText, requested: string, fallbackLanguage: string): TextValue {
  return localize(value, requested, fallbackLanguage) ?? { text: '', language: fallbackLanguage, fallback: true };
}

/**
 * Picks the language to answer in: `?lang=` when given, else the first
 * Accept-Language tag (or its primary subtag) the framework holds, else the
 * framework's default language.
 */
export function pickLanguage(options: { lang?: string; acceptLanguage?: string; available: string[]; defaultLanguage: string }): string {
  if (options.lang) return options.lang;
  const tags = (options.acceptLanguage ?? '')
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const quality = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { tag: tag.trim().toLowerCase(), q: quality ? Number(quality.slice(2)) : 1 };
    })
    .filter((entry) => entry.tag && entry.tag !== '*' && entry.q > 0)
    .sort((a, b) => b.q - a.q);
  const available = options.available.map((language) => language.toLowerCase());
  for (const { tag } of tags) {
    if (available.includes(tag)) return options.available[available.indexOf(tag)] as string;
    const primary = tag.split('-')[0] as string;
    if (available.includes(primary)) return options.available[available.indexOf(primary)] as string;
  }
  return options.defaultLanguage;
}

/** A row's texts read in one language: the one picked for the caller among the row's languages, else its default. */
export interface RowTexts {
  language: string;
  defaultLanguage: string;
  text(value: LocalizedText | null | undefined): TextValue | undefined;
  required(value: LocalizedText): TextValue;
}

/** Picks the language for a row that says which languages its framework holds (`languages`, `default_language`), and reads texts in it. */
export function rowTexts(
  options: { lang?: string; acceptLanguage?: string },
  row: { languages: string[]; default_language: string },
): RowTexts {
  const defaultLanguage = row.default_language;
  const language = pickLanguage({ ...options, available: row.languages, defaultLanguage });
  return {
    language,
    defaultLanguage,
    text: (value) => localize(value, language, defaultLanguage),
    required: (value) => localizeRequired(value, language, defaultLanguage),
  };
}
