/**
 * A count or other number as the locale writes it: 12,345 in en-GB, 12.345 in German, 12 345 in French
 * (grouped, at most `maximumFractionDigits` decimals, 0 by default); '' for no number.
 */
export function formatLocalNumber(value: number | null | undefined, locale: string, maximumFractionDigits = 0): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '';
  return new Intl.NumberFormat(locale, { maximumFractionDigits }).format(value);
}

/** "1 person", "1,234 people": a count in the locale's digits with the word that agrees with it. */
export function countText(count: number, locale: string, one: string, many = `${one}s`): string {
  return `${formatLocalNumber(count, locale)} ${count === 1 ? one : many}`;
}
