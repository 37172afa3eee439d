import { Injectable, NestMiddleware } from '@nestjs/common';
import { FieldError } from '@proficio/shared/contracts';
import type { NextFunction, Request, Response } from 'express';
import { RequestValidationException } from './validation-exception';

const NUL = '\u0000';
/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function problemWith(text: string): string | null {
  if (text.includes(NUL)) return 'must not contain the NUL character';
  if (LONE_SURROGATE.test(text)) return 'must be valid Unicode text (it holds a lone surrogate)';
  return null;
}

/**
 * The fields of a parsed JSON body, query or route params that hold text PostgreSQL cannot store
 * as sent: NUL characters (text columns refuse them) and lone UTF-16 surrogates (they would be
 * silently replaced by U+FFFD). Paths are dotted, with array indexes in brackets (`requirements[0].name`).
 */
export function malformedTextFields(value: unknown, path = '', depth = 0): FieldError[] {
  if (typeof value === 'string') {
    const message = problemWith(value);
    return message ? [{ field: path || 'body', message }] : [];
  }
  if (depth > 32 || value === null || typeof value !== 'object') return [];
  if (Array.isArray(value)) return value.flatMap((item, index) => malformedTextFields(item, `${path}[${index}]`, depth + 1));
  return Object.entries(value).flatMap(([key, item]) => {
    const keyProblem = problemWith(key);
    const field = path ? `${path}.${key}` : key;
    return [...(keyProblem ? [{ field, message: `name ${keyProblem}` }] : []), ...malformedTextFields(item, field, depth + 1)];
  });
}

/**
 * Refuses a request whose body, query or route params hold malformed text with a 400 that names
 * the fields, before guards (sign-in reads the body in its guard) and pipes see it.
 */
@Injectable()
export class WellFormedTextMiddleware implements NestMiddleware {
  use(request: Request, _response: Response, next: NextFunction): void {
    const errors = [...malformedTextFields(request.body), ...malformedTextFields(request.query), ...malformedTextFields(request.params)];
    if (errors.length) throw new RequestValidationException(errors);
    next();
  }
}
