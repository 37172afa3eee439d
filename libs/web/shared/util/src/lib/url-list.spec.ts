import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { ParamMap, Router, provideRouter } from '@angular/router';
import { Observable, Subject } from 'rxjs';
import { loaded } from './load-state';
import { readPaging } from './list-query';
import { ListPage, matching, resultSummary, urlList } from './url-list';

@Component({ template: '' })
class Blank {}

interface Query {
  readonly q: string;
  readonly page: number;
  readonly pageSize: number;
}

const read = (params: ParamMap): Query => ({ q: params.get('q') ?? '', ...readPaging(params, [10, 25], 25) });

describe('urlList', () => {
  async function setUp(url: string) {
    TestBed.configureTestingModule({ providers: [provideRouter([{ path: '**', component: Blank }])] });
    const router = TestBed.inject(Router);
    await router.navigateByUrl(url);
    const requests: Query[] = [];
    const answers = new Subject<{ items: string[]; total: number }>();
    const list = TestBed.runInInjectionContext(() =>
      urlList({
        read,
        load: (query$: Observable<Query>) =>
          loaded(query$, (query) => {
            requests.push(query);
            return answers;
          }),
        pageSizes: [10, 25],
        defaultPageSize: 25,
      }),
    );
    return { router, list, requests, answers };
  }

  it('reads the query from the URL and loads it once per distinct query', async () => {
    const { router, list, requests } = await setUp('/people?q=sara&page=2');
    expect(list.query()).toEqual({ q: 'sara', page: 2, pageSize: 25 });
    await router.navigateByUrl('/people?page=2&q=sara&ignored=x');
    expect(requests).toEqual([{ q: 'sara', page: 2, pageSize: 25 }]);
  });

  it('keeps the last page on screen while the next one loads', async () => {
    const { router, list, answers } = await setUp('/people');
    expect(list.loading()).toBe(true);
    answers.next({ items: ['a'], total: 30 });
    expect(list.page()).toEqual({ items: ['a'], total: 30 });
    await router.navigateByUrl('/people?page=2');
    expect(list.loading()).toBe(true);
    expect(list.page()).toEqual({ items: ['a'], total: 30 });
  });

  it('turns paginator events into the URL, leaving defaults out, and goes back to the first page', async () => {
    const { router, list } = await setUp('/people?q=sara');
    list.changePage({ pageIndex: 2, pageSize: 25 });
    await new Promise((resolve) => setTimeout(resolve));
    expect(router.url).toBe('/people?q=sara&page=3');
    list.changePage({ pageIndex: 2, pageSize: 10 });
    await new Promise((resolve) => setTimeout(resolve));
    expect(router.url).toBe('/people?q=sara&pageSize=10');
    list.navigate({ page: 4 });
    await new Promise((resolve) => setTimeout(resolve));
    list.firstPage();
    await new Promise((resolve) => setTimeout(resolve));
    expect(router.url).toBe('/people?q=sara&pageSize=10');
  });

  it('sets filters from the first page, dropping the empty ones from the URL', async () => {
    const { router, list } = await setUp('/people?q=sara&team=t1&page=3&pageSize=10');
    list.filter({ team: '', status: 'left' });
    await new Promise((resolve) => setTimeout(resolve));
    expect(router.url).toBe('/people?q=sara&pageSize=10&status=left');
    list.filter({ q: null, status: 'active' }, true);
    await new Promise((resolve) => setTimeout(resolve));
    expect(router.url).toBe('/people?pageSize=10&status=active');
  });

  it('loads the same query again on retry', async () => {
    const { list, requests } = await setUp('/people');
    list.retry();
    expect(requests).toHaveLength(2);
  });
});

describe('resultSummary', () => {
  const summary = (page: ListPage | null, loading: boolean, more: (string | null)[] = []) =>
    resultSummary({ page: signal(page), loading: signal(loading) }, ['person', 'people'], () => more)();
  const pageOf = (total: number): ListPage => ({ items: [], total });

  it.each([
    ['nothing before the first page', null, false, [], ''],
    ['nothing while a page loads', pageOf(3), true, [], ''],
    ['the singular for one', pageOf(1), false, [], '1 person'],
    ['the plural for none', pageOf(0), false, [], '0 people'],
    [
      'the parts given, the empty ones left out',
      pageOf(12),
      false,
      [matching('ann'), null, 'in Engineering'],
      '12 people match “ann” in Engineering',
    ],
    ['no search part without search text', pageOf(12), false, [matching(''), matching(null)], '12 people'],
  ])('says %s', (_what, page, loading, more, expected) => {
    expect(summary(page, loading, more)).toBe(expected);
  });
});
