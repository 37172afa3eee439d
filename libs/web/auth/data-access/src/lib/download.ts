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
