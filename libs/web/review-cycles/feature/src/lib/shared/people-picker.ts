import { ChangeDetectionStrategy, Component, ElementRef, computed, input, viewChild } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatAutocompleteModule, MatAutocompleteSelectedEvent } from '@angular/material/autocomplete';
import { MatChipsModule } from '@angular/material/chips';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { NamedRef } from '@proficio/shared/contracts';
import { searchActivePeople } from '@proficio/web/people/data-access/people-search';
import { serverError } from '@proficio/web/shared/util';
import { Subject, startWith, switchMap } from 'rxjs';

/**
 * People picked by hand (`control` holds them, in the order picked): chips with a remove button, and a search by name
 * among active people (`GET /api/employees?q=`) that offers the first ones as soon as the empty field gets focus.
 */
@Component({
  selector: 'app-people-picker',
  imports: [MatAutocompleteModule, MatChipsModule, MatFormFieldModule, MatInputModule, ReactiveFormsModule],
  template: `
    <mat-form-field appearance="outline" class="picker">
      <mat-label>{{ label() }}</mat-label>
      <mat-chip-grid #grid [formControl]="control()" [attr.aria-label]="label()">
        @for (person of chosen(); track person.id) {
          <mat-chip-row [value]="person" (removed)="remove(person)">
            {{ person.name }}
            <button matChipRemove type="button" [attr.aria-label]="'Remove ' + person.name">
              <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false" width="18" height="18">
                <path
                  fill="currentColor"
                  d="M19 6.41 17.59 5 12 10.59 6.41 5 5 6.41 10.59 12 5 17.59 6.41 19 12 13.41 17.59 19 19 17.59 13.41 12z"
                />
              </svg>
            </button>
          </mat-chip-row>
        }
        <input
          #searchInput
          [formControl]="search"
          [matChipInputFor]="grid"
          [matAutocomplete]="picker"
          autocomplete="off"
          placeholder="Type a name"
          data-testid="people-search"
          (focus)="focused.next()"
        />
      </mat-chip-grid>
      <mat-autocomplete #picker="matAutocomplete" (optionSelected)="add($event)">
        @for (person of options(); track person.id) {
          <mat-option [value]="person">{{ person.name }}</mat-option>
        }
        @if (found().more > 0) {
          <mat-option disabled class="more-options">{{ found().more }} more match: type more to narrow the search</mat-option>
        }
      </mat-autocomplete>
      <mat-hint>{{ hint() }}</mat-hint>
      @if (control().hasError('required')) {
        <mat-error>Choose at least one person</mat-error>
      } @else if (serverError(control()); as message) {
        <mat-error>{{ message }}</mat-error>
      }
    </mat-form-field>
  `,
  styles: `
    .picker {
      width: 100%;
    }
    .more-options {
      font: var(--mat-sys-body-small);
      font-style: italic;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PeoplePicker {
  private readonly searchInput = viewChild.required<ElementRef<HTMLInputElement>>('searchInput');

  readonly control = input.required<FormControl<NamedRef[]>>();
  readonly label = input('People');
  readonly hint = input('Search by name; pick as many as you need');

  protected readonly serverError = serverError;
  protected readonly search = new FormControl<string | NamedRef>('', { nonNullable: true });
  protected readonly focused = new Subject<void>();

  protected readonly chosen = toSignal(
    toObservable(this.control).pipe(switchMap((control) => control.valueChanges.pipe(startWith(control.value)))),
    { initialValue: [] as NamedRef[] },
  );

  protected readonly found = searchActivePeople(this.search, this.focused);

  /** What the search found, less those already picked (the list may be older than the last pick). */
  protected readonly options = computed(() => {
    const taken = new Set(this.chosen().map((person) => person.id));
    return this.found().items.filter((person) => !taken.has(person.id));
  });

  protected add(event: MatAutocompleteSelectedEvent): void {
    const person = event.option.value as NamedRef;
    const control = this.control();
    if (!control.value.some((chosen) => chosen.id === person.id)) {
      control.setValue([...control.value, person]);
      control.markAsDirty();
    }
    event.option.deselect();
    this.search.setValue('');
    this.searchInput().nativeElement.value = '';
  }

  protected remove(person: NamedRef): void {
    const control = this.control();
    control.setValue(control.value.filter((chosen) => chosen.id !== person.id));
    control.markAsDirty();
    control.markAsTouched();
  }
}
