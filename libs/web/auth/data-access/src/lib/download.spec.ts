import { filenameFromContentDisposition } from './download';

describe('filenameFromContentDisposition', () => {
  it.each([
    ['attachment; filename="proficio-ada-lovelace-2026-03-01.json"', 'proficio-ada-lovelace-2026-03-01.json'],
    ['attachment; filename=plain.json', 'plain.json'],
    ['attachment; filename="fallback.json"; filename*=UTF-8\'\'zo%C3%AB.json', 'zoë.json'],
    ['attachment; filename="../../etc/passwd"', 'passwd'],
    ['attachment; filename="a\\\\b.json"', 'b.json'],
  ])('reads %s as %s', (header, expected) => {
    expect(filenameFromContentDisposition(header)).toBe(expected);
  });

  it.each([[null], [''], ['attachment'], ['attachment; filename=""']])('finds no name in %p', (header) => {
    expect(filenameFromContentDisposition(header)).toBeNull();
  });
});
