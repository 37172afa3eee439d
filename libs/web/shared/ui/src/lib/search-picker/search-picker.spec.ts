import { ChangeDetectionStrategy, Component, signal, viewChild } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { FormControl } from '@angular/forms';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { AXE_TIMEOUT_MS, seriousA11yViolations } from '@proficio/web/shared/util/testing';
import { Observable, Subject } from 'rxjs';
import { SearchPick, SearchPicker, pickedFrom, requirePick } from './search-picker';

interface Person {
  readonly id: string;
  readonly name: string;
  readonly team: string;
}
type Answer = { items: Person[]; total: number };

const SARA: Person = { id: 'p-1', name: 'Sara Bianchi', team: 'Service Desk' };
const MARCO: Person = { id: 'p-2', name: 'Marco Rossi', team: 'Networks' };
const LUCA: Person = { id: 'p-3', name: 'Luca Esposito', team: 'Service Desk' };

/** Searches answered by hand, by text. */
class Searches {
  readonly asked: { q: string; answer: Subject<Answer> }[] = [];
  readonly search = (q: string): Observable<Answer> => {
    const answer = new Subject<Answer>();
    this.asked.push({ q, answer });
    return answer;
  };
  answer(q: string, page: Answer): void {
    const pending = this.asked.filter((entry) => entry.q === q);
    expect(pending).toHaveLength(1);
    pending[0]?.answer.next(page);
  }
}

