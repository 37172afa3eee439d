import { Signal, signal } from '@angular/core';
import { toObservable } from '@angular/core/rxjs-interop';
import { ListPage, ListView, Loaded, Paging, keptWhileLoading } from '@proficio/web/shared/util';
import { Observable } from 'rxjs';

/**
 * A paged list whose page lives in the component (for a list that shares its page with another, where the URL holds
 * the other's): what `<app-list-state>` shows. Call it in an injection context.
 */
export function localList<T extends ListPage>(
  load: (paging$: Observable<Paging>) => Loaded<T>,
  pageSizes: readonly number[],
  defaultPageSize: number,
): ListView<T> & { readonly paging: Signal<Paging> } {
  const paging = signal<Paging>({ page: 1, pageSize: defaultPageSize });
  const source = load(toObservable(paging));
  return {
    page: keptWhileLoading(source.state),
    loading: source.loading,
    problem: source.problem,
    paging: paging.asReadonly(),
    pageSizes,
    retry: () => source.reload(),
    changePage: (event) =>
      paging.set(
        event.pageSize !== paging().pageSize
          ? { page: 1, pageSize: event.pageSize }
          : { page: event.pageIndex + 1, pageSize: event.pageSize },
      ),
    firstPage: () => paging.update((current) => ({ ...current, page: 1 })),
  };
}
