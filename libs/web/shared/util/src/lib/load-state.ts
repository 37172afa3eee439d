import { Observable, OperatorFunction, catchError, map, of, startWith } from 'rxjs';
import { ApiProblem, problemFromError } from './api-problem';

/** One request's progress, for pages that turn a request stream into a signal with `toSignal`. */
export type LoadState<T> =
  | { readonly status: 'loading' }
  | { readonly status: 'loaded'; readonly value: T }
  | { readonly status: 'error'; readonly problem: ApiProblem };

export const LOADING: LoadState<never> = { status: 'loading' };

/** Emits `loading`, then `loaded` with the value or `error` with the problem; never errors itself. */
export function toLoadState<T>(): OperatorFunction<T, LoadState<T>> {
  return (source: Observable<T>) =>
    source.pipe(
      map((value): LoadState<T> => ({ status: 'loaded', value })),
      catchError((error: unknown) => of<LoadState<T>>({ status: 'error', problem: problemFromError(error) })),
      startWith<LoadState<T>>(LOADING),
    );
}
