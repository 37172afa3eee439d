import { HttpStatus } from '@nestjs/common';
import type { ConstraintProblems } from '../common/constraint-problems';

/** The review tables' rules a request can break, and what they mean for the client. */
export const REVIEW_CONSTRAINTS: ConstraintProblems = {
  uq_review_cycle_name: { status: HttpStatus.CONFLICT, field: 'name', message: 'is already used by another review cycle' },
  ck_review_cycle_period: { status: HttpStatus.BAD_REQUEST, field: 'periodEnd', message: 'must be on or after periodStart' },
  ck_review_cycle_deadlines: { status: HttpStatus.BAD_REQUEST, field: 'managerDue', message: 'must be on or after selfDue' },
  ck_review_state_move: { status: HttpStatus.CONFLICT, field: 'state', message: 'has moved on since: reload the review' },
  ck_review_draft_open: { status: HttpStatus.CONFLICT, field: 'state', message: 'is signed: the review cannot change' },
  ck_review_reassign_open: { status: HttpStatus.CONFLICT, field: 'state', message: 'is signed: the review keeps its manager' },
  uq_review_snapshot_number: { status: HttpStatus.CONFLICT, field: 'state', message: 'has moved on since: reload the review' },
};
