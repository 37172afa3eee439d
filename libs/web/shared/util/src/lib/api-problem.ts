import { HttpErrorResponse } from '@angular/common/http';
import { FieldError, ProblemDetails } from '@proficio/shared/contracts';

/** What the pages need to know about a failed request. `status` is 0 when the API could not be reached. */
export interface ApiProblem {
  readonly status: number;
  readonly title: string;
  readonly detail?: string;
  /** Each invalid place the API named (a request field, or a place in an uploaded file); left out when none. */
  readonly errors?: readonly FieldError[];
  /** A refused file's findings that would not have stopped it on their own; left out when none. */
  readonly warnings?: readonly FieldError[];
}

function isProblemDetails(body: unknown): body is ProblemDetails {
  return typeof body === 'object' && body !== null && typeof (body as ProblemDetails).title === 'string';
}

/** Turns an HTTP error (an RFC 9457 problem-details body, a bare status or a network failure) into an {@link ApiProblem}. */
export function problemFromError(error: unknown): ApiProblem {
  if (!(error instanceof HttpErrorResponse)) {
    return { status: 0, title: 'Something went wrong', detail: error instanceof Error ? error.message : undefined };
  }
  if (error.status === 0) {
    return {
      status: 0,
      title: 'The Proficio API could not be reached',
      detail: 'Check that it is running, then try again.',
    };
  }
  if (isProblemDetails(error.error)) {
    const { title, detail, errors, warnings } = error.error;
    return {
      status: error.status,
      title,
      detail,
      ...(Array.isArray(errors) && errors.length > 0 ? { errors } : {}),
      ...(Array.isArray(warnings) && warnings.length > 0 ? { warnings } : {}),
    };
  }
  // Angular fills a missing status text with "Unknown Error"; say something more useful.
  const statusText = error.statusText && error.statusText !== 'Unknown Error' ? error.statusText : '';
  return { status: error.status, title: `Request failed (HTTP ${error.status}${statusText ? `: ${statusText}` : ''})` };
}

/**
 * Whether a detail page's read failed because the record in its address is not there for the caller: it does not
 * exist or is not one they may see (404), or the address's id is not an id at all (400, a mistyped or cut link).
 * Such a page says "not found" and offers no retry; other problems can be tried again.
 */
export function isAddressNotFound(problem: ApiProblem): boolean {
  return problem.status === 404 || problem.status === 400;
}
