const KB = 1024;
const MB = 1024 * KB;

const oneDecimal = new Intl.NumberFormat('en', { maximumFractionDigits: 1 });

/** A file size as people read it: "512 bytes", "16.6 KB", "25 MB" (binary units, as upload limits are counted). */
export function formatFileSize(bytes: number): string {
  if (bytes < KB) return `${bytes} ${bytes === 1 ? 'byte' : 'bytes'}`;
  if (bytes < MB) return `${oneDecimal.format(bytes / KB)} KB`;
  return `${oneDecimal.format(bytes / MB)} MB`;
}

/** Why a chosen file cannot be uploaded because of its size, or null when it is small enough. */
export function fileTooLargeMessage(file: File | null, maxBytes: number): string | null {
  return file && file.size > maxBytes
    ? `${file.name} is ${formatFileSize(file.size)}: larger than the ${formatFileSize(maxBytes)} Proficio can import.`
    : null;
}
