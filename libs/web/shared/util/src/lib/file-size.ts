import { formatLocalNumber } from './local-number';

const KB = 1024;
const MB = 1024 * KB;

/**
 * A file size as people read it in `locale`: "512 bytes", "16.6 KB", "25 MB" in en-GB, "16,6 KB" in German
 * (binary units, as upload limits are counted).
 */
export function formatFileSize(bytes: number, locale: string): string {
  if (bytes < KB) return `${formatLocalNumber(bytes, locale)} ${bytes === 1 ? 'byte' : 'bytes'}`;
  if (bytes < MB) return `${formatLocalNumber(bytes / KB, locale, 1)} KB`;
  return `${formatLocalNumber(bytes / MB, locale, 1)} MB`;
}

/** Why a chosen file cannot be uploaded because of its size, or null when it is small enough; sizes in `locale`. */
export function fileTooLargeMessage(file: File | null, maxBytes: number, locale: string): string | null {
  return file && file.size > maxBytes
    ? `${file.name} is ${formatFileSize(file.size, locale)}: larger than the ${formatFileSize(maxBytes, locale)} Proficio can import.`
    : null;
}
