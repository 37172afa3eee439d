import { ApiProblem, isAddressNotFound } from './api-problem';

describe('isAddressNotFound', () => {
  const problem = (status: number): ApiProblem => ({ status, title: 'Problem' });

  it.each([404, 400])('is true for %s: no such record for the caller, or no id at all in the address', (status) => {
    expect(isAddressNotFound(problem(status))).toBe(true);
  });

  it.each([0, 401, 403, 409, 422, 500, 503])('is false for %s, which a retry or another page answers', (status) => {
    expect(isAddressNotFound(problem(status))).toBe(false);
  });
});
