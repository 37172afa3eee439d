import { formatFileSize } from './file-size';

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
