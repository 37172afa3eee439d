import { HttpErrorResponse } from '@angular/common/http';
import { FieldError, ProblemDetails } from '@proficio/shared/contracts';

/** What a form needs to know about a failed auth request. `status` is 0 when the API could not be reached. */
export interface AuthProblem {
  readonly status: number;
  readonly title: string;
  readonly detail?: string;
  /** Invalid fields named by a 400 problem-details body. */
  readonly errors: readonly FieldError[];
}

function isProblemDetails(body: unknown): body is ProblemDetails {
  return typeof body === 'object' && body !== null && typeof (body as ProblemDetails).title === 'string';
}

function isFieldError(value: unknown): value is FieldError {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as FieldError).field === 'string' &&
    typeof (value as FieldError).message === 'string'
  );
}

/** Reads an HTTP error (RFC 9457 problem details, a bare status or a network failure) into an {@link AuthProblem}. */
export function readAuthProblem(error: unknown): AuthProblem {
  if (!(error instanceof HttpErrorResponse)) {
    return { status: 0, title: 'Something went wrong', errors: [] };
  }
  if (error.status === 0) {
    return {
      status: 0,
      title: 'The Proficio API could not be reached',
      detail: 'Check your connection, then try again.',
      errors: [],
    };
  }
  if (isProblemDetails(error.error)) {
    const errors = Array.isArray(error.error.errors) ? error.error.errors.filter(isFieldError) : [];
    return { status: error.status, title: error.error.title, detail: error.error.detail, errors };
  }
  return { status: error.status, title: `Request failed (HTTP ${error.status})`, errors: [] };
}

export function isUnauthorized(error: unknown): boolean {
  return error instanceof HttpErrorResponse && error.status === 401;
}
