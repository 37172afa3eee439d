import { HttpEvent, HttpEventType } from '@angular/common/http';
import { Observable, OperatorFunction, catchError, filter, map, of } from 'rxjs';
import { ApiProblem, problemFromError } from './api-problem';

/**
 * One upload's progress, for pages that show it.
 * `sending`: bytes are going up; `total` is null while the browser has not said how many
 * (it never does with the `fetch` backend), so a page shows an indeterminate bar then.
 * `processing`: every byte is sent and the server is reading the file.
 */
export type UploadState<T> =
  | { readonly status: 'sending'; readonly loaded: number; readonly total: number | null }
  | { readonly status: 'processing' }
  | { readonly status: 'done'; readonly value: T }
  | { readonly status: 'error'; readonly problem: ApiProblem };

/** Whether an upload is under way: its bytes going up, or the server reading them. */
export function isUploading(state: UploadState<unknown> | null): boolean {
  return state?.status === 'sending' || state?.status === 'processing';
}

/** How far an upload is, 0–100, or null when unknown (or when there is none). */
export function uploadPercent(state: UploadState<unknown> | null): number | null {
  if (state?.status !== 'sending' || !state.total) return null;
  return Math.min(100, Math.round((state.loaded / state.total) * 100));
}

/**
 * Turns the event stream of a request made with `reportProgress: true, observe: 'events'`
 * into {@link UploadState}s; ends with `done` or `error` and never errors itself.
 */
export function toUploadState<T>(): OperatorFunction<HttpEvent<T>, UploadState<T>> {
  return (source: Observable<HttpEvent<T>>) =>
    source.pipe(
      map((event): UploadState<T> | null => {
        switch (event.type) {
          case HttpEventType.Sent:
            return { status: 'sending', loaded: 0, total: null };
          case HttpEventType.UploadProgress:
            if (event.total && event.loaded >= event.total) return { status: 'processing' };
            return { status: 'sending', loaded: event.loaded, total: event.total ?? null };
          case HttpEventType.ResponseHeader:
          case HttpEventType.DownloadProgress:
            return { status: 'processing' };
          case HttpEventType.Response:
            return { status: 'done', value: event.body as T };
          default:
            return null;
        }
      }),
      filter((state): state is UploadState<T> => state !== null),
      catchError((error: unknown) => of<UploadState<T>>({ status: 'error', problem: problemFromError(error) })),
    );
}
