import { inject } from '@angular/core';
import { NamedRef, Page } from '@proficio/shared/contracts';
import { SEARCH_ON_TYPE_DEBOUNCE_MS } from '@proficio/web/shared/util';
import { Observable, map } from 'rxjs';
import { PeopleApi } from '../lib/people-api';

/** How long a people picker waits for typing to pause (the shared search picker's wait). */
export const PEOPLE_SEARCH_DEBOUNCE_MS = SEARCH_ON_TYPE_DEBOUNCE_MS;
/** How many people the search offers at a time. */
export const PEOPLE_SEARCH_PAGE_SIZE = 10;

/**
 * The search of a people picker (`app-search-picker`'s `search`): active people by name
 * (`GET /api/employees?q=&status=active`), the first `PEOPLE_SEARCH_PAGE_SIZE`, as names. Call it in an injection
 * context (a field initialiser).
 */
export function activePeopleSearch(): (q: string) => Observable<Page<NamedRef>> {
  const api = inject(PeopleApi);
  return (q) =>
    api
      .listEmployees({ q, status: 'active', pageSize: PEOPLE_SEARCH_PAGE_SIZE })
      .pipe(map((page) => ({ ...page, items: page.items.map((person): NamedRef => ({ id: person.id, name: person.name })) })));
}
