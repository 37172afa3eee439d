import { Signal, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute, ParamMap, Router } from '@angular/router';
import { Observable, distinctUntilChanged, map } from 'rxjs';
import { ApiProblem } from './api-problem';
import { keptWhileLoading, Paging, pagingParams } from './list-query';
import { Loaded } from './load-state';

/** What a list page holds: the items on screen and how many there are in all. */
export interface ListPage {
  readonly items: readonly unknown[];
  readonly total: number;
}

/** Query parameters to merge into the URL; `null` drops one. */
export type QueryParams = Record<string, string | number | null>;

/** The states around a paged list, as `<app-list-state [list]>` shows them. */
export interface ListView<T extends ListPage = ListPage> {
  /** The page on screen: kept while the next one loads, so a table does not flicker while typing. */
  readonly page: Signal<T | null>;
  readonly loading: Signal<boolean>;
  readonly problem: Signal<ApiProblem | null>;
  /** The page (1-based) and page size the URL asks for. */
  readonly paging: Signal<Paging>;
  readonly pageSizes: readonly number[];
  retry(): void;
  changePage(event: { readonly pageIndex: number; readonly pageSize: number }): void;
  /** Back to page 1 (from a page past the end, after a deletion elsewhere). */
  firstPage(): void;
}

/** A list whose query lives in the URL: what the page reads, loads and changes. */
export interface UrlList<Q extends Paging, T extends ListPage> extends ListView<T> {
  /** The query as the URL has it (search text, filters, page, page size). */
  readonly query: Signal<Q>;
  /** The same, as a stream that emits when the query changes (for requests that follow it). */
  readonly query$: Observable<Q>;
  /** Merges `params` into the URL's query (`replaceUrl` while typing, so Back skips each keystroke). */
  navigate(params: QueryParams, replaceUrl?: boolean): void;
  /**
   * Sets filters (search text too) and goes back to the first page; a filter set to `''` or `null` is dropped from
   * the URL (`replaceUrl` while typing).
   */
  filter(filters: QueryParams, replaceUrl?: boolean): void;
}

export interface UrlListOptions<Q extends Paging, T extends ListPage> {
  /** Reads the query from the URL; anything it does not understand falls back to a default. */
  readonly read: (params: ParamMap) => Q;
  /** Starts the request for each query: `loaded(query$, …)` or an area store's list. */
  readonly load: (query$: Observable<Q>) => Loaded<T>;
  readonly pageSizes: readonly number[];
  readonly defaultPageSize: number;
}

/** Same keys, same values (queries are flat records of strings, numbers and booleans). */
function sameQuery<Q extends object>(a: Q, b: Q): boolean {
  const keys = Object.keys(a) as (keyof Q)[];
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}

/**
 * A searchable, filtered, paged list whose query lives in the URL, so Back, reload and shared links
 * keep it. Call it in an injection context (a field initialiser).
 *
 * ```ts
 * protected readonly list = urlList({
 *   read: (params) => ({ q: params.get('q') ?? '', ...readPaging(params, PAGE_SIZES, DEFAULT_PAGE_SIZE) }),
 *   load: (query$) => loaded(query$, (query) => this.api.listFrameworks(query)),
 *   pageSizes: PAGE_SIZES,
 *   defaultPageSize: DEFAULT_PAGE_SIZE,
 * });
 * ```
 */
export function urlList<Q extends Paging, T extends ListPage>(options: UrlListOptions<Q, T>): UrlList<Q, T> {
  const route = inject(ActivatedRoute);
  const router = inject(Router);
  const query$ = route.queryParamMap.pipe(map(options.read), distinctUntilChanged(sameQuery));
  const query = toSignal(query$, { requireSync: true });
  const source = options.load(query$);
  const navigate = (queryParams: QueryParams, replaceUrl = false) => {
    void router.navigate([], { relativeTo: route, queryParams, queryParamsHandling: 'merge', replaceUrl });
  };
  return {
    query,
    query$,
    paging: query,
    page: keptWhileLoading(source.state),
    loading: source.loading,
    problem: source.problem,
    pageSizes: options.pageSizes,
    retry: () => source.reload(),
    changePage: (event) => navigate(pagingParams(event, query(), options.defaultPageSize)),
    firstPage: () => navigate({ page: null }),
    navigate,
    filter: (filters, replaceUrl) => {
      const params: QueryParams = { page: null };
      for (const [name, value] of Object.entries(filters)) params[name] = value === '' ? null : value;
      navigate(params, replaceUrl);
    },
  };
}

/**
 * What a list page tells screen readers once a page of results is on screen, nothing while it loads:
 * how many there are in all (`nouns`: the singular and the plural), then the parts `more` gives
 * (`matching(q)`, "in Engineering"), the empty ones left out.
 */
export function resultSummary(
  list: Pick<ListView, 'page' | 'loading'>,
  nouns: readonly [one: string, many: string],
  more: () => readonly (string | null)[] = () => [],
): Signal<string> {
  return computed(() => {
    const page = list.page();
    if (!page || list.loading()) return '';
    return [`${page.total} ${page.total === 1 ? nouns[0] : nouns[1]}`, ...more().filter((part) => part)].join(' ');
  });
}

/** The summary's part for a search: `match “text”`, or nothing without search text. */
export function matching(q: string | null | undefined): string | null {
  return q ? `match “${q}”` : null;
}
