import { HttpStatus } from '@nestjs/common';
import type { ConstraintProblems } from '../common/constraint-problems';

/** The team table's rules a request can break, and what they mean for the client. */
export const TEAM_CONSTRAINTS: ConstraintProblems = {
  uq_team_sibling_name: { status: HttpStatus.CONFLICT, field: 'name', message: 'is already used by another team with the same parent' },
  ck_team_name: { status: HttpStatus.UNPROCESSABLE_ENTITY, field: 'name', message: 'must be 1 to 200 characters' },
  ck_team_not_own_parent: {
    status: HttpStatus.UNPROCESSABLE_ENTITY,
    field: 'parentId',
    message: 'cannot be the team itself or one of its sub-teams',
  },
  team_parent_id_fkey: { status: HttpStatus.UNPROCESSABLE_ENTITY, field: 'parentId', message: 'is not an existing team' },
};
