import { HttpStatus } from '@nestjs/common';
import { ProblemException } from './filters/problem.exception';

/**
 * The one set of factories for the problems a write refuses with. Every
 * module throws these; none builds its own ProblemException for a field, a
 * conflict or a missing record.
 */

/** A 422 (or 409) naming the request field it is about: detail `<field> <message>.`, one entry in `errors[]`. */
export const fieldProblem = (field: string, message: string, status: number = HttpStatus.UNPROCESSABLE_ENTITY): ProblemException =>
  new ProblemException(status, status === HttpStatus.CONFLICT ? 'Conflict' : 'The change cannot be made', `${field} ${message}.`, [
    { field, message },
  ]);

/** A 409 about the state of the records rather than one field; `title` when the refusal has a name of its own. */
export const conflict = (detail: string, title = 'Conflict'): ProblemException => new ProblemException(HttpStatus.CONFLICT, title, detail);

/** A 404: `<kind> <id> does not exist.` */
export const notFound = (kind: string, id: string): ProblemException =>
  new ProblemException(HttpStatus.NOT_FOUND, 'Not Found', `${kind} ${id} does not exist.`);
