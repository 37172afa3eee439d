import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatAutocompleteModule, MatAutocompleteSelectedEvent } from '@angular/material/autocomplete';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';
import { FrameworkScaleChangeResult, FrameworkScaleChoice, FrameworkScaleStatus, FrameworkSummary } from '@proficio/shared/contracts';
import { FrameworksApi } from '@proficio/web/frameworks/data-access';
import { FrameworkVersionPipe } from '@proficio/web/shared/ui';
import { ApiProblem, problemFromError } from '@proficio/web/shared/util';
import { Subject, catchError, debounceTime, map, merge, of, startWith, switchMap } from 'rxjs';

export interface FrameworkScaleDialogData {
  /** The framework version shown: the change writes the version after the framework's latest. */
  readonly frameworkId: string;
  readonly frameworkKey: string;
  readonly code: string;
  /** The name of the scale it is rated on now. */
  readonly scaleName: string;
  readonly status: FrameworkScaleStatus;
}

/** How long typing pauses before the frameworks are searched. */
export const FRAMEWORK_SEARCH_DEBOUNCE_MS = 250;
/** How many frameworks the picker lists at once. */
const PICKER_SIZE = 10;

export const GENERIC_SCALE_WORDS = 'the generic 1–5 proficiency scale';

/** Why the API refused the change, in words. */
export function scaleProblemMessage(problem: ApiProblem): string {
  if (problem.status === 409) {
    const reasons = (problem.errors ?? []).map((error) => error.message.replace(/^cannot change: /, ''));
    return reasons.length
      ? `The scale cannot change: ${reasons.join('; ')}.`
      : 'The scale cannot change any more: its competencies have levels of their own, or people have been assessed on it.';
  }
  if (problem.status === 422 && problem.errors?.some((error) => error.field === 'frameworkVersionId'))
    return 'The framework chosen no longer exists: choose another.';
  if (problem.status === 404) return 'This framework no longer exists.';
  if (problem.status === 403) return "Only administrators can change a framework's scale.";
  if (problem.status === 0) return 'The Proficio API could not be reached. Check your connection, then try again.';
  return `The scale could not be changed: ${problem.title}${problem.detail ? ` (${problem.detail})` : ''}.`;
}

/**
 * An administrator puts a framework whose competencies have no levels of their own on another scale: the generic
 * 1–5 proficiency scale or another framework's (searched by code or name). Says what the change does — it publishes
 * the framework's next version; the versions before stay as they are — and closes with the version written; a
 * refusal (people were assessed on it meanwhile, the framework chosen is gone) is said in the dialog.
 */
