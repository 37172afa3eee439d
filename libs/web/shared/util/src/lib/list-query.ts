import { Signal, linkedSignal } from '@angular/core';
import { ParamMap } from '@angular/router';
import { LoadState } from './load-state';

/** Which page of a list the URL asks for (`?page=` is 1-based). */
export interface Paging {
  readonly page: number;
  readonly pageSize: number;
}

/** Reads `?page=` and `?pageSize=`, falling back to page 1 and the default size for anything else. */
export function readPaging(params: ParamMap, pageSizes: readonly number[], defaultPageSize: number): Paging {
  const page = Number(params.get('page'));
  const pageSize = Number(params.get('pageSize'));
  return {
    page: Number.isInteger(page) && page > 0 ? page : 1,
    pageSize: pageSizes.includes(pageSize) ? pageSize : defaultPageSize,
  };
}

/**
 * The query parameter `name` when it is one of `allowed` (a state, a status), else undefined: a filter the page does not
 * offer is no filter, and the API list request leaves it out.
 */
export function readChoice<T extends string>(params: ParamMap, name: string, allowed: readonly T[]): T | undefined {
  const value = params.get(name);
  return allowed.find((choice) => choice === value);
}

/**
 * The query params for a paginator event: a new page size goes back to the first page, and
 * defaults (page 1, the default size) are left out of the URL.
 */
export function pagingParams(
  event: { readonly pageIndex: number; readonly pageSize: number },
  current: Paging,
  defaultPageSize: number,
): { page: number | null; pageSize: number | null } {
  const pageSizeChanged = event.pageSize !== current.pageSize;
  return {
    page: pageSizeChanged || event.pageIndex === 0 ? null : event.pageIndex + 1,
    pageSize: event.pageSize === defaultPageSize ? null : event.pageSize,
  };
}

/**
 * The value on screen for a request that is re-run (a new search, the next page): the last
 * loaded value stays while the next one loads, so a table does not flicker while typing;
 * it is cleared on an error.
 */
export function keptWhileLoading<T>(state: Signal<LoadState<T>>): Signal<T | null> {
  return linkedSignal<LoadState<T>, T | null>({
    source: state,
    computation: (current, previous) =>
      current.status === 'loaded' ? current.value : current.status === 'loading' ? (previous?.value ?? null) : null,
  });
}
