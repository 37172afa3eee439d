import { HttpException } from '@nestjs/common';
import type { FieldError, ProblemDetails } from '@proficio/shared/contracts';

/** Response headers a problem answers with (e.g. `Retry-After` on a 429). */
export type ProblemHeaders = Readonly<Record<string, string>>;

/** What a problem may carry besides its status, title, detail and fields. */
export interface ProblemOptions {
  /** A URI naming the kind of problem; `about:blank` when it is only its status. */
  readonly type?: string;
  readonly headers?: ProblemHeaders;
  /** A refused file's findings that would not have stopped it on their own. */
  readonly warnings?: FieldError[];
  /** A stale edit: the record saved since the form was opened. */
  readonly newer?: ProblemDetails['newer'];
}

/**
 * An error that already knows its problem-details body, including the places (`errors[]`) it is about
 * and, for a refused file, the findings that would not have stopped it (`warnings[]`).
 */
export class ProblemException extends HttpException {
  readonly type: string;
  readonly headers: ProblemHeaders;
  readonly warnings: FieldError[];
  /** Members of the body beyond the standard ones. */
  readonly extra: Pick<ProblemDetails, 'newer'>;

  constructor(
    status: number,
    readonly title: string,
    detail: string,
    readonly errors: FieldError[] = [],
    options: ProblemOptions = {},
  ) {
    super(detail, status);
    this.type = options.type ?? 'about:blank';
    this.headers = options.headers ?? {};
    this.warnings = options.warnings ?? [];
    this.extra = options.newer ? { newer: options.newer } : {};
  }
}