@Component({
  selector: 'app-framework-scale-dialog',
  imports: [
    FrameworkVersionPipe,
    MatAutocompleteModule,
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatRadioModule,
    ReactiveFormsModule,
  ],
  template: `
    <form [formGroup]="form" (ngSubmit)="confirm()" novalidate data-testid="scale-dialog">
      <h2 mat-dialog-title>Change the scale of {{ data.code }}</h2>
      <mat-dialog-content>
        <p data-testid="scale-now">
          Now rated on <strong>{{ data.scaleName }}</strong>{{
            data.status.placeholder ? ', a one-level placeholder nobody can be rated on' : ''
          }}.
        </p>
        <p class="choice-label" id="scale-source-label">New scale</p>
        <mat-radio-group class="sources" formControlName="source" aria-labelledby="scale-source-label">
          <mat-radio-button value="generic">
            The generic 1–5 proficiency scale <span class="hint">— Novice, Advanced beginner, Competent, Proficient, Expert</span>
          </mat-radio-button>
          <mat-radio-button value="framework">The scale of another framework</mat-radio-button>
        </mat-radio-group>
        @if (source() === 'framework') {
          <mat-form-field appearance="outline" class="wide">
            <mat-label>Framework</mat-label>
            <input
              matInput
              formControlName="framework"
              [matAutocomplete]="picker"
              autocomplete="off"
              placeholder="Type a code or name"
              data-testid="scale-framework-search"
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
            <mat-hint>Search by code or name</mat-hint>
            @if (frameworkSearch.hasError('required')) {
              <mat-error>Choose the framework whose scale to use from the list</mat-error>
            }
          </mat-form-field>
        }
        <ul class="consequences" data-testid="scale-consequences">
          <li>
            Publishes version {{ data.status.latestVersionNumber + 1 }} of {{ data.code }} on {{ chosenWords() ?? 'the scale chosen' }};
            version {{ data.status.latestVersionNumber }} and those before stay as they are.
          </li>
          <li>Its competencies have no levels of their own: everyone is rated on the framework's scale.</li>
          <li>Once someone has been assessed on it, its scale can no longer change.</li>
        </ul>
        @if (problem(); as problem) {
          <p class="problem" role="alert" data-testid="scale-problem">{{ problem }}</p>
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>Cancel</button>
        <button mat-flat-button type="submit" [disabled]="saving()" data-testid="scale-confirm">
          {{ saving() ? 'Changing…' : 'Change scale' }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    p {
      margin: 0 0 0.75rem;
    }
    .choice-label {
      font: var(--mat-sys-title-small);
      margin-bottom: 0.25rem;
    }
    .sources {
      display: flex;
      flex-direction: column;
      align-items: flex-start;
      margin-bottom: 0.75rem;
    }
    .hint {
      color: var(--mat-sys-on-surface-variant);
    }
    .wide {
      width: 100%;
    }
    .consequences {
      margin: 0.5rem 0 0;
      padding-inline-start: 1.25rem;
    }
    .more-options {
      font: var(--mat-sys-body-small);
      font-style: italic;
    }
    .problem {
      margin-top: 1rem;
      color: var(--mat-sys-error);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FrameworkScaleDialog {
  private readonly api = inject(FrameworksApi);
  private readonly ref = inject<MatDialogRef<FrameworkScaleDialog, FrameworkScaleChangeResult>>(MatDialogRef);
  protected readonly data = inject<FrameworkScaleDialogData>(MAT_DIALOG_DATA);

  protected readonly sourceControl = new FormControl<'generic' | 'framework'>('generic', { nonNullable: true });
  /** The text typed, or the framework picked from the list. */
  protected readonly frameworkSearch = new FormControl<string | FrameworkSummary>('', { nonNullable: true });
  protected readonly form = new FormGroup({ source: this.sourceControl, framework: this.frameworkSearch });
  protected readonly focused = new Subject<void>();
  protected readonly saving = signal(false);
  protected readonly problem = signal<string | null>(null);

  protected readonly source = toSignal(this.sourceControl.valueChanges, { initialValue: this.sourceControl.value });
  private readonly searchValue = toSignal(this.frameworkSearch.valueChanges, { initialValue: this.frameworkSearch.value });
  /** The framework picked; typing again unpicks it. */
  protected readonly chosen = computed(() => {
    const value = this.searchValue();
    return typeof value === 'string' ? null : value;
  });

  /** The library's frameworks matching the text typed (the first ones as soon as the empty field gets focus). */
  protected readonly found = toSignal(
    merge(
      this.frameworkSearch.valueChanges.pipe(debounceTime(FRAMEWORK_SEARCH_DEBOUNCE_MS)),
      this.focused.pipe(map(() => this.frameworkSearch.value)),
    ).pipe(
      map((value) => (typeof value === 'string' ? value.trim() : null)),
      switchMap((q) =>
        q === null
          ? of({ items: [] as FrameworkSummary[], more: 0 })
          : this.api.listFrameworks({ q, pageSize: PICKER_SIZE }).pipe(
              map((page) => ({ items: page.items, more: Math.max(0, page.total - page.items.length) })),
              catchError(() => of({ items: [] as FrameworkSummary[], more: 0 })),
            ),
      ),
      startWith({ items: [] as FrameworkSummary[], more: 0 }),
    ),
    { requireSync: true },
  );

  /** Every framework but this one: its own scale is the one being replaced. */
  protected readonly options = computed(() => this.found().items.filter((framework) => framework.key !== this.data.frameworkKey));

  protected readonly chosenWords = computed(() => {
    if (this.source() === 'generic') return GENERIC_SCALE_WORDS;
    const chosen = this.chosen();
    return chosen ? `the scale of ${chosen.code} (${chosen.name.text})` : null;
  });

  protected readonly nameOf = (value: FrameworkSummary | string | null): string =>
    typeof value === 'string' ? value : value ? `${value.code} · ${value.name.text}` : '';

  constructor() {
    this.form.valueChanges.subscribe(() => this.problem.set(null));
  }

  protected pick(event: MatAutocompleteSelectedEvent): void {
    this.frameworkSearch.setValue(event.option.value as FrameworkSummary);
  }

  protected confirm(): void {
    let choice: FrameworkScaleChoice = { source: 'generic' };
    if (this.source() === 'framework') {
      const chosen = this.chosen();
      if (!chosen) {
        this.frameworkSearch.setErrors({ required: true });
        this.frameworkSearch.markAsTouched();
        return;
      }
      choice = { source: 'framework', frameworkVersionId: chosen.id };
    }
    this.saving.set(true);
    this.problem.set(null);
    this.api.changeScale(this.data.frameworkId, choice).subscribe({
      next: (result) => this.ref.close(result),
      error: (error: unknown) => {
        this.saving.set(false);
        this.problem.set(scaleProblemMessage(problemFromError(error)));
      },
    });
  }
}
