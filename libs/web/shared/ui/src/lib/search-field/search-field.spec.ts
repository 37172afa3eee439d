import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { Router, provideRouter } from '@angular/router';
import { SEARCH_DEBOUNCE_MS, SearchField } from './search-field';

@Component({
  imports: [SearchField],
  template: `<app-search-field label="Search people" hint="By name" [query]="query()" (searched)="searches.push($event)" />`,
})
class Host {
  readonly query = signal('');
  readonly searches: string[] = [];
}

@Component({ template: '' })
class Elsewhere {}

describe('SearchField', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  function setUp() {
    TestBed.configureTestingModule({
      providers: [provideNoopAnimations(), provideRouter([{ path: 'people/:id', component: Elsewhere }])],
    });
    const fixture = TestBed.createComponent(Host);
    fixture.detectChanges();
    const input = fixture.nativeElement.querySelector('input') as HTMLInputElement;
    const typeText = (value: string) => {
      input.value = value;
      input.dispatchEvent(new Event('input'));
      fixture.detectChanges();
    };
    return { fixture, input, typeText, host: fixture.componentInstance };
  }

  it('shows its label and hint', () => {
    const { fixture } = setUp();
    expect(fixture.nativeElement.textContent).toContain('Search people');
    expect(fixture.nativeElement.textContent).toContain('By name');
  });

  it('emits the trimmed text once typing pauses, only once for a burst of keys', () => {
    const { typeText, host } = setUp();
    typeText('sa');
    jest.advanceTimersByTime(SEARCH_DEBOUNCE_MS - 1);
    typeText('sar');
    jest.advanceTimersByTime(SEARCH_DEBOUNCE_MS - 1);
    typeText(' sara ');
    jest.advanceTimersByTime(SEARCH_DEBOUNCE_MS - 1);
    expect(host.searches).toEqual([]);
    jest.advanceTimersByTime(1);
    expect(host.searches).toEqual(['sara']);
  });

  it('does not emit when the text, trimmed, is the search already in force', () => {
    const { fixture, typeText, host } = setUp();
    host.query.set('sara');
    fixture.detectChanges();
    typeText('sara ');
    jest.advanceTimersByTime(SEARCH_DEBOUNCE_MS);
    expect(host.searches).toEqual([]);
  });

  it('drops a pending search when a navigation starts (typing, then clicking a result)', async () => {
    const { typeText, host } = setUp();
    typeText('sara');
    jest.advanceTimersByTime(SEARCH_DEBOUNCE_MS / 2);
    const navigated = TestBed.inject(Router).navigateByUrl('/people/sara');
    await jest.advanceTimersByTimeAsync(SEARCH_DEBOUNCE_MS);
    await expect(navigated).resolves.toBe(true);
    expect(host.searches).toEqual([]);

    // The field still searches after the navigation.
    typeText('marco');
    jest.advanceTimersByTime(SEARCH_DEBOUNCE_MS);
    expect(host.searches).toEqual(['marco']);
  });

  it('follows the query when it changes from outside (back, a link, "clear")', () => {
    const { fixture, input, host } = setUp();
    host.query.set('marco');
    fixture.detectChanges();
    expect(input.value).toBe('marco');
    host.query.set('');
    fixture.detectChanges();
    expect(input.value).toBe('');
  });
});
