import { BodyShapeError, checkJsonShape } from './json-body';

describe('checkJsonShape', () => {
  it.each([
    ['an object', '{"a":1}'],
    ['leading white space', ' \n{"a":[1,2,3]}'],
    ['nesting at the limit', `${'{"a":'.repeat(3)}1${'}'.repeat(3)}`],
    ['brackets and escaped quotes inside strings', '{"a":"[[[{{{\\"[[[","b":"\\\\"}'],
    ['an array at the length limit', `{"a":[${Array(5).fill(1).join(',')}]}`],
  ])('accepts %s', (_name, text) => {
    expect(() => checkJsonShape(text, 3, 5)).not.toThrow();
  });

  it.each([
    ['a bare null', 'null', /must be a JSON object/],
    ['a bare array', '[1]', /must be a JSON object/],
    ['an empty body', '', /must be a JSON object/],
    ['nesting past the limit', `${'{"a":'.repeat(4)}1${'}'.repeat(4)}`, /deeper than 3 levels/],
    ['arrays nested past the limit', '{"a":[[[1]]]}', /deeper than 3 levels/],
    ['an array past the length limit', `{"a":[${Array(6).fill(1).join(',')}]}`, /more than 5 items/],
  ])('refuses %s', (_name, text, message) => {
    expect(() => checkJsonShape(text, 3, 5)).toThrow(BodyShapeError);
    expect(() => checkJsonShape(text, 3, 5)).toThrow(message);
  });

  it('counts commas inside nested objects against their own array only', () => {
    expect(() => checkJsonShape('{"a":[{"x":1,"y":2,"z":3,"w":4,"v":5,"u":6}]}', 5, 2)).not.toThrow();
  });
});
