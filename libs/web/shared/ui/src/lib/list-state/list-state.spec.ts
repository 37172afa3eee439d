import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { ApiProblem, ListPage, ListView } from '@proficio/web/shared/util';
import { BROWSER_LOCALE } from '../../locale/browser-locale';
import { ListState } from './list-state';

/** A list view whose state the test sets, recording what the component asks of it. */
class FakeList implements ListView {
  readonly loading = signal(true);
  readonly problem = signal<ApiProblem | null>(null);
  readonly page = signal<ListPage | null>(null);
  readonly paging = signal({ page: 1, pageSize: 10 });
  readonly pageSizes = [10, 25];
  retries = 0;
  firstPages = 0;
  readonly pages: { pageIndex: number; pageSize: number }[] = [];
  retry(): void {
    this.retries++;
  }
  changePage(event: { pageIndex: number; pageSize: number }): void {
    this.pages.push({ pageIndex: event.pageIndex, pageSize: event.pageSize });
  }
  firstPage(): void {
    this.firstPages++;
  }
}

@Component({
  imports: [ListState],
  template: `
    <app-list-state what="people" testId="people" [list]="list">
      <p listEmpty>Nobody here.</p>
      <p class="list">The list</p>
    </app-list-state>
  `,
})
class Host {
  readonly list = new FakeList();
}

describe('ListState', () => {
  function setUp(locale = 'en-GB') {
    TestBed.configureTestingModule({ providers: [provideNoopAnimations(), { provide: BROWSER_LOCALE, useValue: locale }] });
    const fixture = TestBed.createComponent(Host);
    fixture.detectChanges();
    const host = fixture.componentInstance.list;
    const element = fixture.nativeElement as HTMLElement;
    const byTestId = (id: string) => element.querySelector(`[data-testid="${id}"]`);
    const text = () => element.textContent?.replace(/\s+/g, ' ') ?? '';
    const show = (state: { loading?: boolean; problem?: ApiProblem | null; page?: ListPage | null; pageNumber?: number }) => {
      host.loading.set(state.loading ?? false);
      host.problem.set(state.problem ?? null);
      host.page.set(state.page ?? null);
      host.paging.set({ page: state.pageNumber ?? 1, pageSize: 10 });
      fixture.detectChanges();
    };
    return { host, element, byTestId, text, show };
  }

  it('shows a labelled spinner for the first load, and a bar over the list while the next page loads', () => {
    const { element, byTestId, show } = setUp();
    expect(byTestId('people-loading')?.textContent).toContain('Loading people…');
    expect(element.querySelector('app-list-state')?.getAttribute('aria-busy')).toBe('true');

    show({ loading: true, page: { items: [1], total: 1 } });
    expect(byTestId('people-loading')).toBeNull();
    expect(element.querySelector('mat-progress-bar')?.getAttribute('aria-label')).toBe('Loading people');
    expect(element.querySelector('.list')).not.toBeNull();
  });

  it('shows the problem with the places it names, and asks to try again', () => {
    const { host, byTestId, show } = setUp();
    show({
      problem: { status: 400, title: 'Invalid request', detail: 'Bad query', errors: [{ field: 'page', message: 'must be positive' }] },
    });
    const error = byTestId('people-error');
    expect(error?.getAttribute('role')).toBe('alert');
    expect(error?.textContent).toContain('Could not load the people');
    expect(error?.textContent).toContain('Invalid request: Bad query');
    expect(error?.textContent).toContain('page must be positive');
    error?.querySelector('button')?.click();
    expect(host.retries).toBe(1);
  });

  it('shows the page’s own empty words instead of the list', () => {
    const { element, byTestId, show } = setUp();
    show({ page: { items: [], total: 0 } });
    expect(byTestId('people-empty')?.textContent).toContain('Nobody here.');
    expect(element.querySelector('.list')).toBeNull();
    expect(element.querySelector('mat-paginator')).toBeNull();
  });

  it('offers the first page on a page past the end, instead of the page’s empty words', () => {
    const { host, byTestId, show } = setUp();
    show({ page: { items: [], total: 12 }, pageNumber: 4 });
    const empty = byTestId('people-empty');
    expect(empty?.textContent).toContain('There are no people on page 4.');
    expect(empty?.textContent).not.toContain('Nobody here.');
    empty?.querySelector('button')?.click();
    expect(host.firstPages).toBe(1);
  });

  it('shows the list with a paginator that reports page changes', () => {
    const { host, element, byTestId, show } = setUp();
    show({ page: { items: [1, 2], total: 30 } });
    expect(byTestId('people-empty')).toBeNull();
    expect(element.querySelector('.list')).not.toBeNull();
    expect(element.querySelector('mat-paginator')?.getAttribute('aria-label')).toBe('Pages of people');
    element.querySelector<HTMLButtonElement>('button[aria-label="Next page"]')?.click();
    expect(host.pages.map((event) => event.pageIndex)).toEqual([1]);
  });

  it.each([
    ['en-GB', '11 – 20 of 12,345'],
    ['de-DE', '11 – 20 of 12.345'],
  ])('writes the range of the page in the browser’s locale (%s: %s)', (locale, label) => {
    const { element, show } = setUp(locale);
    show({ page: { items: [1, 2], total: 12345 }, pageNumber: 2 });
    expect(element.querySelector('.mat-mdc-paginator-range-label')?.textContent?.trim()).toBe(label);
  });
});
