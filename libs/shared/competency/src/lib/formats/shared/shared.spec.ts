import { jsonErrorOffset, lineColumn } from './issues';
import { decodeText, firstInvalidUtf8Offset } from './text-decoding';

describe('decodeText', () => {
  it.each([
    ['UTF-8', [0x63, 0x61, 0x66, 0xc3, 0xa9], 'café', 'utf-8', false],
    ['UTF-8 with BOM', [0xef, 0xbb, 0xbf, 0xe2, 0x80, 0x9c, 0x78, 0xe2, 0x80, 0x9d], '“x”', 'utf-8', true],
    ['Windows-1252 (curly quotes, €, …, é)', [0x93, 0x78, 0x94, 0x20, 0x80, 0x85, 0x20, 0xe9, 0x92], '“x” €… é’', 'windows-1252', false],
  ])('%s', (_name, bytes, text, encoding, hadBom) => {
    expect(decodeText(new Uint8Array(bytes))).toEqual({ text, encoding, hadBom });
  });

  it('takes strings as decoded and drops a BOM', () => {
    expect(decodeText('\uFEFFa,b')).toEqual({ text: 'a,b', encoding: 'utf-8', hadBom: true });
  });

  it('finds the first invalid UTF-8 byte', () => {
    expect(firstInvalidUtf8Offset(new Uint8Array([0x61, 0xc3, 0xa9, 0xe9, 0x62]))).toBe(3);
    expect(firstInvalidUtf8Offset(new Uint8Array([0x61, 0xc3, 0xa9]))).toBe(-1);
  });
});

describe('jsonErrorOffset', () => {
  it.each([
    ['{"a": 1,}', 'line 1, column 9'],
    ['{\n  "a": [1, 2\n}', 'line 3, column 1'],
    ['{"a": tru}', 'line 1, column 7'],
    ['[1] 2', 'line 1, column 5'],
    ['"\\x"', 'line 1, column 3'],
  ])('%j fails at %s', (text, location) => {
    expect(() => JSON.parse(text)).toThrow();
    expect(lineColumn(text, jsonErrorOffset(text))).toBe(location);
  });
});