@Component({
  imports: [SearchPicker],
  template: `
    <app-search-picker
      [control]="one"
      label="Manager"
      hint="Search active people by name"
      placeholder="Type a name"
      testId="one-search"
      [search]="searches.search"
      [labelOf]="nameOf"
      [optionLabelOf]="lineOf"
      [exclude]="exclude()"
      [moreText]="moreText"
      [errorMessages]="{ required: 'Choose the manager from the list' }"
      serverErrorPrefix="Manager "
    />
    <app-search-picker
      [picks]="many"
      label="People"
      hint="Pick as many as you need"
      testId="many-search"
      [search]="searches.search"
      [labelOf]="nameOf"
      [errorMessages]="{ required: 'Choose at least one person' }"
    />
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class Host {
  readonly searches = new Searches();
  readonly one = new FormControl<SearchPick<Person>>('');
  readonly many = new FormControl<Person[]>([], { nonNullable: true });
  readonly exclude = signal<(person: Person) => boolean>(() => false);
  readonly picker = viewChild.required(SearchPicker);
  readonly nameOf = (person: Person) => person.name;
  readonly lineOf = (person: Person) => `${person.name} · ${person.team}`;
  readonly moreText = (more: number, q: string) => (q ? `${more} more match` : `Type to search among ${more} more`);
}

describe('SearchPicker', () => {
  let fixture: ComponentFixture<Host>;

  const host = (): HTMLElement => fixture.nativeElement as HTMLElement;
  const searches = () => fixture.componentInstance.searches;
  const input = (testId: string) => host().querySelector(`[data-testid="${testId}"]`) as HTMLInputElement;
  const field = (testId: string) => input(testId).closest('mat-form-field') as HTMLElement;
  const squash = (element: Element | null | undefined): string => element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  const optionTexts = () => Array.from(document.querySelectorAll('mat-option')).map((option) => squash(option));
  const settle = () => fixture.whenStable();

  async function focus(testId: string): Promise<void> {
    input(testId).focus();
    await settle();
  }

  /**
   * Runs `steps` in fake time, then whatever they left scheduled (the debounce, change detection) before real time
   * resumes: the fixture settles with real timers.
   */
  async function inFakeTime(steps: () => void): Promise<void> {
    jest.useFakeTimers();
    try {
      steps();
      await jest.runAllTimersAsync();
    } finally {
      jest.useRealTimers();
    }
    await settle();
  }

  /** Types `text` and lets the search go out. */
  function type(testId: string, text: string): Promise<void> {
    return inFakeTime(() => {
      input(testId).value = text;
      input(testId).dispatchEvent(new Event('input'));
    });
  }

  /** Picks the option whose text starts with `text` (the search the pick starts, if any, included). */
  function clickOption(text: string): Promise<void> {
    return inFakeTime(() =>
      Array.from(document.querySelectorAll<HTMLElement>('mat-option'))
        .find((option) => squash(option).startsWith(text))
        ?.click(),
    );
  }

  beforeEach(async () => {
    TestBed.configureTestingModule({ providers: [{ provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } }] });
    fixture = TestBed.createComponent(Host);
    await settle();
  });

  it('is a labelled combobox with its hint and placeholder, that searches nothing before it is used', () => {
    expect(input('one-search').labels?.[0]?.textContent?.trim()).toBe('Manager');
    expect(input('one-search').getAttribute('role')).toBe('combobox');
    expect(input('one-search').placeholder).toBe('Type a name');
    const hint = field('one-search').querySelector('mat-hint');
    expect(squash(hint)).toBe('Search active people by name');
    expect(input('one-search').getAttribute('aria-describedby')?.split(' ')).toContain(hint?.id);
    expect(searches().asked).toEqual([]);
  });

  it('lists the first matches on focus, each by its line, and the more line the caller words, which cannot be picked', async () => {
    await focus('one-search');
    expect(searches().asked.map((entry) => entry.q)).toEqual(['']);
    searches().answer('', { items: [SARA, MARCO], total: 14 });
    await settle();
    expect(optionTexts()).toEqual(['Sara Bianchi · Service Desk', 'Marco Rossi · Networks', 'Type to search among 12 more']);
    expect(document.querySelector('mat-option.more-options')?.getAttribute('aria-disabled')).toBe('true');

    await type('one-search', 'r');
    searches().answer('r', { items: [SARA, MARCO], total: 3 });
    await settle();
    expect(optionTexts().at(-1)).toBe('1 more match');
  });

  it('says no more line when the list shows every match', async () => {
    await focus('one-search');
    searches().answer('', { items: [SARA, MARCO], total: 2 });
    await settle();
    expect(optionTexts()).toEqual(['Sara Bianchi · Service Desk', 'Marco Rossi · Networks']);
  });

  it('leaves out what it is told to, and follows a change of mind', async () => {
    fixture.componentInstance.exclude.set((person) => person.id === MARCO.id);
    await focus('one-search');
    searches().answer('', { items: [SARA, MARCO, LUCA], total: 3 });
    await settle();
    expect(optionTexts()).toEqual(['Sara Bianchi · Service Desk', 'Luca Esposito · Service Desk']);
    fixture.componentInstance.exclude.set((person) => person.team === 'Service Desk');
    await settle();
    expect(optionTexts()).toEqual(['Marco Rossi · Networks']);
  });

  it('holds the item picked, shows its label in the field, and searches nothing for it', async () => {
    const control = fixture.componentInstance.one;
    await focus('one-search');
    searches().answer('', { items: [SARA, MARCO], total: 2 });
    await settle();
    await clickOption('Marco Rossi');
    expect(control.value).toEqual(MARCO);
    expect(pickedFrom(control.value)).toEqual(MARCO);
    expect(input('one-search').value).toBe('Marco Rossi');
    expect(searches().asked.map((entry) => entry.q)).toEqual(['']);

    await type('one-search', 'Marco R');
    expect(pickedFrom(control.value)).toBeNull();
    expect(searches().asked.map((entry) => entry.q)).toEqual(['', 'Marco R']);
  });

  it('says the required error under the field, tied to it, until an item is picked', async () => {
    const control = fixture.componentInstance.one;
    expect(requirePick(control)).toBeNull();
    await settle();
    const error = field('one-search').querySelector('mat-error');
    expect(squash(error)).toBe('Choose the manager from the list');
    expect(control.touched).toBe(true);
    expect(input('one-search').getAttribute('aria-invalid')).toBe('true');
    expect(input('one-search').getAttribute('aria-describedby')?.split(' ')).toContain(error?.id);

    control.setValue(SARA);
    await settle();
    expect(field('one-search').querySelector('mat-error')).toBeNull();
    expect(requirePick(control)).toEqual(SARA);
  });

  it("says the API's refusal of the field with the prefix it is given", async () => {
    const control = fixture.componentInstance.one;
    control.setValue(SARA);
    control.setErrors({ server: 'is not an active employee' });
    control.markAsTouched();
    await settle();
    expect(squash(field('one-search').querySelector('mat-error'))).toBe('Manager is not an active employee');
  });

  it('takes focus when asked', () => {
    fixture.componentInstance.picker().focus();
    expect(document.activeElement).toBe(input('one-search'));
  });

  it('with chips: adds each item picked once, empties the search, offers it no more, and removes it by its button', async () => {
    const control = fixture.componentInstance.many;
    await focus('many-search');
    searches().answer('', { items: [SARA, MARCO], total: 2 });
    await settle();
    await clickOption('Sara Bianchi');
    expect(control.value).toEqual([SARA]);
    expect(control.dirty).toBe(true);
    expect(input('many-search').value).toBe('');
    expect(Array.from(field('many-search').querySelectorAll('mat-chip-row')).map(squash)).toEqual(['Sara Bianchi']);
    // a search that finds her again does not offer her again
    await type('many-search', 'a');
    searches().answer('a', { items: [SARA, MARCO], total: 2 });
    await settle();
    expect(optionTexts()).toEqual(['Marco Rossi']);

    const remove = field('many-search').querySelector<HTMLButtonElement>('button[aria-label="Remove Sara Bianchi"]');
    remove?.click();
    await settle();
    expect(control.value).toEqual([]);
    expect(control.touched).toBe(true);
  });

  it('with chips: says the required error under the field', async () => {
    const control = fixture.componentInstance.many;
    control.setErrors({ required: true });
    control.markAsTouched();
    await settle();
    expect(squash(field('many-search').querySelector('mat-error'))).toBe('Choose at least one person');
  });

  it(
    'has no serious accessibility problems, with a list open or errors said',
    async () => {
      await focus('one-search');
      searches().answer('', { items: [SARA, MARCO], total: 5 });
      await settle();
      expect(await seriousA11yViolations(document.body)).toEqual([]);
      requirePick(fixture.componentInstance.one);
      fixture.componentInstance.many.setErrors({ required: true });
      fixture.componentInstance.many.markAsTouched();
      await settle();
      // (with a chip in it, axe in jsdom reports Material's chip grid, which holds the search input among its rows)
      expect(await seriousA11yViolations(host())).toEqual([]);
    },
    AXE_TIMEOUT_MS,
  );
});
