export type TextEncodingName = 'utf-8' | 'windows-1252';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
  /** The input started with a UTF-8 byte order mark (removed from `text`). */
  hadBom: boolean;
}

/**
 * Decodes an uploaded file: UTF-8 (with or without BOM) when the bytes are
 * valid UTF-8, else Windows-1252 (what Excel on Windows writes, and what the
 * SFIA Foundation publishes). Strings are taken as already decoded.
 * Uses only TextDecoder (UTF-8) and a small table, so the library stays free
 * of Node-only modules and runs in browsers too.
 */
export function decodeText(input: Uint8Array | string): DecodedText {
  if (typeof input === 'string') {
    const hadBom = input.startsWith('\uFEFF');
    return { text: hadBom ? input.slice(1) : input, encoding: 'utf-8', hadBom };
  }
  const hadBom = input.length >= 3 && input[0] === 0xef && input[1] === 0xbb && input[2] === 0xbf;
  const bytes = hadBom ? input.subarray(3) : input;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes), encoding: 'utf-8', hadBom };
  } catch {
    return { text: decodeWindows1252(bytes), encoding: 'windows-1252', hadBom };
  }
}

/** Code points of the bytes 0x80–0x9F in Windows-1252 (undefined bytes map to the same C1 code point). */
const WINDOWS_1252_HIGH = [
  0x20ac, 0x0081, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008d, 0x017d, 0x008f, 0x0090,
  0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x009d, 0x017e, 0x0178,
];

/**
 * Windows-1252 decoding. Written out because Node's TextDecoder decodes the
 * "windows-1252" label as ISO-8859-1 (curly quotes, € and … come out as C1
 * control characters); bytes outside 0x80–0x9F are Latin-1.
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = bytes.subarray(i, i + 8192);
    out += String.fromCharCode(...Array.from(chunk, (b) => (b >= 0x80 && b < 0xa0 ? WINDOWS_1252_HIGH[b - 0x80] : b)));
  }
  return out;
}

/** Byte offset of the first invalid UTF-8 sequence, for error locations; -1 when valid. */
export function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    const length = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length === 0) return i;
    for (let k = 1; k < length; k++) {
      if (i + k >= bytes.length || (bytes[i + k] & 0xc0) !== 0x80) return i;
    }
    i += length;
  }
  return -1;
}
