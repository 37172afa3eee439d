import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { PageEvent } from '@angular/material/paginator';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { ApiProblem } from '@proficio/web/shared/util';
import { ListPage, ListState } from './list-state';

@Component({
  imports: [ListState],
  template: `
    <app-list-state
      what="people"
      testId="people"
      [loading]="loading()"
      [problem]="problem()"
      [page]="page()"
      [pageIndex]="0"
      [pageSize]="10"
      [pageSizes]="[10, 25]"
      (retry)="retries = retries + 1"
      (pageChange)="pages.push($event)"
    >
      <p listEmpty>Nobody here.</p>
      <p class="list">The list</p>
    </app-list-state>
  `,
})
class Host {
  readonly loading = signal(true);
  readonly problem = signal<ApiProblem | null>(null);
  readonly page = signal<ListPage | null>(null);
  retries = 0;
  readonly pages: PageEvent[] = [];
}

describe('ListState', () => {
  function setUp() {
    TestBed.configureTestingModule({ providers: [provideNoopAnimations()] });
    const fixture = TestBed.createComponent(Host);
    fixture.detectChanges();
    const host = fixture.componentInstance;
    const element = fixture.nativeElement as HTMLElement;
    const byTestId = (id: string) => element.querySelector(`[data-testid="${id}"]`);
    const text = () => element.textContent?.replace(/\s+/g, ' ') ?? '';
    const show = (state: { loading?: boolean; problem?: ApiProblem | null; page?: ListPage | null }) => {
      host.loading.set(state.loading ?? false);
      host.problem.set(state.problem ?? null);
      host.page.set(state.page ?? null);
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

  it('shows the list with a paginator that reports page changes', () => {
    const { host, element, byTestId, show } = setUp();
    show({ page: { items: [1, 2], total: 30 } });
    expect(byTestId('people-empty')).toBeNull();
    expect(element.querySelector('.list')).not.toBeNull();
    expect(element.querySelector('mat-paginator')?.getAttribute('aria-label')).toBe('Pages of people');
    element.querySelector<HTMLButtonElement>('button[aria-label="Next page"]')?.click();
    expect(host.pages.map((event) => event.pageIndex)).toEqual([1]);
  });
});
