import { HttpStatus } from '@nestjs/common';
import type { ConstraintProblems } from '../common/constraint-problems';

const CONFLICT = HttpStatus.CONFLICT;
const UNPROCESSABLE = HttpStatus.UNPROCESSABLE_ENTITY;

/**
 * The role-profile tables' rules a request can break, and what they mean for
 * the client. The database enforces these even when two requests race past
 * the service's checks.
 */
export const ROLE_PROFILE_CONSTRAINTS: ConstraintProblems = {
  uq_role_profile_name: { status: CONFLICT, field: 'name', message: 'is already used by another role profile' },
  ck_role_profile_name: { status: UNPROCESSABLE, field: 'name', message: 'must be 1 to 200 characters' },
  ck_role_profile_version_description: { status: UNPROCESSABLE, field: 'description', message: 'must be at most 5000 characters' },
  uq_role_profile_version_draft: { status: CONFLICT, message: 'The role profile already has a draft version.' },
  uq_role_profile_version_published: { status: CONFLICT, message: 'The role profile already has a published version.' },
  uq_role_profile_version_number: { status: CONFLICT, message: 'Another version of the role profile was started at the same time.' },
  // Raised by the trigger that keeps published and retired versions fixed.
  ck_role_profile_requirement_draft_only: {
    status: CONFLICT,
    message: 'Only a draft version can change; a published or retired version is fixed. Start a new version to change it.',
  },
  fk_role_profile_requirement_level: {
    status: UNPROCESSABLE,
    field: 'requirements',
    message: 'name a level that the competency does not have',
  },
  role_profile_requirement_competency_id_fkey: {
    status: UNPROCESSABLE,
    field: 'requirements',
    message: 'name a competency that does not exist',
  },
};
