import { Signal, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NamedRef } from '@proficio/shared/contracts';
import { Observable, catchError, debounceTime, distinctUntilChanged, filter, map, merge, of, startWith, switchMap } from 'rxjs';
import { PeopleApi } from '../lib/people-api';

/** How long the search waits for typing to pause. */
export const PEOPLE_SEARCH_DEBOUNCE_MS = 250;
/** How many people the search offers at a time. */
export const PEOPLE_SEARCH_PAGE_SIZE = 10;

/** What a search by name found: the first people, and how many more matched. */
export interface FoundPeople {
  readonly items: readonly NamedRef[];
  /** Matches not shown. */
  readonly more: number;
}

export const NO_PEOPLE_FOUND: FoundPeople = { items: [], more: 0 };

/** A search field that holds the text typed, or the person picked from its list (a form control fits). */
export interface PeopleSearchField {
  readonly value: string | NamedRef;
  readonly valueChanges: Observable<string | NamedRef>;
}

/**
 * A search by name among active people (`GET /api/employees?q=&status=active`) for a field with an autocomplete: the
 * text typed, trimmed, once typing has paused for `PEOPLE_SEARCH_DEBOUNCE_MS`, and the first people as soon as the
 * empty field gets focus (`focused`). A person picked (not text) searches nothing; a failed search finds nobody; a new
 * search cancels the one in flight. Call it in an injection context (a field initialiser).
 */
export function searchActivePeople(field: PeopleSearchField, focused: Observable<void>): Signal<FoundPeople> {
  const api = inject(PeopleApi);
  return toSignal(
    merge(
      field.valueChanges.pipe(
        filter((value): value is string => typeof value === 'string'),
        map((value) => value.trim()),
        debounceTime(PEOPLE_SEARCH_DEBOUNCE_MS),
      ),
      focused.pipe(
        filter(() => field.value === ''),
        map(() => ''),
      ),
    ).pipe(
      distinctUntilChanged(),
      switchMap((q) =>
        api.listEmployees({ q, status: 'active', pageSize: PEOPLE_SEARCH_PAGE_SIZE }).pipe(
          map((page): FoundPeople => ({
            items: page.items.map((person) => ({ id: person.id, name: person.name })),
            more: Math.max(0, page.total - page.items.length),
          })),
          catchError(() => of(NO_PEOPLE_FOUND)),
        ),
      ),
      startWith(NO_PEOPLE_FOUND),
    ),
    { initialValue: NO_PEOPLE_FOUND },
  );
}
