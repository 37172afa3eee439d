import { roleProfileConstraintProblem } from './role-profile-problems';

describe('roleProfileConstraintProblem', () => {
  it.each([
    ['uq_role_profile_name', 409, 'name'],
    ['ck_role_profile_name', 422, 'name'],
    ['ck_role_profile_version_description', 422, 'description'],
    ['uq_role_profile_version_draft', 409, undefined],
    ['uq_role_profile_version_published', 409, undefined],
    ['ck_role_profile_requirement_draft_only', 409, undefined],
    ['fk_role_profile_requirement_level', 422, 'requirements'],
  ])('answers %s with %i', (constraint, status, field) => {
    const problem = roleProfileConstraintProblem({ code: '23514', constraint });
    expect(problem?.getStatus()).toBe(status);
    expect(problem?.errors[0]?.field).toBe(field);
  });

  it('leaves other errors to the global filter', () => {
    expect(roleProfileConstraintProblem({ code: '23505', constraint: 'uq_employee_email' })).toBeUndefined();
    expect(roleProfileConstraintProblem(undefined)).toBeUndefined();
  });
});
