import { HttpStatus } from '@nestjs/common';
import type { ConstraintProblems } from '../common/constraint-problems';

/** The evidence tables' rules a request can break, and what they mean for the client. */
export const EVIDENCE_CONSTRAINTS: ConstraintProblems = {
  ck_evidence_file_name: { status: HttpStatus.UNPROCESSABLE_ENTITY, field: 'file', message: 'must have a name of 1 to 255 characters' },
  uq_evidence_verdict_revision: { status: HttpStatus.CONFLICT, field: 'revision', message: 'has a verdict already: reload the evidence' },
};
