import { countText, formatLocalNumber } from './local-number';

describe('formatLocalNumber', () => {
  it.each([
    [1234, 'en-GB', '1,234'],
    [1234, 'en-US', '1,234'],
    [12345, 'de-DE', '12.345'],
    [1234567, 'fr-FR', '1\u202f234\u202f567'],
    [1234567, 'hi-IN', '12,34,567'],
    [7, 'de-DE', '7'],
    [0, 'en-GB', '0'],
  ])('writes %p in %s as %p', (value, locale, text) => {
    expect(formatLocalNumber(value, locale)).toBe(text);
  });

  it('rounds to whole numbers unless told how many decimals to keep', () => {
    expect(formatLocalNumber(16.61, 'en-GB')).toBe('17');
    expect(formatLocalNumber(16.61, 'de-DE', 1)).toBe('16,6');
  });

  it('writes nothing for no number', () => {
    expect(formatLocalNumber(null, 'en-GB')).toBe('');
    expect(formatLocalNumber(undefined, 'en-GB')).toBe('');
    expect(formatLocalNumber(Number.NaN, 'en-GB')).toBe('');
  });
});

describe('countText', () => {
  it.each([
    [1, 'en-GB', '1 person'],
    [0, 'en-GB', '0 people'],
    [1234, 'en-GB', '1,234 people'],
    [1234, 'de-DE', '1.234 people'],
  ])('counts %p in %s as %p', (count, locale, text) => {
    expect(countText(count, locale, 'person', 'people')).toBe(text);
  });
});
