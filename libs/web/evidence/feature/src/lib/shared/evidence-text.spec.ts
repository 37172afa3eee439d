import { en } from '@proficio/web/evidence/data-access/testing';
import { claimLevelText, fromIsoDate, isWebLink, levelName, toIsoDate } from './evidence-text';

describe('evidence text', () => {
  it.each<[string, string | undefined, string]>([
    ['e-2', 'Professional', 'e-2 Professional'],
    ['2', 'Level 2', 'Level 2'],
    ['3', 'Livello 3', 'Livello 3'],
    ['e-2', 'e-2', 'e-2'],
    ['e-2', undefined, 'e-2'],
  ])('names level %s labelled %p "%s"', (code, label, name) => {
    expect(levelName(code, label)).toBe(name);
  });

  it('names a claimed level by its number where the scale gives no code', () => {
    expect(claimLevelText({ level: 4 })).toBe('Level 4');
    expect(claimLevelText({ level: 2, levelCode: 'e-2', levelLabel: en('Professional') })).toBe('e-2 Professional');
  });

  it.each<[string, boolean]>([
    ['https://tickets.example.test/INC-1', true],
    ['http://intranet/wiki', true],
    ['javascript:alert(1)', false],
    ['data:text/html,<b>x</b>', false],
    ['not a link', false],
  ])('follows %s as a link: %p', (value, followed) => {
    expect(isWebLink(value)).toBe(followed);
  });

  it('writes and reads calendar days in local time', () => {
    expect(toIsoDate(new Date(2026, 1, 2, 23, 30))).toBe('2026-02-02');
    expect(fromIsoDate('2026-02-02')?.getDate()).toBe(2);
    expect(fromIsoDate('02/02/2026')).toBeNull();
    expect(toIsoDate(null)).toBeNull();
  });
});
