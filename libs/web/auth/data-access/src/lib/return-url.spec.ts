import { safeReturnUrl } from './return-url';

describe('safeReturnUrl', () => {
  it.each<[string | null | undefined, string | null]>([
    ['/frameworks', '/frameworks'],
    ['/frameworks/abc?lang=it&competency=x#levels', '/frameworks/abc?lang=it&competency=x#levels'],
    ['/', '/'],
    [null, null],
    [undefined, null],
    ['', null],
    ['frameworks', null],
    ['https://evil.test/', null],
    ['http://localhost:4200/frameworks', null],
    ['//evil.test', null],
    ['/\\evil.test', null],
    ['/\t/evil.test', null],
    ['javascript:alert(1)', null],
    ['/sign-in', null],
    ['/sign-in?returnUrl=%2Fframeworks', null],
  ])('%p → %p', (value, expected) => {
    expect(safeReturnUrl(value)).toBe(expected);
  });
});
