import { en } from '@proficio/web/evidence/data-access/testing';
import { claimLevelText, isWebLink, levelName } from './evidence-text';

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
});
