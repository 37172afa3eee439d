import type { Competency } from '@proficio/shared/contracts';

/** PostgreSQL text search configurations for the languages frameworks come in; others use 'simple'. */
const CONFIGS: Record<string, string> = {
  da: 'danish',
  de: 'german',
  en: 'english',
  es: 'spanish',
  fi: 'finnish',
  fr: 'french',
  hu: 'hungarian',
  it: 'italian',
  nl: 'dutch',
  no: 'norwegian',
  pt: 'portuguese',
  ro: 'romanian',
  ru: 'russian',
  sv: 'swedish',
  tr: 'turkish',
};

export function textSearchConfig(language: string): string {
  return CONFIGS[language.split('-')[0]?.toLowerCase() ?? ''] ?? 'simple';
}

/** All searchable text of a competency, per language: code, title, description, guidance, levels, indicators. */
export function searchDocuments(competency: Competency): { language: string; config: string; text: string }[] {
  const byLanguage = new Map<string, string[]>();
  const add = (value: Record<string, string> | undefined) =>
    Object.entries(value ?? {}).forEach(([language, text]) => byLanguage.set(language, [...(byLanguage.get(language) ?? []), text]));
  add(competency.title);
  add(competency.description);
  add(competency.guidance);
  for (const level of competency.levels) {
    add(level.description);
    level.indicators.forEach(add);
  }
  return [...byLanguage].map(([language, texts]) => ({
    language,
    config: textSearchConfig(language),
    text: [competency.code, ...texts].join('\n'),
  }));
}
