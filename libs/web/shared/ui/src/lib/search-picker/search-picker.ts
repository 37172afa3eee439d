import { ChangeDetectionStrategy, Component, ElementRef, computed, input, viewChild } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatAutocompleteModule, MatAutocompleteSelectedEvent } from '@angular/material/autocomplete';
import { MatChipsModule } from '@angular/material/chips';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { Page } from '@proficio/shared/contracts';
import { searchOnType, serverError } from '@proficio/web/shared/util';
import { Observable, Subject, of, startWith, switchMap } from 'rxjs';
import { RemoveIcon } from '../remove-icon/remove-icon';

/** What a search picker lists: anything with an id. */
export interface Pickable {
  readonly id: string;
}

/** The search a picker runs for the text typed ('' for the first ones): a page of matches and how many match in all. */
export type PickerSearch<T> = (q: string) => Observable<Pick<Page<T>, 'items' | 'total'>>;

/** What a one-pick field's control holds: the text typed, the item picked from the list, or nothing. */
export type SearchPick<T> = T | string | null;

/** The last line of a picker's list when more match than it shows. */
export function moreMatchText(more: number): string {
  return `${more} more match: type more to narrow the search`;
}

/** The item picked, or null while the field holds text (typing again unpicks it). */
export function pickedFrom<T extends Pickable>(value: SearchPick<T> | undefined): T | null {
  return typeof value === 'object' && value !== null ? value : null;
}

/** The item picked in `control`; without one, the field says that one must be picked (its `required` error), and null. */
export function requirePick<T extends Pickable>(control: FormControl<T | string> | FormControl<SearchPick<T>>): T | null {
  const picked = pickedFrom<T>(control.value);
  if (!picked) {
    control.setErrors({ required: true });
    control.markAsTouched();
  }
  return picked;
}

/**
 * A field to pick by searching as one types (`searchOnType`: once typing pauses, the first matches as soon as the empty
 * field gets focus), with the list less what `exclude` leaves out, a last line when more match than it shows, and the
 * error said under the field. Give it the search to run and how to name an item; domain pickers wrap it.
 *
 * Bind one of two controls: `control` for one pick (it holds the text typed or the item picked, see `pickedFrom` and
 * `requirePick`), or `picks` for many (it holds the items picked, in the order picked, shown as chips with a remove
 * button; an item picked is not offered again).
 */
