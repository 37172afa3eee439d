import { ConstraintProblems, constraintProblems } from './common/constraint-problems';
import { EMPLOYEE_CONSTRAINTS } from './employees/employee.constraints';
import { EVIDENCE_CONSTRAINTS } from './evidence/evidence.constraints';
import { REVIEW_CONSTRAINTS } from './reviews/reviews.constraints';
import { ROLE_PROFILE_CONSTRAINTS } from './role-profiles/role-profile.constraints';
import { TEAM_CONSTRAINTS } from './teams/team.constraints';
import { USER_CONSTRAINTS } from './users/user.constraints';

/**
 * Every database constraint a client's request can break, with the problem
 * the API answers it with: each module contributes its `<module>.constraints.ts`,
 * assembled here and handed to the global ProblemDetailsFilter (app.module.ts).
 * test/constraint-problems.int-spec.ts checks that every name exists in the
 * migrated database, so renaming a constraint fails a test.
 */
export const CONSTRAINT_PROBLEMS: ConstraintProblems = constraintProblems(
  EMPLOYEE_CONSTRAINTS,
  TEAM_CONSTRAINTS,
  USER_CONSTRAINTS,
  ROLE_PROFILE_CONSTRAINTS,
  EVIDENCE_CONSTRAINTS,
  REVIEW_CONSTRAINTS,
);
