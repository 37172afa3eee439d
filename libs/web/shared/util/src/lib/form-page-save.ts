import { ElementRef, inject, signal } from '@angular/core';
import { FormGroup } from '@angular/forms';
import { Observable } from 'rxjs';
import { ApiProblem, problemFromError } from './api-problem';
import { applyServerErrors } from './server-errors';

/** The fields a refusal focuses first when there is no summary: Material fields the form or the API found at fault. */
const INVALID_FIELDS = '.mat-form-field-invalid input, .mat-form-field-invalid mat-select, .mat-form-field-invalid mat-chip-grid input';

export interface FormPageSaveOptions {
  /** The API's field names that name another control on the form (e.g. managerId → manager), for `applyServerErrors`. */
  readonly fields?: Readonly<Record<string, string>>;
  /** The box above the form that lists `problems` (a `viewChild`), focused after a refusal when it shows. */
  readonly summary: () => ElementRef<HTMLElement> | undefined;
}

/**
 * The save of a page that is one form (add or edit a thing): `saving` while it is in flight, `problems` (what the API
 * refused that no field can show), and whether the form has changes not saved yet. A refusal puts the API's field
 * errors next to the fields and focuses what needs attention: the summary of problems, else the first field at fault.
 * Create it in a field initialiser: it focuses within the component's own element.
 */
export class FormPageSave {
  readonly saving = signal(false);
  readonly problems = signal<readonly string[]>([]);
  /** Set once a save succeeded, so that the way out of the page does not ask. */
  private saved = false;
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);

  constructor(
    private readonly form: FormGroup,
    private readonly options: FormPageSaveOptions,
  ) {}

  /** The form was changed and not saved. */
  hasUnsavedChanges(): boolean {
    return this.form.dirty && !this.saved;
  }

  /** Marks every field so its error shows; true when the form is valid and no save is in flight (else `problems` empties). */
  ready(): boolean {
    this.form.markAllAsTouched();
    if (this.form.valid && !this.saving()) return true;
    this.problems.set([]);
    return false;
  }

  /** Sends `request$`; `saved` gets the answer. `problem` may reword a refusal before the form shows it. */
  run<T>(request$: Observable<T>, saved: (value: T) => void, problem: (problem: ApiProblem) => ApiProblem = (refusal) => refusal): void {
    this.saving.set(true);
    this.problems.set([]);
    request$.subscribe({
      next: (value) => {
        this.saved = true;
        saved(value);
      },
      error: (error: unknown) => {
        this.saving.set(false);
        this.problems.set(applyServerErrors(this.form, problem(problemFromError(error)), this.options.fields));
        this.focusProblem();
      },
    });
  }

  /** Focuses what needs attention once the page shows it: the summary, or else the first field at fault. */
  focusProblem(): void {
    setTimeout(() =>
      (this.options.summary()?.nativeElement ?? this.host.nativeElement.querySelector<HTMLElement>(INVALID_FIELDS))?.focus(),
    );
  }
}
