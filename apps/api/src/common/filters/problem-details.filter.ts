import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { ProblemDetails } from '@proficio/shared/contracts';
import type { Request, Response } from 'express';
import { STATUS_CODES } from 'node:http';
import { QueryFailedError } from 'typeorm';
import { ConstraintProblems, constraintException } from '../constraint-problems';
import { RequestValidationException } from '../validation/validation-exception';
import { ProblemException } from './problem.exception';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** Postgres error codes a client's request can cause, and what they mean over HTTP. */
const POSTGRES_ERRORS: Record<string, { status: number; detail: string }> = {
  '23505': { status: HttpStatus.CONFLICT, detail: 'A record with the same unique value already exists.' },
  '23503': { status: HttpStatus.CONFLICT, detail: 'The record refers to, or is referred to by, another record.' },
  '23502': { status: HttpStatus.UNPROCESSABLE_ENTITY, detail: 'A required value is missing.' },
  '23514': { status: HttpStatus.UNPROCESSABLE_ENTITY, detail: 'A value breaks a rule of the data model.' },
  '22P02': { status: HttpStatus.BAD_REQUEST, detail: 'A value has the wrong format.' },
  '22001': { status: HttpStatus.UNPROCESSABLE_ENTITY, detail: 'A value is too long.' },
  '22003': { status: HttpStatus.UNPROCESSABLE_ENTITY, detail: 'A number is out of range.' },
};

function problem(status: number, detail?: string, extra: Partial<ProblemDetails> = {}): ProblemDetails {
  return { type: 'about:blank', title: STATUS_CODES[status] ?? 'Error', status, ...(detail ? { detail } : {}), ...extra };
}

/**
 * Maps anything thrown while handling a request to an RFC 9457 problem-details body.
 * A database error naming a constraint of the registry gets that constraint's problem.
 */
export function toProblem(exception: unknown, constraints: ConstraintProblems = {}): ProblemDetails {
  if (exception instanceof RequestValidationException) {
    return problem(HttpStatus.BAD_REQUEST, exception.message, {
      type: 'urn:proficio:problem:validation',
      title: 'Invalid request',
      errors: exception.errors,
    });
  }
  if (exception instanceof ProblemException) {
    return problem(exception.getStatus(), exception.message, {
      type: exception.type,
      title: exception.title,
      ...(exception.errors.length ? { errors: exception.errors } : {}),
      ...(exception.warnings.length ? { warnings: exception.warnings } : {}),
      ...exception.extra,
    });
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const body = exception.getResponse();
    const message = typeof body === 'string' ? body : (body as { message?: unknown }).message;
    const detail = Array.isArray(message) ? message.join('; ') : typeof message === 'string' ? message : exception.message;
    return problem(status, detail);
  }
  if (exception instanceof QueryFailedError) {
    const { code, constraint } = (exception.driverError ?? {}) as { code?: string; constraint?: string };
    const entry = constraint && Object.prototype.hasOwnProperty.call(constraints, constraint) ? constraints[constraint] : undefined;
    if (entry) return toProblem(constraintException(entry));
    const known = code ? POSTGRES_ERRORS[code] : undefined;
    if (known) return problem(known.status, known.detail);
  }
  // Errors raised by Express middleware (body parser) carry a 4xx status of their own.
  const status = (exception as { status?: unknown; type?: unknown })?.status;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    const type = (exception as { type?: unknown }).type;
    const detail =
      type === 'entity.parse.failed'
        ? 'The request body is not valid JSON.'
        : type === 'entity.too.large'
          ? 'The request body is too large.'
          : (exception as Error).message;
    return problem(status, detail);
  }
  return problem(HttpStatus.INTERNAL_SERVER_ERROR, 'An unexpected error occurred. It has been logged.');
}

@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger(ProblemDetailsFilter.name);

  /** `constraints`: the registry of database constraints the app's modules contribute (see src/constraint-problems.ts). */
  constructor(private readonly constraints: ConstraintProblems = {}) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const context = host.switchToHttp();
    const response = context.getResponse<Response>();
    const request = context.getRequest<Request>();
    const body = { ...toProblem(exception, this.constraints), instance: request.originalUrl ?? request.url };
    if (body.status >= 500) {
      this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    }
    if (exception instanceof ProblemException) response.set(exception.headers);
    response.status(body.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(body));
  }
}
