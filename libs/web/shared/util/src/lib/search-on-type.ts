import { Signal, isSignal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { Page } from '@proficio/shared/contracts';
import { Observable, catchError, concat, debounceTime, distinctUntilChanged, filter, map, merge, of, scan, switchMap } from 'rxjs';

/** How long a search-as-you-type field waits for typing to pause before it searches. */
export const SEARCH_ON_TYPE_DEBOUNCE_MS = 250;

/** A field that holds the text typed, or something picked from its list (a form control fits). */
export interface SearchOnTypeField {
  readonly value: unknown;
  readonly valueChanges: Observable<unknown>;
}

/** What a search as you type found. */
export interface FoundOnType<T> {
  /** The first matches (a page). */
  readonly items: readonly T[];
  /** Matches not listed: "N more match: type more". */
  readonly more: number;
  /** The text searched for, trimmed ('' for the first ones). */
  readonly q: string;
  /** A search is in flight (the items are still those of the last one). */
  readonly searching: boolean;
  /** The last search failed (it found nothing). */
  readonly failed: boolean;
}

export interface SearchOnTypeOptions {
  /** How long typing pauses before a search (`SEARCH_ON_TYPE_DEBOUNCE_MS`). */
  readonly debounceMs?: number;
}

export const NOTHING_FOUND_ON_TYPE: FoundOnType<never> = { items: [], more: 0, q: '', searching: false, failed: false };

/**
 * The search behind a "search and pick" field with an autocomplete: the text typed, trimmed, once typing has paused;
 * the first matches (`q` '') as soon as the empty field gets focus (`focused`; a field that shows text or a pick does
 * not search again on focus, so that its panel does not open once more after a pick). A pick (anything but text)
 * searches nothing and finds nothing; the same text is not searched twice in a row; a new search cancels the one in
 * flight; a failed search finds nothing. `field` may be a signal (a component's input). Call it in an injection
 * context (a field initialiser).
 */
export function searchOnType<T>(
  field: SearchOnTypeField | Signal<SearchOnTypeField>,
  focused: Observable<unknown>,
  search: (q: string) => Observable<Pick<Page<T>, 'items' | 'total'>>,
  options: SearchOnTypeOptions = {},
): Signal<FoundOnType<T>> {
  const fields = isSignal(field) ? toObservable(field) : of(field);
  const wanted = fields.pipe(
    switchMap((current) =>
      merge(
        current.valueChanges.pipe(
          map((value) => (typeof value === 'string' ? value.trim() : null)),
          debounceTime(options.debounceMs ?? SEARCH_ON_TYPE_DEBOUNCE_MS),
        ),
        focused.pipe(
          filter(() => current.value === null || current.value === ''),
          map(() => ''),
        ),
      ),
    ),
    distinctUntilChanged(),
  );
  return toSignal(
    wanted.pipe(
      switchMap((q): Observable<Partial<FoundOnType<T>>> => {
        if (q === null) return of(NOTHING_FOUND_ON_TYPE);
        return concat(
          of({ searching: true }),
          search(q).pipe(
            map((page) => ({ items: page.items, more: Math.max(0, page.total - page.items.length), q, searching: false, failed: false })),
            catchError(() => of({ ...NOTHING_FOUND_ON_TYPE, q, failed: true })),
          ),
        );
      }),
      scan((found: FoundOnType<T>, change) => ({ ...found, ...change }), NOTHING_FOUND_ON_TYPE),
    ),
    { initialValue: NOTHING_FOUND_ON_TYPE },
  );
}
