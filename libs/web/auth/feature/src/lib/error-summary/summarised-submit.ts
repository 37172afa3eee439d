import { Injector, afterNextRender, inject, signal } from '@angular/core';
import { FormGroup } from '@angular/forms';
import { Observable } from 'rxjs';
import { ErrorSummary, ErrorSummaryItem } from './error-summary';

/**
 * The submit of a form whose problems are listed in an `<app-error-summary>` above it: `busy` while its request is in
 * flight, and `errors`, the summary's lines. Whenever it lists problems it moves focus to the summary once that is on
 * screen, so that keyboard and screen-reader users meet them at once. Create it in a field initialiser.
 */
export class SummarisedSubmit {
  readonly busy = signal(false);
  readonly errors = signal<readonly ErrorSummaryItem[]>([]);
  private readonly injector = inject(Injector);

  /** `summary` gives the page's summary (its `viewChild`), there while `errors` has lines. */
  constructor(private readonly summary: () => ErrorSummary | undefined) {}

  /** Marks every field of `form` so that its error shows; when the form is invalid, lists `fieldErrors()` and gives false. */
  check(form: FormGroup, fieldErrors: () => readonly ErrorSummaryItem[]): boolean {
    form.markAllAsTouched();
    if (!form.invalid) return true;
    this.show(fieldErrors());
    return false;
  }

  /** Sends `request` (busy meanwhile, the summary emptied): `sent` gets the answer; a failure lists `refused(error)`. */
  run<T>(request: Observable<T>, sent: (value: T) => void, refused: (error: unknown) => readonly ErrorSummaryItem[]): void {
    this.busy.set(true);
    this.errors.set([]);
    request.subscribe({
      next: sent,
      error: (error: unknown) => {
        this.busy.set(false);
        this.show(refused(error));
      },
    });
  }

  /** Lists `items` in the summary and moves focus to it. */
  show(items: readonly ErrorSummaryItem[]): void {
    this.errors.set(items);
    afterNextRender(() => this.summary()?.focus(), { injector: this.injector });
  }
}
