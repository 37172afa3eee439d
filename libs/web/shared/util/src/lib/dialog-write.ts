import { signal } from '@angular/core';
import { Observable } from 'rxjs';
import { ApiProblem, problemFromError } from './api-problem';

/**
 * The one write of a dialog that saves through the API itself: `saving` while it is in flight, and `problem`, what
 * the dialog says of a refusal (null while there is none). A success hands the saved value on (the dialog closes
 * with it); a refusal ends `saving`, so the user can change their answer and save again.
 */
export class DialogWrite {
  readonly saving = signal(false);
  readonly problem = signal<string | null>(null);

  /** Sends `write`; `refusal` puts the API's problem in words, or gives null when the fields show all of it. */
  run<T>(write: Observable<T>, saved: (value: T) => void, refusal: (problem: ApiProblem) => string | null): void {
    this.saving.set(true);
    this.problem.set(null);
    write.subscribe({
      next: saved,
      error: (error: unknown) => {
        this.saving.set(false);
        this.problem.set(refusal(problemFromError(error)));
      },
    });
  }
}
