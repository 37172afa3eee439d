import { HttpException } from '@nestjs/common';
import type { FieldError, ProblemDetails } from '@proficio/shared/contracts';

/** Response headers a problem answers with (e.g. `Retry-After` on a 429). */
export type ProblemHeaders = Readonly<Record<string, string>>;

/**
 * An error that already knows its problem-details body, including the places (`errors[]`) it is about
 * and, for a refused file, the findings that would not have stopped it (`warnings[]`).
 */
export class ProblemException extends HttpException {
  constructor(
    status: number,
    readonly title: string,
    detail: string,
    readonly errors: FieldError[] = [],
    readonly type = 'about:blank',
    readonly headers: ProblemHeaders = {},
    readonly warnings: FieldError[] = [],
    /** Members of the body beyond the standard ones (e.g. `newer` on a stale edit). */
    readonly extra: Pick<ProblemDetails, 'newer'> = {},
  ) {
    super(detail, status);
  }
}
