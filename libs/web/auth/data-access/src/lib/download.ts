/** A file the API sent as a download. */
export interface DownloadedFile {
  readonly blob: Blob;
  readonly filename: string;
}

/**
 * The file name of a `Content-Disposition: attachment; filename="…"` header
 * (or `filename*=UTF-8''…`), reduced to a plain name: no folders, no quotes.
 * `null` when the header names none.
 */
export function filenameFromContentDisposition(header: string | null | undefined): string | null {
  if (!header) return null;
  const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header);
  const plain = /filename\s*=\s*"([^"]*)"|filename\s*=\s*([^;\s]+)/.exec(header);
  let name: string | undefined;
  try {
    name = extended?.[1] ? decodeURIComponent(extended[1].trim()) : (plain?.[1] ?? plain?.[2]);
  } catch {
    name = plain?.[1] ?? plain?.[2];
  }
  const safe = name
    ?.split(/[/\\]/)
    .pop()
    // eslint-disable-next-line no-control-regex -- control characters are what this removes
    ?.replace(/[\u0000-\u001f\u007f"]/g, '')
    .trim();
  return safe ? safe : null;
}

/** Hands a file to the browser's download (the same as clicking a download link). */
export function saveFile(blob: Blob, filename: string, document: Document): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // the download has started; the object URL can go once this task is over
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
