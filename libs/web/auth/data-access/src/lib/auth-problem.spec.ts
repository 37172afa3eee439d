import { HttpErrorResponse } from '@angular/common/http';
import { ProblemDetails } from '@proficio/shared/contracts';
import { isUnauthorized, readAuthProblem } from './auth-problem';

describe('readAuthProblem', () => {
  it('reads the title, detail and field errors of a problem-details body', () => {
    const body: ProblemDetails = {
      type: 'about:blank',
      title: 'Bad Request',
      status: 400,
      errors: [{ field: 'newPassword', message: 'must be at least 12 characters long' }, { bogus: true } as never],
    };
    expect(readAuthProblem(new HttpErrorResponse({ status: 400, error: body }))).toEqual({
      status: 400,
      title: 'Bad Request',
      detail: undefined,
      errors: [{ field: 'newPassword', message: 'must be at least 12 characters long' }],
    });
  });

  it.each<[string, unknown, number, string]>([
    [
      'a network failure',
      new HttpErrorResponse({ status: 0, error: new ProgressEvent('error') }),
      0,
      'The Proficio API could not be reached',
    ],
    ['a status without a body', new HttpErrorResponse({ status: 502 }), 502, 'Request failed (HTTP 502)'],
    ['a non-HTTP error', new Error('boom'), 0, 'Something went wrong'],
  ])('%s', (_name, error, status, title) => {
    expect(readAuthProblem(error)).toMatchObject({ status, title, errors: [] });
  });

  it('isUnauthorized is true only for HTTP 401', () => {
    expect(isUnauthorized(new HttpErrorResponse({ status: 401 }))).toBe(true);
    expect(isUnauthorized(new HttpErrorResponse({ status: 403 }))).toBe(false);
    expect(isUnauthorized(new Error('401'))).toBe(false);
  });
});
