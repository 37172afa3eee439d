import { HttpStatus } from '@nestjs/common';
import { ProblemException } from '../common/filters/problem.exception';

/** A 422 (or 409) naming the request field it is about. */
export const fieldProblem = (field: string, message: string, status = HttpStatus.UNPROCESSABLE_ENTITY) =>
  new ProblemException(status, status === HttpStatus.CONFLICT ? 'Conflict' : 'The change cannot be made', `${field} ${message}.`, [
    { field, message },
  ]);

export const conflict = (detail: string) => new ProblemException(HttpStatus.CONFLICT, 'Conflict', detail);

/**
 * What a Postgres constraint a role-profile write broke means for the caller;
 * undefined for anything else (the global filter answers it). The database
 * enforces these rules even when two requests race past the service's checks.
 */
export function roleProfileConstraintProblem(
  driverError: { code?: string; constraint?: string } | undefined,
): ProblemException | undefined {
  switch (driverError?.constraint) {
    case 'uq_role_profile_name':
      return fieldProblem('name', 'is already used by another role profile', HttpStatus.CONFLICT);
    case 'ck_role_profile_name':
      return fieldProblem('name', 'must be 1 to 200 characters');
    case 'ck_role_profile_version_description':
      return fieldProblem('description', 'must be at most 5000 characters');
    case 'uq_role_profile_version_draft':
      return conflict('The role profile already has a draft version.');
    case 'uq_role_profile_version_published':
      return conflict('The role profile already has a published version.');
    case 'ck_role_profile_requirement_draft_only':
      return conflict('Only a draft version can change; a published or retired version is fixed. Start a new version to change it.');
    case 'fk_role_profile_requirement_level':
      return fieldProblem('requirements', 'name a level that the competency does not have');
    case 'role_profile_requirement_competency_id_fkey':
      return fieldProblem('requirements', 'name a competency that does not exist');
    default:
      return undefined;
  }
}
