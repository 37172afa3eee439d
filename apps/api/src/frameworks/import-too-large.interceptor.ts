import { CallHandler, ExecutionContext, HttpStatus, Injectable, NestInterceptor, PayloadTooLargeException } from '@nestjs/common';
import { catchError, Observable, throwError } from 'rxjs';
import { ProblemException } from '../common/filters/problem.exception';

export const MAX_IMPORT_BYTES = 25 * 1024 * 1024;
const MAX_IMPORT_MB = MAX_IMPORT_BYTES / (1024 * 1024);

/**
 * Names the limit when an uploaded framework file is over it. Placed before the
 * multipart interceptor, it sees the 413 multer's size limit raises ("File too
 * large") and answers problem details that say how large a file may be.
 */
@Injectable()
export class ImportTooLargeInterceptor implements NestInterceptor {
  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next
      .handle()
      .pipe(
        catchError((error: unknown) =>
          throwError(() =>
            error instanceof PayloadTooLargeException
              ? new ProblemException(
                  HttpStatus.PAYLOAD_TOO_LARGE,
                  'The file is too large',
                  `A framework file (and an SFIA levels file) may be at most ${MAX_IMPORT_MB} MB (${MAX_IMPORT_BYTES.toLocaleString('en')} bytes).`,
                  [],
                  { type: 'urn:proficio:problem:import-too-large' },
                )
              : error,
          ),
        ),
      );
  }
}
