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
