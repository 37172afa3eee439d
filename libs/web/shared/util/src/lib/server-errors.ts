import { AbstractControl, FormGroup } from '@angular/forms';
import { ApiProblem } from './api-problem';

/**
 * Puts the field errors of a problem-details answer on the form's controls (as the `server` error,
 * which a `<mat-error>` shows next to the field) and returns what no control can show: the
 * problem's own message when it names no field, or errors of fields the form does not have.
 * `fields` maps an API field name to a control name where they differ (e.g. managerId → manager);
 * `describe` words the message a control carries (e.g. with the field's label in front).
 */
export function applyServerErrors(
  form: FormGroup,
  problem: ApiProblem,
  fields: Readonly<Record<string, string>> = {},
  describe: (control: string, message: string) => string = (_control, message) => message,
): string[] {
  const unplaced: string[] = [];
  for (const error of problem.errors ?? []) {
    const name = fields[error.field] ?? error.field;
    const control: AbstractControl | null = form.get(name);
    if (control) {
      control.setErrors({ ...(control.errors ?? {}), server: describe(name, error.message) });
      control.markAsTouched();
    } else {
      unplaced.push(`${error.field} ${error.message}`);
    }
  }
  if (!problem.errors?.length) unplaced.push(problem.detail ?? problem.title);
  return unplaced;
}

/** The message a control's `server` error carries, for its `<mat-error>`. */
export function serverError(control: AbstractControl | null): string | null {
  const message = control?.errors?.['server'];
  return typeof message === 'string' ? message : null;
}
