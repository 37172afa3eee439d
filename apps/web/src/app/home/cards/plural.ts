import { countText } from '@proficio/web/shared/util';

/**
 * The cards' `plural(count, one, many?)` in `locale` (the browser's): "1 person", "1,234 people" in British English,
 * "1.234 people" in German.
 */
export function pluralIn(locale: string): (count: number, one: string, many?: string) => string {
  return (count, one, many) => countText(count, locale, one, many);
}
