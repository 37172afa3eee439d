import { escapeLike } from './sql';

describe('escapeLike', () => {
  it.each([
    ['plain', 'plain'],
    ['100%', '100\\%'],
    ['snake_case', 'snake\\_case'],
    ['back\\slash', 'back\\\\slash'],
    ["O'Brien", "O'Brien"],
  ])('%s -> %s', (text, escaped) => {
    expect(escapeLike(text)).toBe(escaped);
  });
});
