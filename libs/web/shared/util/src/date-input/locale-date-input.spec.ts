import { TestBed } from '@angular/core/testing';
import { DateAdapter, MAT_DATE_FORMATS, MAT_DATE_LOCALE, MatDateFormats } from '@angular/material/core';
import { DateTime } from 'luxon';
import {
  dateInputPattern,
  fromIsoDate,
  injectDateInputPattern,
  localToday,
  provideLocaleDateAdapter,
  toIsoDate,
} from './locale-date-input';

describe('dateInputPattern', () => {
  it.each([
    ['en-GB', 'DD/MM/YYYY'],
    ['en-US', 'MM/DD/YYYY'],
    ['it-IT', 'DD/MM/YYYY'],
    ['de', 'DD.MM.YYYY'],
    ['fr-FR', 'DD/MM/YYYY'],
    ['nl', 'DD-MM-YYYY'],
    ['sv-SE', 'YYYY-MM-DD'],
    ['ja-JP', 'YYYY/MM/DD'],
    ['ar-EG', 'DD/MM/YYYY'],
  ])('writes a date in %s as %s', (locale, pattern) => {
    expect(dateInputPattern(locale)).toBe(pattern);
  });
});

describe('provideLocaleDateAdapter', () => {
  function adapterFor(locale: string): { adapter: DateAdapter<DateTime>; formats: MatDateFormats } {
    TestBed.configureTestingModule({ providers: [{ provide: MAT_DATE_LOCALE, useValue: locale }, provideLocaleDateAdapter()] });
    return { adapter: TestBed.inject<DateAdapter<DateTime>>(DateAdapter), formats: TestBed.inject(MAT_DATE_FORMATS) };
  }
  const typed = (locale: string, text: string): string | null => {
    const { adapter, formats } = adapterFor(locale);
    return toIsoDate(adapter.parse(text, formats.parse.dateInput));
  };

  it.each([
    ['en-GB', '01/02/2026', '2026-02-01'],
    ['en-GB', '1/2/2026', '2026-02-01'],
    ['en-US', '01/02/2026', '2026-01-02'],
    ['en-US', '1/2/2026', '2026-01-02'],
    ['de', '1.2.2026', '2026-02-01'],
    ['it-IT', '01/02/2026', '2026-02-01'],
    ['en-GB', '2026-02-01', '2026-02-01'],
    ['en-US', '2026-02-01', '2026-02-01'],
  ])('reads %s %p as %p', (locale, text, iso) => {
    expect(typed(locale, text)).toBe(iso);
  });

  it.each([
    ['en-GB', '13/13/2026'],
    ['en-US', '31/01/2026'],
    ['en-GB', '1/2/26'],
    ['en-GB', 'soon'],
  ])('refuses %s %p rather than guess', (locale, text) => {
    const { adapter, formats } = adapterFor(locale);
    const parsed = adapter.parse(text, formats.parse.dateInput);
    expect(parsed && adapter.isValid(parsed)).toBe(false);
  });

  it.each([
    ['en-GB', '01/02/2026'],
    ['en-US', '2/1/2026'],
    ['de', '1.2.2026'],
  ])('shows 1 February 2026 in %s as %p', (locale, shown) => {
    const { adapter, formats } = adapterFor(locale);
    expect(adapter.format(fromIsoDate('2026-02-01') as DateTime, formats.display.dateInput)).toBe(shown);
  });

  it("gives the hint of the pickers' locale", () => {
    TestBed.configureTestingModule({ providers: [{ provide: MAT_DATE_LOCALE, useValue: 'en-GB' }] });
    expect(TestBed.runInInjectionContext(() => injectDateInputPattern())).toBe('DD/MM/YYYY');
  });
});

describe('toIsoDate and fromIsoDate', () => {
  it('turn a calendar day into YYYY-MM-DD and back, at local midnight', () => {
    const date = fromIsoDate('2024-03-01') as DateTime;
    expect([date.year, date.month, date.day, date.hour, date.minute]).toEqual([2024, 3, 1, 0, 0]);
    expect(toIsoDate(date)).toBe('2024-03-01');
    expect(toIsoDate(DateTime.local(2022, 1, 31))).toBe('2022-01-31');
  });

  it('give null for nothing and for what is not a date', () => {
    expect(toIsoDate(null)).toBeNull();
    expect(toIsoDate(undefined)).toBeNull();
    expect(toIsoDate(DateTime.invalid('typed nonsense'))).toBeNull();
    expect(fromIsoDate(undefined)).toBeNull();
    expect(fromIsoDate('')).toBeNull();
    expect(fromIsoDate('2024-02-30')).toBeNull();
    expect(fromIsoDate('2024-03-01T10:00:00Z')).toBeNull();
  });

  it('localToday is the start of the current local day', () => {
    const today = localToday();
    expect(toIsoDate(today)).toBe(DateTime.local().toISODate());
    expect([today.hour, today.minute, today.second, today.millisecond]).toEqual([0, 0, 0, 0]);
  });
});
