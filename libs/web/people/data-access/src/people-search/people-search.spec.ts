import { EnvironmentInjector, Signal, createEnvironmentInjector, runInInjectionContext } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { EmployeeListQuery, NamedRef } from '@proficio/shared/contracts';
import { Subject, of, throwError } from 'rxjs';
import { employeeSummary, pageOf } from '../testing';
import { PeopleApi } from '../lib/people-api';
import { FoundPeople, NO_PEOPLE_FOUND, PEOPLE_SEARCH_DEBOUNCE_MS, PEOPLE_SEARCH_PAGE_SIZE, searchActivePeople } from './people-search';

describe('searchActivePeople', () => {
  let queries: EmployeeListQuery[];
  let listEmployees: jest.Mock;
  let field: { value: string | NamedRef; valueChanges: Subject<string | NamedRef> };
  let focused: Subject<void>;
  let found: Signal<FoundPeople>;

  const type = (value: string | NamedRef) => {
    field.value = value;
    field.valueChanges.next(value);
  };

  beforeEach(() => {
    jest.useFakeTimers();
    queries = [];
    listEmployees = jest.fn((query: EmployeeListQuery) => {
      queries.push(query);
      return of(pageOf([employeeSummary('sara'), employeeSummary('marco')], { total: 12 }));
    });
    TestBed.configureTestingModule({ providers: [{ provide: PeopleApi, useValue: { listEmployees } }] });
    field = { value: '', valueChanges: new Subject() };
    focused = new Subject();
    const injector = createEnvironmentInjector([], TestBed.inject(EnvironmentInjector));
    found = runInInjectionContext(injector, () => searchActivePeople(field, focused));
  });

  afterEach(() => jest.useRealTimers());

  it('finds nobody before anything is asked', () => {
    expect(found()).toEqual(NO_PEOPLE_FOUND);
    expect(listEmployees).not.toHaveBeenCalled();
  });

  it('searches active people by the trimmed text once typing pauses, as names, with how many more matched', () => {
    type(' sa');
    jest.advanceTimersByTime(PEOPLE_SEARCH_DEBOUNCE_MS - 1);
    type(' sara ');
    jest.advanceTimersByTime(PEOPLE_SEARCH_DEBOUNCE_MS - 1);
    expect(listEmployees).not.toHaveBeenCalled();
    jest.advanceTimersByTime(1);
    expect(queries).toEqual([{ q: 'sara', status: 'active', pageSize: PEOPLE_SEARCH_PAGE_SIZE }]);
    const sara = employeeSummary('sara');
    expect(found().items[0]).toEqual({ id: sara.id, name: sara.name });
    expect(found().items).toHaveLength(2);
    expect(found().more).toBe(10);
  });

  it('offers the first people when the empty field gets focus, not when it holds text, and does not repeat a search', () => {
    focused.next();
    expect(queries).toEqual([{ q: '', status: 'active', pageSize: PEOPLE_SEARCH_PAGE_SIZE }]);
    focused.next();
    expect(listEmployees).toHaveBeenCalledTimes(1);
    type('ma');
    jest.advanceTimersByTime(PEOPLE_SEARCH_DEBOUNCE_MS);
    focused.next();
    expect(queries.map((query) => query.q)).toEqual(['', 'ma']);
  });

  it('does not search for a person picked from the list', () => {
    type({ id: 'p-1', name: 'Sara' });
    jest.advanceTimersByTime(PEOPLE_SEARCH_DEBOUNCE_MS);
    expect(listEmployees).not.toHaveBeenCalled();
  });

  it('finds nobody when the search fails', () => {
    listEmployees.mockReturnValueOnce(throwError(() => new Error('offline')));
    focused.next();
    expect(found()).toEqual(NO_PEOPLE_FOUND);
  });
});
