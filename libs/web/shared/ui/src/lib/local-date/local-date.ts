import { Pipe, PipeTransform, inject } from '@angular/core';
import { BROWSER_LOCALE } from '../../locale/browser-locale';

export type LocalDateStyle = 'date' | 'dateTime';

const OPTIONS: Record<LocalDateStyle, Intl.DateTimeFormatOptions> = {
  date: { dateStyle: 'long' },
  dateTime: { dateStyle: 'medium', timeStyle: 'short' },
};

/** A date (`YYYY-MM-DD`, shown as that calendar day) or a timestamp, in the browser's language and order. */
export function formatLocalDate(value: string | Date | null | undefined, locale: string, style: LocalDateStyle = 'date'): string {
  if (value === null || value === undefined || value === '') return '';
  const dateOnly = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);
  // A calendar date is the same day everywhere: read and shown in UTC, not shifted by the time zone.
  const date = dateOnly ? new Date(`${value}T00:00:00Z`) : new Date(value);
  if (Number.isNaN(date.getTime())) return '';
  return new Intl.DateTimeFormat(locale, { ...OPTIONS[style], ...(dateOnly ? { timeZone: 'UTC' } : {}) }).format(date);
}

/**
 * `{{ value | localDate }}` (a long date) or `{{ value | localDate: 'dateTime' }}`: dates as the
 * person's browser writes them (30 novembre 2026 in Italian, 30 November 2026 in British English,
 * November 30, 2026 in US English), instead of one fixed US format.
 */
@Pipe({ name: 'localDate' })
export class LocalDatePipe implements PipeTransform {
  private readonly locale = inject(BROWSER_LOCALE);

  transform(value: string | Date | null | undefined, style: LocalDateStyle = 'date'): string {
    return formatLocalDate(value, this.locale, style);
  }
}
