import { fileTooLargeMessage, formatFileSize } from './file-size';

describe('formatFileSize', () => {
  it.each([
    [0, '0 bytes'],
    [1, '1 byte'],
    [1023, '1023 bytes'],
    [17013, '16.6 KB'],
    [25 * 1024 * 1024, '25 MB'],
    [26 * 1024 * 1024 + 300_000, '26.3 MB'],
  ])('formats %p bytes as %p', (bytes, text) => {
    expect(formatFileSize(bytes)).toBe(text);
  });
});

describe('fileTooLargeMessage', () => {
  const file = (bytes: number) => new File([new Uint8Array(bytes)], 'people.csv');

  it('names the file, its size and the limit when it is larger than the limit', () => {
    expect(fileTooLargeMessage(file(2560), 2048)).toBe('people.csv is 2.5 KB: larger than the 2 KB Proficio can import.');
    expect(fileTooLargeMessage(file(3 * 1024), 2048)).toBe('people.csv is 3 KB: larger than the 2 KB Proficio can import.');
  });

  it('is null for a file of the limit or smaller, and for no file', () => {
    expect(fileTooLargeMessage(file(2048), 2048)).toBeNull();
    expect(fileTooLargeMessage(null, 2048)).toBeNull();
  });
});
