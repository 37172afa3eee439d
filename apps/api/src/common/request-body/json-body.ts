import { ApiRoutes } from '@proficio/shared/contracts';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import express from 'express';
import type { IncomingMessage } from 'node:http';

/**
 * What a JSON request body may be. Every JSON route takes a small object (a
 * form's fields, a role profile's requirements); files travel as multipart
 * uploads with their own limits; the few routes that take a larger JSON body
 * read it themselves after authentication (ROUTES_READING_THEIR_OWN_BODY).
 * Anything larger or stranger is refused before it reaches validation:
 * - more than JSON_BODY_LIMIT bytes: 413;
 * - not JSON, or JSON whose top level is not an object (`null`, `42`, `"x"`, `[]`): 400;
 * - objects and arrays nested deeper than JSON_MAX_DEPTH, or an array longer than
 *   JSON_MAX_ARRAY_LENGTH: 400 (deep nesting made class-transformer overflow the stack: a 500 before sign-in).
 */
export const JSON_BODY_LIMIT = '256kb';
export const JSON_MAX_DEPTH = 16;
export const JSON_MAX_ARRAY_LENGTH = 5000;

/**
 * Routes that take a larger JSON body and read it themselves, after authentication, with
 * `LargeJsonBodyInterceptor` and a limit of their own: the parser below leaves their bodies unread,
 * so that nobody can make the server hold a large body before it knows who is asking. Method and
 * path as Express routes them (any case, with or without a trailing slash).
 */
export const ROUTES_READING_THEIR_OWN_BODY: readonly { readonly method: string; readonly path: string }[] = [
  { method: 'POST', path: ApiRoutes.assessmentBatch },
];

function readsItsOwnBody(request: Request): boolean {
  const path = request.path.replace(/\/+$/, '').toLowerCase();
  return ROUTES_READING_THEIR_OWN_BODY.some((route) => route.method === request.method && route.path.toLowerCase() === path);
}

export class BodyShapeError extends Error {
  readonly status = 400;
  readonly type = 'entity.shape.refused';
  readonly expose = true;
}

/**
 * Checks the raw bytes before JSON.parse sees them: the top level is an object,
 * nesting stays within `maxDepth`, and no array holds more than `maxArrayLength`
 * items. One pass, no recursion, strings skipped (their brackets do not count).
 */
export function checkJsonShape(text: string, maxDepth = JSON_MAX_DEPTH, maxArrayLength = JSON_MAX_ARRAY_LENGTH): void {
  const first = text.match(/^\s*(\S)/)?.[1];
  if (first !== '{') throw new BodyShapeError('The request body must be a JSON object.');
  // per open container: is it an array, and how many items has it seen so far
  const stack: { array: boolean; items: number }[] = [];
  let inString = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (inString) {
      if (char === '\\') index++;
      else if (char === '"') inString = false;
      continue;
    }
    const top = stack[stack.length - 1];
    if (char === '"') inString = true;
    if (char === '{' || char === '[') {
      if (stack.length >= maxDepth) throw new BodyShapeError(`The request body is nested deeper than ${maxDepth} levels.`);
      stack.push({ array: char === '[', items: 0 });
    } else if (char === '}' || char === ']') {
      stack.pop();
    } else if (top?.array && char === ',') {
      top.items++;
      if (top.items >= maxArrayLength) throw new BodyShapeError(`An array in the request body has more than ${maxArrayLength} items.`);
    }
  }
}

/** express.json with Proficio's shape checks and the given size limit (bytes, or a string such as '256kb'). */
export function jsonParser(limit: number | string): RequestHandler {
  return express.json({
    limit,
    strict: true,
    verify: (_request: IncomingMessage, _response: unknown, buffer: Buffer, encoding: string) => {
      checkJsonShape(buffer.toString((encoding as BufferEncoding) || 'utf8'));
    },
  });
}

/**
 * express.json with Proficio's limits, for every route but those that read their own body; its
 * errors go to the problem-details handler below.
 */
export function jsonBodyParser(): RequestHandler {
  const parse = jsonParser(JSON_BODY_LIMIT);
  // Named as express.json's own handler is: Nest adds its default JSON parser (100 KB, and it would read
  // the bodies left unread here) unless it finds a middleware of that name.
  return function jsonParser(request, response, next) {
    if (readsItsOwnBody(request)) next();
    else parse(request, response, next);
  };
}

/**
 * Turns a body-parser error into the same problem-details answer as every other
 * error (400 malformed or refused shape, 413 too large, 415 unsupported charset),
 * instead of letting it fall through to a 404.
 */
export function bodyErrorHandler(
  toProblem: (error: unknown) => { status: number },
): (error: unknown, request: Request, response: Response, next: NextFunction) => void {
  return (error, request, response, next) => {
    const status = (error as { status?: unknown })?.status;
    if (typeof status !== 'number' || status < 400 || status >= 500) return next(error);
    const body = { ...toProblem(error), instance: request.originalUrl ?? request.url };
    response.status(body.status).type('application/problem+json').send(JSON.stringify(body));
  };
}
