import { formatLocalDate } from './local-date';

describe('formatLocalDate', () => {
  it.each([
    ['2026-11-30', 'en-GB', '30 November 2026'],
    ['2026-11-30', 'en-US', 'November 30, 2026'],
    ['2026-11-30', 'it-IT', '30 novembre 2026'],
    ['2026-01-01', 'en-US', 'January 1, 2026'],
  ])('%s in %s is %s, the same calendar day in every time zone', (value, locale, expected) => {
    expect(formatLocalDate(value, locale)).toBe(expected);
  });

  it('writes a timestamp with its time, in the locale’s order', () => {
    const text = formatLocalDate('2026-03-02T10:15:00.000Z', 'en-GB', 'dateTime');
    expect(text).toMatch(/^2 Mar 2026, \d{2}:\d{2}$/);
  });

  it('writes nothing for no value or a value that is not a date', () => {
    expect(formatLocalDate(null, 'en-GB')).toBe('');
    expect(formatLocalDate('', 'en-GB')).toBe('');
    expect(formatLocalDate('not a date', 'en-GB')).toBe('');
  });
});
