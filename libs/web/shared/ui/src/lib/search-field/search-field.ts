import { ChangeDetectionStrategy, Component, inject, input, linkedSignal, output } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { NavigationStart, Router } from '@angular/router';
import { Subject, filter, map, switchMap, takeUntil, timer } from 'rxjs';

/** How long the search box waits for typing to pause before it searches. */
export const SEARCH_DEBOUNCE_MS = 300;

/**
 * The search box of a list page. It shows `query` (the search the page runs, usually `?q=` from
 * the URL, so it follows back/forward and links) and emits `searched` with the trimmed text once
 * typing pauses and the text differs from `query`. A navigation that starts while a search waits
 * drops it: clicking a result straight after typing opens the result, not the filtered list.
 */
@Component({
  selector: 'app-search-field',
  imports: [MatFormFieldModule, MatInputModule],
  template: `
    <mat-form-field appearance="outline" subscriptSizing="dynamic" class="search-field">
      <mat-label>{{ label() }}</mat-label>
      <input matInput type="search" autocomplete="off" [value]="text()" (input)="type($event)" />
      @if (hint()) {
        <mat-hint>{{ hint() }}</mat-hint>
      }
    </mat-form-field>
  `,
  styles: `
    :host {
      display: block;
      flex: 1 1 18rem;
      max-width: 32rem;
    }
    .search-field {
      width: 100%;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SearchField {
  readonly label = input.required<string>();
  readonly hint = input<string>('');
  /** The search in force. */
  readonly query = input<string>('');
  readonly searched = output<string>();

  /** What is typed; follows `query` when it changes from outside. */
  protected readonly text = linkedSignal<string, string>({
    source: () => this.query(),
    // Keep a trailing space the user is still typing after when the search catches up.
    computation: (query, previous) => (previous && previous.value.trim() === query ? previous.value : query),
  });
  private readonly typed = new Subject<string>();
  private readonly navigationStarts = inject(Router).events.pipe(filter((event) => event instanceof NavigationStart));

  constructor() {
    this.typed
      .pipe(
        // A debounce that a navigation cancels: each key restarts the wait, a navigation ends it.
        switchMap((value) =>
          timer(SEARCH_DEBOUNCE_MS).pipe(
            map(() => value.trim()),
            takeUntil(this.navigationStarts),
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((value) => {
        if (value !== this.query()) this.searched.emit(value);
      });
  }

  protected type(event: Event): void {
    const value = (event.target as HTMLInputElement).value;
    this.text.set(value);
    this.typed.next(value);
  }
}
