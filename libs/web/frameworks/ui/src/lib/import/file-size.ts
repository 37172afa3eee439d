const KB = 1024;
const MB = 1024 * KB;

const oneDecimal = new Intl.NumberFormat('en', { maximumFractionDigits: 1 });

/** A file size as people read it: "512 bytes", "16.6 KB", "25 MB" (binary units, as upload limits are counted). */
export function formatFileSize(bytes: number): string {
  if (bytes < KB) return `${bytes} ${bytes === 1 ? 'byte' : 'bytes'}`;
  if (bytes < MB) return `${oneDecimal.format(bytes / KB)} KB`;
  return `${oneDecimal.format(bytes / MB)} MB`;
}
