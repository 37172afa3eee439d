import { malformedTextFields } from './well-formed-text';

describe('malformedTextFields', () => {
  it.each([
    ['plain text', { name: 'Zoë 🧑🏽‍💻 日本語' }, []],
    ['a NUL in a field', { name: 'a\u0000b' }, [{ field: 'name', message: 'must not contain the NUL character' }]],
    ['a lone high surrogate', { name: 'x\uD800y' }, [{ field: 'name', message: 'must be valid Unicode text (it holds a lone surrogate)' }]],
    [
      'a lone low surrogate at the end',
      { name: 'x\uDC00' },
      [{ field: 'name', message: 'must be valid Unicode text (it holds a lone surrogate)' }],
    ],
    ['a paired surrogate (an emoji)', { name: '\uD83D\uDE00' }, []],
    [
      'nested arrays and objects',
      { requirements: [{ note: 'ok' }, { note: '\u0000' }] },
      [{ field: 'requirements[1].note', message: 'must not contain the NUL character' }],
    ],
    ['a malformed key', { ['bad\u0000key']: 1 }, [{ field: 'bad\u0000key', message: 'name must not contain the NUL character' }]],
    ['numbers, booleans and null', { a: 1, b: true, c: null }, []],
    ['a bare string', 'x\u0000', [{ field: 'body', message: 'must not contain the NUL character' }]],
    ['nothing', undefined, []],
  ])('%s', (_case, value, expected) => {
    expect(malformedTextFields(value)).toEqual(expected);
  });
});
