import { HttpStatus } from '@nestjs/common';
import { ProblemException } from './filters/problem.exception';
import { conflict, fieldProblem } from './problems';

/**
 * What breaking a database constraint means for the client: the status, the
 * request field it is about (when there is one) and the message. The database
 * enforces these rules even when two requests race past a service's checks;
 * the global ProblemDetailsFilter answers a QueryFailedError naming one of
 * them with this problem instead of the generic one for its error code.
 */
export interface ConstraintProblem {
  status: number;
  /** The request field the rule is about; without one, `message` is the whole detail. */
  field?: string;
  message: string;
}

/** Constraint (or unique index, or trigger-raised constraint) name → problem. Each module contributes its own. */
export type ConstraintProblems = Readonly<Record<string, ConstraintProblem>>;

/** One registry from the modules' entries; a name claimed twice is a programming error. */
export function constraintProblems(...parts: ConstraintProblems[]): ConstraintProblems {
  const all: Record<string, ConstraintProblem> = {};
  for (const part of parts) {
    for (const [name, problem] of Object.entries(part)) {
      if (name in all) throw new Error(`Constraint ${name} is registered twice`);
      all[name] = problem;
    }
  }
  return all;
}

/** The exception an entry stands for: a field problem, or a conflict (409) / refusal without a field. */
export function constraintException(entry: ConstraintProblem): ProblemException {
  if (entry.field) return fieldProblem(entry.field, entry.message, entry.status);
  return entry.status === HttpStatus.CONFLICT
    ? conflict(entry.message)
    : new ProblemException(entry.status, 'The change cannot be made', entry.message);
}
