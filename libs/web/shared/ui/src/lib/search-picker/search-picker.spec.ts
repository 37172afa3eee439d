import { ComponentFixture, TestBed } from '@angular/core/testing';
import { FormControl } from '@angular/forms';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { AXE_TIMEOUT_MS, seriousA11yViolations, textOf } from '@proficio/web/shared/util/testing';
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

const nameOf = (person: Person) => person.name;

describe('SearchPicker', () => {
  let searches: Searches;
  /** One pick, a manager: each person's line names the team; the more line says whether the field holds text. */
  let one: ComponentFixture<SearchPicker<Person>>;
  let oneControl: FormControl<SearchPick<Person>>;
  /** Many picks, as chips (made by the tests about them: TestBed shows one component at a time). */
  let many: ComponentFixture<SearchPicker<Person>> | null;
  let manyControl: FormControl<Person[]>;

  function create(inputs: Readonly<Record<string, unknown>>): ComponentFixture<SearchPicker<Person>> {
    const created = TestBed.createComponent(SearchPicker<Person>);
    for (const [name, value] of Object.entries(inputs)) created.componentRef.setInput(name, value);
    return created;
  }

  async function showMany(): Promise<void> {
    many = create({
      picks: manyControl,
      label: 'People',
      hint: 'Pick as many as you need',
      testId: 'many-search',
      search: searches.search,
      labelOf: nameOf,
      errorMessages: { required: 'Choose at least one person' },
    });
    await settle();
  }

  const host = (): HTMLElement => document.body;
  const settle = () => (many ?? one).whenStable();
  const input = (testId: string) => host().querySelector(`[data-testid="${testId}"]`) as HTMLInputElement;
  const field = (testId: string) => input(testId).closest('mat-form-field') as HTMLElement;
  const optionTexts = () => Array.from(document.querySelectorAll('mat-option')).map((option) => textOf(option));

  async function focus(testId: string): Promise<void> {
    input(testId).focus();
    await settle();
  }

  /**
   * Runs `steps` in fake time, then whatever they left scheduled (the debounce, change detection) before real time
   * resumes: the fixtures settle with real timers.
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
        .find((option) => textOf(option).startsWith(text))
        ?.click(),
    );
  }

  beforeEach(async () => {
    TestBed.configureTestingModule({ providers: [{ provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } }] });
    searches = new Searches();
    oneControl = new FormControl<SearchPick<Person>>('');
    manyControl = new FormControl<Person[]>([], { nonNullable: true });
    one = create({
      control: oneControl,
      label: 'Manager',
      hint: 'Search active people by name',
      placeholder: 'Type a name',
      testId: 'one-search',
      search: searches.search,
      labelOf: nameOf,
      optionLabelOf: (person: Person) => `${person.name} · ${person.team}`,
      moreText: (more: number, q: string) => (q ? `${more} more match` : `Type to search among ${more} more`),
      errorMessages: { required: 'Choose the manager from the list' },
      serverErrorPrefix: 'Manager ',
    });
    many = null;
    await settle();
  });

  it('is a labelled combobox with its hint and placeholder, that searches nothing before it is used', () => {
    expect(input('one-search').labels?.[0]?.textContent?.trim()).toBe('Manager');
    expect(input('one-search').getAttribute('role')).toBe('combobox');
    expect(input('one-search').placeholder).toBe('Type a name');
    const hint = field('one-search').querySelector('mat-hint');
    expect(textOf(hint)).toBe('Search active people by name');
    expect(input('one-search').getAttribute('aria-describedby')?.split(' ')).toContain(hint?.id);
    expect(searches.asked).toEqual([]);
  });

  it('lists the first matches on focus, each by its line, and the more line the caller words, which cannot be picked', async () => {
    await focus('one-search');
    expect(searches.asked.map((entry) => entry.q)).toEqual(['']);
    searches.answer('', { items: [SARA, MARCO], total: 14 });
    await settle();
    expect(optionTexts()).toEqual(['Sara Bianchi · Service Desk', 'Marco Rossi · Networks', 'Type to search among 12 more']);
    expect(document.querySelector('mat-option.more-options')?.getAttribute('aria-disabled')).toBe('true');

    await type('one-search', 'r');
    searches.answer('r', { items: [SARA, MARCO], total: 3 });
    await settle();
    expect(optionTexts().at(-1)).toBe('1 more match');
  });

  it('says no more line when the list shows every match', async () => {
    await focus('one-search');
    searches.answer('', { items: [SARA, MARCO], total: 2 });
    await settle();
    expect(optionTexts()).toEqual(['Sara Bianchi · Service Desk', 'Marco Rossi · Networks']);
  });

  it('leaves out what it is told to, and follows a change of mind', async () => {
    one.componentRef.setInput('exclude', (person: Person) => person.id === MARCO.id);
    await focus('one-search');
    searches.answer('', { items: [SARA, MARCO, LUCA], total: 3 });
    await settle();
    expect(optionTexts()).toEqual(['Sara Bianchi · Service Desk', 'Luca Esposito · Service Desk']);
    one.componentRef.setInput('exclude', (person: Person) => person.team === 'Service Desk');
    await settle();
    expect(optionTexts()).toEqual(['Marco Rossi · Networks']);
  });

  it('holds the item picked, shows its label in the field, and searches nothing for it', async () => {
    const control = oneControl;
    await focus('one-search');
    searches.answer('', { items: [SARA, MARCO], total: 2 });
    await settle();
    await clickOption('Marco Rossi');
    expect(control.value).toEqual(MARCO);
    expect(pickedFrom(control.value)).toEqual(MARCO);
    expect(input('one-search').value).toBe('Marco Rossi');
    expect(searches.asked.map((entry) => entry.q)).toEqual(['']);

    await type('one-search', 'Marco R');
    expect(pickedFrom(control.value)).toBeNull();
    expect(searches.asked.map((entry) => entry.q)).toEqual(['', 'Marco R']);
  });

  it('says the required error under the field, tied to it, until an item is picked', async () => {
    const control = oneControl;
    expect(requirePick(control)).toBeNull();
    await settle();
    const error = field('one-search').querySelector('mat-error');
    expect(textOf(error)).toBe('Choose the manager from the list');
    expect(control.touched).toBe(true);
    expect(input('one-search').getAttribute('aria-invalid')).toBe('true');
    expect(input('one-search').getAttribute('aria-describedby')?.split(' ')).toContain(error?.id);

    control.setValue(SARA);
    await settle();
    expect(field('one-search').querySelector('mat-error')).toBeNull();
    expect(requirePick(control)).toEqual(SARA);
  });

  it("says the API's refusal of the field with the prefix it is given", async () => {
    const control = oneControl;
    control.setValue(SARA);
    control.setErrors({ server: 'is not an active employee' });
    control.markAsTouched();
    await settle();
    expect(textOf(field('one-search').querySelector('mat-error'))).toBe('Manager is not an active employee');
  });

  it('takes focus when asked', () => {
    one.componentInstance.focus();
    expect(document.activeElement).toBe(input('one-search'));
  });

  it('with chips: adds each item picked once, empties the search, offers it no more, and removes it by its button', async () => {
    await showMany();
    const control = manyControl;
    await focus('many-search');
    searches.answer('', { items: [SARA, MARCO], total: 2 });
    await settle();
    await clickOption('Sara Bianchi');
    expect(control.value).toEqual([SARA]);
    expect(control.dirty).toBe(true);
    expect(input('many-search').value).toBe('');
    expect(Array.from(field('many-search').querySelectorAll('mat-chip-row')).map(textOf)).toEqual(['Sara Bianchi']);
    // a search that finds her again does not offer her again
    await type('many-search', 'a');
    searches.answer('a', { items: [SARA, MARCO], total: 2 });
    await settle();
    expect(optionTexts()).toEqual(['Marco Rossi']);

    const remove = field('many-search').querySelector<HTMLButtonElement>('button[aria-label="Remove Sara Bianchi"]');
    remove?.click();
    await settle();
    expect(control.value).toEqual([]);
    expect(control.touched).toBe(true);
  });

  it('with chips: says the required error under the field', async () => {
    await showMany();
    const control = manyControl;
    control.setErrors({ required: true });
    control.markAsTouched();
    await settle();
    expect(textOf(field('many-search').querySelector('mat-error'))).toBe('Choose at least one person');
  });

  it(
    'has no serious accessibility problems, with a list open or errors said',
    async () => {
      await focus('one-search');
      searches.answer('', { items: [SARA, MARCO], total: 5 });
      await settle();
      expect(await seriousA11yViolations(document.body)).toEqual([]);
      requirePick(oneControl);
      await settle();
      expect(await seriousA11yViolations(one.nativeElement as HTMLElement)).toEqual([]);

      await showMany();
      manyControl.setErrors({ required: true });
      manyControl.markAsTouched();
      await settle();
      // (with a chip in it, axe in jsdom reports Material's chip grid, which holds the search input among its rows)
      expect(await seriousA11yViolations(many?.nativeElement as HTMLElement)).toEqual([]);
    },
    AXE_TIMEOUT_MS,
  );
});
