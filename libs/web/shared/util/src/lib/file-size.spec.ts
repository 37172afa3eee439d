import { fileTooLargeMessage, formatFileSize } from './file-size';

describe('formatFileSize', () => {
  it.each([
    [0, 'en-GB', '0 bytes'],
    [1, 'en-GB', '1 byte'],
    [1023, 'en-GB', '1,023 bytes'],
    [1023, 'de-DE', '1.023 bytes'],
    [17013, 'en-GB', '16.6 KB'],
    [17013, 'de-DE', '16,6 KB'],
    [25 * 1024 * 1024, 'en-GB', '25 MB'],
    [26 * 1024 * 1024 + 300_000, 'en-US', '26.3 MB'],
    [26 * 1024 * 1024 + 300_000, 'fr-FR', '26,3 MB'],
    [2000 * 1024 * 1024, 'en-GB', '2,000 MB'],
  ])('formats %p bytes in %s as %p', (bytes, locale, text) => {
    expect(formatFileSize(bytes, locale)).toBe(text);
  });
});

describe('fileTooLargeMessage', () => {
  const file = (bytes: number) => new File([new Uint8Array(bytes)], 'people.csv');

  it('names the file, its size and the limit when it is larger than the limit, in the locale', () => {
    expect(fileTooLargeMessage(file(2560), 2048, 'en-GB')).toBe('people.csv is 2.5 KB: larger than the 2 KB Proficio can import.');
    expect(fileTooLargeMessage(file(3 * 1024), 2048, 'en-GB')).toBe('people.csv is 3 KB: larger than the 2 KB Proficio can import.');
    expect(fileTooLargeMessage(file(2560), 2048, 'de-DE')).toBe('people.csv is 2,5 KB: larger than the 2 KB Proficio can import.');
  });

  it('is null for a file of the limit or smaller, and for no file', () => {
    expect(fileTooLargeMessage(file(2048), 2048, 'en-GB')).toBeNull();
    expect(fileTooLargeMessage(null, 2048, 'en-GB')).toBeNull();
  });
});
