import { levelName } from './assessment-text';

describe('levelName', () => {
  it.each([
    ['e-3', 'Senior professional', 3, 'e-3 Senior professional'],
    ['e-3', undefined, 3, 'e-3'],
    ['e-3', 'e-3', 3, 'e-3'],
    // seed 001's scales name their levels after the code: said once
    ['2', 'Level 2', 2, 'Level 2'],
    ['2', 'Level 12', 2, '2 Level 12'],
    [undefined, 'Professional', 2, '2 Professional'],
    [undefined, undefined, 4, '4'],
    [undefined, 'Professional', undefined, 'Professional'],
  ])('code %p, label %p, level %p: %p', (code, label, level, expected) => {
    expect(levelName(code, label, level)).toBe(expected);
  });
});
