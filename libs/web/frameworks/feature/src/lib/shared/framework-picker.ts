import { ChangeDetectionStrategy, Component, ElementRef, computed, inject, input, viewChild } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatAutocompleteModule, MatAutocompleteSelectedEvent } from '@angular/material/autocomplete';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { FrameworkSummary } from '@proficio/shared/contracts';
import { FrameworksApi } from '@proficio/web/frameworks/data-access';
import { FrameworkVersionPipe } from '@proficio/web/shared/ui';
import { Observable, Subject, catchError, debounceTime, map, merge, of, startWith, switchMap } from 'rxjs';

/** How long typing pauses before the frameworks are searched. */
export const FRAMEWORK_SEARCH_DEBOUNCE_MS = 250;
/** How many frameworks the picker lists at once. */
export const FRAMEWORK_PICKER_SIZE = 10;

/** What a framework picker's control holds: the text typed, or the framework picked from the list. */
export type FrameworkPick = string | FrameworkSummary;

interface FoundFrameworks {
  readonly items: readonly FrameworkSummary[];
  /** Matches not listed. */
  readonly more: number;
}

const NOTHING_FOUND: FoundFrameworks = { items: [], more: 0 };

/** The framework picked, or null while the field holds text (typing again unpicks it). */
export function pickedFramework(value: FrameworkPick | null | undefined): FrameworkSummary | null {
  return typeof value === 'object' && value !== null ? value : null;
}

/** The framework picked in `control`; without one, the field says that one must be picked from the list, and null. */
export function requirePickedFramework(control: FormControl<FrameworkPick>): FrameworkSummary | null {
  const picked = pickedFramework(control.value);
  if (!picked) {
    control.setErrors({ required: true });
    control.markAsTouched();
  }
  return picked;
}

/**
 * A framework of the library, searched by code or name (`GET /api/frameworks?q=`) once typing pauses, the first ones
 * as soon as the field gets focus; the list says how many more match. `control` holds the text typed or the framework
 * picked; the error `required` (see `requirePickedFramework`) is said under the field.
 */
@Component({
  selector: 'app-framework-picker',
  imports: [FrameworkVersionPipe, MatAutocompleteModule, MatFormFieldModule, MatInputModule, ReactiveFormsModule],
  template: `
    <mat-form-field appearance="outline" class="picker">
      <mat-label>{{ label() }}</mat-label>
      <input
        #searchInput
        matInput
        [formControl]="control()"
        [matAutocomplete]="picker"
        autocomplete="off"
        placeholder="Type a code or name"
        [attr.data-testid]="testId()"
        (focus)="focused.next()"
      />
      <mat-autocomplete #picker="matAutocomplete" [displayWith]="nameOf" (optionSelected)="pick($event)">
        @for (framework of options(); track framework.id) {
          <mat-option [value]="framework"
            >{{ framework.code }} {{ framework.versionLabel | frameworkVersion }} · {{ framework.name.text }}</mat-option
          >
        }
        @if (found().more > 0) {
          <mat-option disabled class="more-options">{{ found().more }} more match: type more to narrow the search</mat-option>
        }
      </mat-autocomplete>
      <mat-hint>{{ hint() }}</mat-hint>
      @if (control().hasError('required')) {
        <mat-error>{{ requiredMessage() }}</mat-error>
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
export class FrameworkPicker {
  private readonly api = inject(FrameworksApi);
  private readonly searchInput = viewChild.required<ElementRef<HTMLInputElement>>('searchInput');

  /** The text typed, or the framework picked. */
  readonly control = input.required<FormControl<FrameworkPick>>();
  readonly label = input('Framework');
  readonly hint = input('Search by code or name');
  readonly requiredMessage = input('Choose a framework from the list');
  /** The key of a framework not to offer (one cannot pick the framework being changed). */
  readonly excludeKey = input<string | null>(null);
  readonly testId = input('framework-search');

  protected readonly focused = new Subject<void>();

  /** The library's frameworks matching the text typed (the first ones as soon as the empty field gets focus). */
  protected readonly found = toSignal(
    toObservable(this.control).pipe(
      switchMap((control) =>
        merge(control.valueChanges.pipe(debounceTime(FRAMEWORK_SEARCH_DEBOUNCE_MS)), this.focused.pipe(map(() => control.value))),
      ),
      switchMap((value) => this.search(value)),
      startWith(NOTHING_FOUND),
    ),
    { initialValue: NOTHING_FOUND },
  );

  protected readonly options = computed(() => {
    const excluded = this.excludeKey();
    return this.found().items.filter((framework) => framework.key !== excluded);
  });

  protected readonly nameOf = (value: FrameworkPick | null): string =>
    typeof value === 'string' ? value : value ? `${value.code} · ${value.name.text}` : '';

  /** Moves focus to the search field (to a field that says what is missing, say). */
  focus(): void {
    this.searchInput().nativeElement.focus();
  }

  protected pick(event: MatAutocompleteSelectedEvent): void {
    this.control().setValue(event.option.value as FrameworkSummary);
  }

  /** Text searches (the empty text finds the first frameworks); a framework picked searches nothing; a failure finds nothing. */
  private search(value: FrameworkPick): Observable<FoundFrameworks> {
    if (typeof value !== 'string') return of(NOTHING_FOUND);
    return this.api.listFrameworks({ q: value.trim(), pageSize: FRAMEWORK_PICKER_SIZE }).pipe(
      map((page): FoundFrameworks => ({ items: page.items, more: Math.max(0, page.total - page.items.length) })),
      catchError(() => of(NOTHING_FOUND)),
    );
  }
}
