import type { AssessmentView } from './assessments';

/** One invalid field of a request, as named in a problem-details body. */
export interface FieldError {
  /** Dotted path of the field in the request body or query, e.g. `levels.2.number`. */
  field: string;
  /** Human-readable reason, e.g. "must be a number". */
  message: string;
}

/**
 * Every error the API returns has this shape (RFC 9457 "problem details"),
 * served as `application/problem+json`.
 */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  errors?: FieldError[];
  /** A refused import: the file's other findings, which would not have stopped it on their own (`field` = where in the file). */
  warnings?: FieldError[];
  /** A stale edit (409): the record saved since the form was opened, which the caller had not seen. */
  newer?: AssessmentView;
}
