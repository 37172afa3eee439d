import { CallHandler, ExecutionContext, HttpStatus, NestInterceptor } from '@nestjs/common';
import type { Request, RequestHandler, Response } from 'express';
import { from, Observable, switchMap } from 'rxjs';
import { ProblemException } from '../filters/problem.exception';
import { RequestValidationException } from '../validation/validation-exception';
import { malformedTextFields } from '../validation/well-formed-text';
import { jsonParser } from './json-body';

export interface LargeJsonBodyOptions {
  /** Most bytes the body may have. */
  readonly limitBytes: number;
  /** The field that makes the body large, named in the refusal (e.g. `assessments`). */
  readonly field: string;
  /** What to do instead, ending the refusal's message (e.g. 'save fewer assessments at a time'). */
  readonly advice: string;
}

/** Bytes in words: "10 MiB" for whole mebibytes, otherwise "262,144 bytes". */
export function byteSize(bytes: number): string {
  const mebibytes = bytes / (1024 * 1024);
  return Number.isInteger(mebibytes) ? `${mebibytes} MiB` : `${bytes.toLocaleString('en')} bytes`;
}

/**
 * Reads the JSON body of a route that takes more than the app's 256 KB, after the guards have let
 * the caller in (the app's parser leaves it unread: the route is listed in
 * ROUTES_READING_THEIR_OWN_BODY), with the same shape checks and its own limit. A body over the
 * limit is a 413 that names the field and the limit; text PostgreSQL cannot store is a 400 naming
 * the fields, as the app's middleware answers for every other body. Use it as the route's first
 * interceptor: `@UseInterceptors(new LargeJsonBodyInterceptor({ ... }))`.
 */
export class LargeJsonBodyInterceptor implements NestInterceptor {
  private readonly parse: RequestHandler;

  constructor(private readonly options: LargeJsonBodyOptions) {
    this.parse = jsonParser(options.limitBytes);
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    return from(this.read(http.getRequest<Request>(), http.getResponse<Response>())).pipe(switchMap(() => next.handle()));
  }

  private async read(request: Request, response: Response): Promise<void> {
    // A body the app's parser has read already (a route missing from ROUTES_READING_THEIR_OWN_BODY) is left as it is.
    await new Promise<void>((resolve, reject) =>
      this.parse(request, response, (error?: unknown) => (error ? reject(this.explain(error)) : resolve())),
    );
    const malformed = malformedTextFields(request.body);
    if (malformed.length) throw new RequestValidationException(malformed);
  }

  /** A body over the limit says which field makes it large, and the limit; the parser's other refusals (400) stay as they are. */
  private explain(error: unknown): unknown {
    if ((error as { type?: unknown })?.type !== 'entity.too.large') return error;
    const { limitBytes, field, advice } = this.options;
    const limit = `${byteSize(limitBytes)} (${limitBytes.toLocaleString('en')} bytes)`;
    return new ProblemException(
      HttpStatus.PAYLOAD_TOO_LARGE,
      'The request body is too large',
      `This request's body may be at most ${limit}: ${advice}.`,
      [{ field, message: `must fit in a request body of at most ${limit}: ${advice}` }],
      { type: 'urn:proficio:problem:body-too-large' },
    );
  }
}
