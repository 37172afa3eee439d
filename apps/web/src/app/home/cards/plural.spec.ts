import { pluralIn } from './plural';

describe('pluralIn', () => {
  it.each<[string, number, string, string | undefined, string]>([
    ['en-GB', 0, 'assessment', undefined, '0 assessments'],
    ['en-GB', 1, 'assessment', undefined, '1 assessment'],
    ['en-GB', 2, 'assessment', undefined, '2 assessments'],
    ['en-GB', 1, 'person', 'people', '1 person'],
    ['en-GB', 7, 'person', 'people', '7 people'],
    ['en-GB', 1234, 'person', 'people', '1,234 people'],
    ['de-DE', 1234, 'person', 'people', '1.234 people'],
  ])('in %s counts %i %s', (locale, count, one, many, expected) => {
    expect(pluralIn(locale)(count, one, many)).toBe(expected);
  });
});
