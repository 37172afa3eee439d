import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { SEARCH_DEBOUNCE_MS, SearchField } from './search-field';

@Component({
  imports: [SearchField],
  template: `<app-search-field label="Search people" hint="By name" [query]="query()" (searched)="searches.push($event)" />`,
})
class Host {
  readonly query = signal('');
  readonly searches: string[] = [];
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('SearchField', () => {
  async function setUp() {
    TestBed.configureTestingModule({ providers: [provideNoopAnimations()] });
    const fixture = TestBed.createComponent(Host);
    await fixture.whenStable();
    const input = fixture.nativeElement.querySelector('input') as HTMLInputElement;
    const typeText = async (value: string) => {
      input.value = value;
      input.dispatchEvent(new Event('input'));
      await fixture.whenStable();
    };
    return { fixture, input, typeText, host: fixture.componentInstance };
  }

  it('shows its label and hint', async () => {
    const { fixture } = await setUp();
    expect(fixture.nativeElement.textContent).toContain('Search people');
    expect(fixture.nativeElement.textContent).toContain('By name');
  });

  it('emits the trimmed text once typing pauses, only once for a burst of keys', async () => {
    const { typeText, host } = await setUp();
    await typeText('sa');
    await typeText('sar');
    await typeText(' sara ');
    expect(host.searches).toEqual([]);
    await pause(SEARCH_DEBOUNCE_MS + 50);
    expect(host.searches).toEqual(['sara']);
  });

  it('does not emit when the text, trimmed, is the search already in force', async () => {
    const { fixture, typeText, host } = await setUp();
    host.query.set('sara');
    await fixture.whenStable();
    await typeText('sara ');
    await pause(SEARCH_DEBOUNCE_MS + 50);
    expect(host.searches).toEqual([]);
  });

  it('follows the query when it changes from outside (back, a link, "clear")', async () => {
    const { fixture, input, host } = await setUp();
    host.query.set('marco');
    await fixture.whenStable();
    expect(input.value).toBe('marco');
    host.query.set('');
    await fixture.whenStable();
    expect(input.value).toBe('');
  });
});
