import { plural } from './plural';

describe('plural', () => {
  it.each<[number, string, string | undefined, string]>([
    [0, 'assessment', undefined, '0 assessments'],
    [1, 'assessment', undefined, '1 assessment'],
    [2, 'assessment', undefined, '2 assessments'],
    [1, 'person', 'people', '1 person'],
    [7, 'person', 'people', '7 people'],
  ])('counts %i %s', (count, one, many, expected) => {
    expect(plural(count, one, many)).toBe(expected);
  });
});
