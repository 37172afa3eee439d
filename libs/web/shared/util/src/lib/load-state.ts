import { Signal, WritableSignal, computed, linkedSignal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { EMPTY, Observable, OperatorFunction, Subject, catchError, combineLatest, map, merge, of, startWith, switchMap } from 'rxjs';
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

/** A request's state as the signals a page shows. */
export interface LoadStateParts<T> {
  /** The loaded value, or null while loading or after an error. */
  readonly value: Signal<T | null>;
  readonly loading: Signal<boolean>;
  /** Why the last request failed, or null. */
  readonly problem: Signal<ApiProblem | null>;
}

/** The value, busy flag and problem of the state in `state` (null: nothing asked yet, so none of them). */
export function loadStateParts<T>(state: Signal<LoadState<T> | null>): LoadStateParts<T> {
  return {
    value: computed(() => {
      const current = state();
      return current?.status === 'loaded' ? current.value : null;
    }),
    loading: computed(() => state()?.status === 'loading'),
    problem: computed(() => {
      const current = state();
      return current?.status === 'error' ? current.problem : null;
    }),
  };
}

/** A request a page shows: its state as signals, and a way to load it again. */
export interface Loaded<T> extends LoadStateParts<T> {
  /** What the API said last; `set` replaces it at once (e.g. with a write's answer). */
  readonly state: Signal<LoadState<T>>;
  /** Sends the request again for the current parameters (a retry, or a refresh after a write). */
  reload(): void;
  /** Shows a value without asking the API (the answer of a write); the next load replaces it. */
  set(value: T): void;
}

/** When to load again besides `reload()`: e.g. an area store's `changes`, after each saved write. */
export interface LoadedOptions {
  readonly reloadOn?: Observable<unknown>;
}

/**
 * Loads `request(params)` for each value of `params$` (or once, without params) and again on
 * `reload()` or `reloadOn`; a new value or a reload cancels a request still in flight. Call it in an injection
 * context (a field initialiser): it subscribes at once, so a synchronous answer is there on the
 * first change detection, and unsubscribes when the component is destroyed.
 */
export function loaded<T>(request: () => Observable<T>, options?: LoadedOptions): Loaded<T>;
export function loaded<P, T>(params$: Observable<P>, request: (params: P) => Observable<T>, options?: LoadedOptions): Loaded<T>;
export function loaded<P, T>(
  paramsOrRequest: Observable<P> | (() => Observable<T>),
  requestOrOptions?: ((params: P) => Observable<T>) | LoadedOptions,
  maybeOptions?: LoadedOptions,
): Loaded<T> {
  const reloads = new Subject<void>();
  const [params$, request, options] =
    typeof requestOrOptions === 'function'
      ? [paramsOrRequest as Observable<P>, requestOrOptions, maybeOptions]
      : [of(undefined as P), paramsOrRequest as () => Observable<T>, requestOrOptions];
  const loadedState = toSignal(
    combineLatest([params$, merge(reloads, options?.reloadOn ?? EMPTY).pipe(startWith(undefined))]).pipe(
      switchMap(([params]) => request(params).pipe(toLoadState())),
    ),
    { initialValue: LOADING as LoadState<T> },
  );
  const state: WritableSignal<LoadState<T>> = linkedSignal(() => loadedState());
  return {
    state: state.asReadonly(),
    ...loadStateParts<T>(state),
    reload: () => reloads.next(),
    set: (value) => state.set({ status: 'loaded', value }),
  };
}