@Component({
  selector: 'app-search-picker',
  imports: [MatAutocompleteModule, MatChipsModule, MatFormFieldModule, MatInputModule, ReactiveFormsModule, RemoveIcon],
  template: `
    <mat-form-field appearance="outline" class="picker">
      <mat-label>{{ label() }}</mat-label>
      @if (picks(); as picks) {
        <mat-chip-grid #grid [formControl]="picks" [attr.aria-label]="label()">
          @for (item of chosen(); track item.id) {
            <mat-chip-row [value]="item" (removed)="remove(picks, item)">
              {{ labelOf()(item) }}
              <button matChipRemove type="button" [attr.aria-label]="'Remove ' + labelOf()(item)">
                <app-remove-icon />
              </button>
            </mat-chip-row>
          }
          <input
            #searchInput
            [formControl]="text"
            [matChipInputFor]="grid"
            [matAutocomplete]="panel"
            autocomplete="off"
            [placeholder]="placeholder()"
            [attr.data-testid]="testId()"
            (focus)="focused.next()"
          />
        </mat-chip-grid>
      } @else if (control(); as control) {
        <input
          #searchInput
          matInput
          [formControl]="control"
          [matAutocomplete]="panel"
          autocomplete="off"
          [placeholder]="placeholder()"
          [attr.data-testid]="testId()"
          (focus)="focused.next()"
        />
      }
      <mat-autocomplete #panel="matAutocomplete" [displayWith]="shown" (optionSelected)="picked($event)">
        @for (item of options(); track item.id) {
          <mat-option [value]="item">{{ optionLabel()(item) }}</mat-option>
        }
        @if (moreLine(); as more) {
          <mat-option disabled class="more-options">{{ more }}</mat-option>
        }
      </mat-autocomplete>
      @if (hint()) {
        <mat-hint>{{ hint() }}</mat-hint>
      }
      @if (errorText(); as message) {
        <mat-error>{{ message }}</mat-error>
      }
    </mat-form-field>
  `,
  styles: `
    :host {
      display: block;
    }
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
export class SearchPicker<T extends Pickable> {
  private readonly searchInput = viewChild.required<ElementRef<HTMLInputElement>>('searchInput');

  /** One pick: the text typed, or the item picked. */
  readonly control = input<FormControl<T | string> | FormControl<SearchPick<T>> | null>(null);
  /** Many picks: the items picked. */
  readonly picks = input<FormControl<T[]> | null>(null);
  readonly label = input.required<string>();
  /** Runs a search; a failure finds nothing. */
  readonly search = input.required<PickerSearch<T>>();
  /** What the field (or a chip) shows for an item picked. */
  readonly labelOf = input.required<(item: T) => string>();
  /** An item's line in the list (`labelOf` unless told). */
  readonly optionLabelOf = input<((item: T) => string) | null>(null);
  readonly hint = input('');
  readonly placeholder = input('');
  readonly testId = input<string | null>(null);
  /** Items never offered (the person being edited cannot be their own manager, say). */
  readonly exclude = input<(item: T) => boolean>(() => false);
  /** The last line when more match than are listed, from how many more and the text searched ('' for the first ones). */
  readonly moreText = input<(more: number, q: string) => string>(moreMatchText);
  /** The message for each error the control may have; the first one it has is said (`{ required: 'Choose one' }`). */
  readonly errorMessages = input<Readonly<Record<string, string>>>({});
  /** Put before the message of a `server` error (`applyServerErrors`), such as the field's name. */
  readonly serverErrorPrefix = input('');

  /** Many picks: the text typed to search (or, for a moment, the item picked). */
  protected readonly text = new FormControl<SearchPick<T>>('');
  protected readonly focused = new Subject<void>();
  protected readonly found = searchOnType<T>(
    computed(() => this.control() ?? this.text),
    this.focused,
    (q) => this.search()(q),
  );
  /** Many picks: the items picked. */
  protected readonly chosen = toSignal(
    toObservable(this.picks).pipe(
      switchMap((picks): Observable<readonly T[]> => (picks ? picks.valueChanges.pipe(startWith(picks.value)) : of([]))),
    ),
    { initialValue: [] },
  );

  /** What the search found that may be picked (the list may be older than the last pick). */
  protected readonly options = computed(() => {
    const exclude = this.exclude();
    const taken = new Set(this.chosen().map((item) => item.id));
    return this.found().items.filter((item) => !exclude(item) && !taken.has(item.id));
  });
  protected readonly moreLine = computed(() => {
    const { more, q } = this.found();
    return more > 0 ? this.moreText()(more, q) : '';
  });
  protected readonly optionLabel = computed(() => this.optionLabelOf() ?? this.labelOf());

  /** The field's text as `displayWith` writes it: the text typed, or the item picked's label. */
  protected readonly shown = (value: SearchPick<T>): string => (typeof value === 'string' ? value : value ? this.labelOf()(value) : '');

  /** Moves focus to the search field (to a field that says what is missing, say). */
  focus(): void {
    this.searchInput().nativeElement.focus();
  }

  protected errorText(): string | null {
    const control = this.picks() ?? this.control();
    if (!control) return null;
    const messages = this.errorMessages();
    const error = Object.keys(messages).find((key) => control.hasError(key));
    if (error !== undefined) return messages[error] ?? null;
    const server = serverError(control);
    return server === null ? null : `${this.serverErrorPrefix()}${server}`;
  }

  protected picked(event: MatAutocompleteSelectedEvent): void {
    const item = event.option.value as T;
    const picks = this.picks();
    if (!picks) {
      this.control()?.setValue(item);
      return;
    }
    if (!picks.value.some((chosen) => chosen.id === item.id)) {
      picks.setValue([...picks.value, item]);
      picks.markAsDirty();
    }
    event.option.deselect();
    this.text.setValue('');
    // The autocomplete wrote the item's label into the field.
    this.searchInput().nativeElement.value = '';
  }

  protected remove(picks: FormControl<T[]>, item: T): void {
    picks.setValue(picks.value.filter((chosen) => chosen.id !== item.id));
    picks.markAsDirty();
    picks.markAsTouched();
  }
}
