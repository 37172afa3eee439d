import { DOCUMENT } from '@angular/common';
import { DestroyRef, Signal, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import type { Observable } from 'rxjs';
import { DownloadedFile, saveFile } from './download';

/** A download button's state: what is being prepared, the file last saved, and why the last one failed. */
export interface FileDownload<K> {
  /** What is being prepared (e.g. the export format), or null when nothing is. */
  readonly busy: Signal<K | null>;
  /** The name of the file last saved. */
  readonly downloaded: Signal<string | null>;
  readonly error: Signal<string | null>;
  /** Fetches the file and hands it to the browser; ignored while another download is being prepared. */
  start(what: K, request: Observable<DownloadedFile>, describeError: (error: unknown) => string): void;
}

/**
 * The one recipe for a file the API sends (with the access token, never a plain link): call it in an
 * injection context (a field initialiser); the request stops when the component is destroyed.
 */
export function fileDownload<K = true>(): FileDownload<K> {
  const document = inject(DOCUMENT);
  const destroyRef = inject(DestroyRef);
  const busy = signal<K | null>(null);
  const downloaded = signal<string | null>(null);
  const error = signal<string | null>(null);
  return {
    busy: busy.asReadonly(),
    downloaded: downloaded.asReadonly(),
    error: error.asReadonly(),
    start(what, request, describeError) {
      if (busy() !== null) return;
      busy.set(what);
      downloaded.set(null);
      error.set(null);
      request.pipe(takeUntilDestroyed(destroyRef)).subscribe({
        next: ({ blob, filename }) => {
          saveFile(blob, filename, document);
          busy.set(null);
          downloaded.set(filename);
        },
        error: (failure: unknown) => {
          busy.set(null);
          error.set(describeError(failure));
        },
      });
    },
  };
}
