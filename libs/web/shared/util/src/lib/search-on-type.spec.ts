import { Signal, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { FormControl } from '@angular/forms';
import { Observable, Subject } from 'rxjs';
import { FoundOnType, NOTHING_FOUND_ON_TYPE, SEARCH_ON_TYPE_DEBOUNCE_MS, SearchOnTypeField, searchOnType } from './search-on-type';

interface Item {
  readonly id: string;
  readonly name: string;
}
type Answer = { items: Item[]; total: number };

const SARA: Item = { id: 'p-1', name: 'Sara' };
const MARCO: Item = { id: 'p-2', name: 'Marco' };

describe('searchOnType', () => {
  /** The searches asked for, by text, each answered by hand; `open` is false once it answered or was cancelled. */
  let searches: { q: string; answer: Subject<Answer>; open: boolean; cancelled: boolean }[];
  let field: FormControl<string | Item | null>;
  let focused: Subject<void>;

  const search = (q: string): Observable<Answer> =>
    new Observable<Answer>((subscriber) => {
      const entry = { q, answer: new Subject<Answer>(), open: true, cancelled: false };
      searches.push(entry);
      entry.answer.subscribe({
        next: (page) => {
          entry.open = false;
          subscriber.next(page);
          subscriber.complete();
        },
        error: (error: unknown) => {
          entry.open = false;
          subscriber.error(error);
        },
      });
      return () => {
        if (entry.open) entry.cancelled = true;
        entry.open = false;
      };
    });

  const asked = () => searches.map((entry) => entry.q);
  const last = () => searches.at(-1) as (typeof searches)[number];

  function start(source: SearchOnTypeField | Signal<SearchOnTypeField> = field, debounceMs?: number): Signal<FoundOnType<Item>> {
    return TestBed.runInInjectionContext(() => searchOnType<Item>(source, focused, search, debounceMs === undefined ? {} : { debounceMs }));
  }

  beforeEach(() => {
    jest.useFakeTimers();
    searches = [];
    field = new FormControl<string | Item | null>('');
    focused = new Subject();
  });

  afterEach(() => jest.useRealTimers());

  it('finds nothing, and asks nothing, before the field is used', () => {
    const found = start();
    jest.advanceTimersByTime(SEARCH_ON_TYPE_DEBOUNCE_MS * 2);
    expect(found()).toEqual(NOTHING_FOUND_ON_TYPE);
    expect(asked()).toEqual([]);
  });

  it('searches by the trimmed text once typing has paused, not for each key', () => {
    start();
    field.setValue(' sa');
    jest.advanceTimersByTime(SEARCH_ON_TYPE_DEBOUNCE_MS - 1);
    field.setValue(' sara ');
    jest.advanceTimersByTime(SEARCH_ON_TYPE_DEBOUNCE_MS - 1);
    expect(asked()).toEqual([]);
    jest.advanceTimersByTime(1);
    expect(asked()).toEqual(['sara']);
  });

  it('waits as long as it is told to', () => {
    start(field, 600);
    field.setValue('sara');
    jest.advanceTimersByTime(599);
    expect(asked()).toEqual([]);
    jest.advanceTimersByTime(1);
    expect(asked()).toEqual(['sara']);
  });

  it('says a search is in flight, keeping what the last one found, then what it found and how many more match', () => {
    const found = start();
    focused.next();
    expect(found()).toEqual({ ...NOTHING_FOUND_ON_TYPE, searching: true });
    last().answer.next({ items: [SARA, MARCO], total: 12 });
    expect(found()).toEqual({ items: [SARA, MARCO], more: 10, q: '', searching: false, failed: false });

    field.setValue('mar');
    jest.advanceTimersByTime(SEARCH_ON_TYPE_DEBOUNCE_MS);
    expect(found()).toEqual({ items: [SARA, MARCO], more: 10, q: '', searching: true, failed: false });
    last().answer.next({ items: [MARCO], total: 1 });
    expect(found()).toEqual({ items: [MARCO], more: 0, q: 'mar', searching: false, failed: false });
  });

  it('cancels the search in flight when a new one starts, and shows only the new one', () => {
    const found = start();
    field.setValue('sa');
    jest.advanceTimersByTime(SEARCH_ON_TYPE_DEBOUNCE_MS);
    const first = last();
    field.setValue('mar');
    jest.advanceTimersByTime(SEARCH_ON_TYPE_DEBOUNCE_MS);
    expect(first.cancelled).toBe(true);
    first.answer.next({ items: [SARA], total: 1 });
    expect(found().items).toEqual([]);
    last().answer.next({ items: [MARCO], total: 1 });
    expect(found().items).toEqual([MARCO]);
  });

  it.each<[string, string | null]>([
    ['empty', ''],
    ['cleared', null],
  ])('offers the first matches as soon as the %s field gets focus, once', (_name, value) => {
    field.setValue(value);
    start();
    focused.next();
    expect(asked()).toEqual(['']);
    last().answer.next({ items: [SARA], total: 1 });
    focused.next();
    expect(asked()).toEqual(['']);
  });

  it.each<[string, string | Item]>([
    ['text', 'ma'],
    ['a pick', SARA],
  ])('searches nothing on focus when the field holds %s', (_name, value) => {
    field.setValue(value);
    start();
    focused.next();
    expect(asked()).toEqual([]);
  });

  it('does not search the same text twice in a row', () => {
    start();
    field.setValue('sara');
    jest.advanceTimersByTime(SEARCH_ON_TYPE_DEBOUNCE_MS);
    field.setValue('sara ');
    jest.advanceTimersByTime(SEARCH_ON_TYPE_DEBOUNCE_MS);
    expect(asked()).toEqual(['sara']);
  });

  it('searches nothing for a pick, and drops what it found; typing again searches again', () => {
    const found = start();
    focused.next();
    last().answer.next({ items: [SARA, MARCO], total: 2 });
    field.setValue(SARA);
    jest.advanceTimersByTime(SEARCH_ON_TYPE_DEBOUNCE_MS);
    expect(asked()).toEqual(['']);
    expect(found()).toEqual(NOTHING_FOUND_ON_TYPE);

    field.setValue('Sar');
    jest.advanceTimersByTime(SEARCH_ON_TYPE_DEBOUNCE_MS);
    expect(asked()).toEqual(['', 'Sar']);
  });

  it('finds nothing, and says so, when the search fails; the next one may find again', () => {
    const found = start();
    focused.next();
    last().answer.error(new Error('offline'));
    expect(found()).toEqual({ ...NOTHING_FOUND_ON_TYPE, failed: true });

    field.setValue('sa');
    jest.advanceTimersByTime(SEARCH_ON_TYPE_DEBOUNCE_MS);
    last().answer.next({ items: [SARA], total: 1 });
    expect(found()).toEqual({ items: [SARA], more: 0, q: 'sa', searching: false, failed: false });
  });

  it('follows the field a signal holds (a component input)', () => {
    const other = new FormControl<string | Item | null>('');
    const current = signal<SearchOnTypeField>(field);
    start(current);
    TestBed.tick();
    field.setValue('sa');
    jest.advanceTimersByTime(SEARCH_ON_TYPE_DEBOUNCE_MS);
    expect(asked()).toEqual(['sa']);

    current.set(other);
    TestBed.tick();
    field.setValue('ignored');
    other.setValue('mar');
    jest.advanceTimersByTime(SEARCH_ON_TYPE_DEBOUNCE_MS);
    expect(asked()).toEqual(['sa', 'mar']);
  });
});
