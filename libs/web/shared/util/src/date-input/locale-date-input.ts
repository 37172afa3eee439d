import { Provider, inject } from '@angular/core';
import { MAT_LUXON_DATE_FORMATS, provideLuxonDateAdapter } from '@angular/material-luxon-adapter';
import { MAT_DATE_LOCALE, MatDateFormats } from '@angular/material/core';
import { DateTime } from 'luxon';

/**
 * Typed dates are read in the locale's short form (Luxon's `D`: 01/02/2026 is 1 February in en-GB, 2 January in
 * en-US, 1.2.2026 in German) or as ISO `2026-02-01`; the input shows the locale's short form.
 */
const LOCALE_DATE_FORMATS: MatDateFormats = {
  ...MAT_LUXON_DATE_FORMATS,
  parse: { ...MAT_LUXON_DATE_FORMATS.parse, dateInput: ['D', 'yyyy-MM-dd'] },
};

/**
 * Date pickers that read and write dates in `MAT_DATE_LOCALE` (the browser's language, see app.config.ts), holding
 * Luxon `DateTime`s at local midnight. Provide it in the component (`providers: [provideLocaleDateAdapter()]`) so
 * that Luxon loads with the lazy pages that have a date field, not with the app's first page.
 */
export function provideLocaleDateAdapter(): Provider[] {
  return provideLuxonDateAdapter(LOCALE_DATE_FORMATS);
}

const PATTERN_LETTERS: Partial<Record<Intl.DateTimeFormatPartTypes, string>> = { day: 'DD', month: 'MM', year: 'YYYY' };

/** How the locale writes a date, for a field's hint: `DD/MM/YYYY` in en-GB, `MM/DD/YYYY` in en-US, `DD.MM.YYYY` in German. */
export function dateInputPattern(locale: string): string {
  return (
    new Intl.DateTimeFormat(locale, { day: '2-digit', month: '2-digit', year: 'numeric' })
      .formatToParts(new Date(2026, 10, 30))
      .map((part) => PATTERN_LETTERS[part.type] ?? part.value)
      .join('')
      // right-to-left locales mark the direction around the separators: a hint reads the same without them
      .replace(/[\u200e\u200f\u061c]/g, '')
  );
}

/** The date pattern of the locale the date pickers use (`MAT_DATE_LOCALE`), e.g. `DD/MM/YYYY`. */
export function injectDateInputPattern(): string {
  return dateInputPattern(String(inject(MAT_DATE_LOCALE)));
}

/** `2026-02-01` for a date picked or typed (its calendar day where it was picked), or null. */
export function toIsoDate(date: DateTime | null | undefined): string | null {
  return date?.isValid ? date.toISODate() : null;
}

/** The calendar day `2026-02-01` as a date picker holds it (local midnight); null for anything else. */
export function fromIsoDate(value: string | null | undefined): DateTime | null {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const date = DateTime.fromISO(value);
  return date.isValid ? date : null;
}

/** Today at local midnight, as a date picker holds dates (for `[max]` and "not in the future"). */
export function localToday(): DateTime {
  return DateTime.local().startOf('day');
}
