import { HttpErrorResponse } from '@angular/common/http';
import { firstValueFrom, of, throwError, toArray } from 'rxjs';
import { problemFromError } from './api-problem';
import { toLoadState } from './load-state';

describe('toLoadState', () => {
  it('emits loading, then the loaded value', async () => {
    await expect(firstValueFrom(of(42).pipe(toLoadState(), toArray()))).resolves.toEqual([
      { status: 'loading' },
      { status: 'loaded', value: 42 },
    ]);
  });

  it('turns an error into an error state instead of erroring', async () => {
    const error = new HttpErrorResponse({ status: 500, statusText: 'Internal Server Error' });
    await expect(firstValueFrom(throwError(() => error).pipe(toLoadState(), toArray()))).resolves.toEqual([
      { status: 'loading' },
      { status: 'error', problem: { status: 500, title: 'Request failed (HTTP 500: Internal Server Error)' } },
    ]);
  });
});

describe('problemFromError', () => {
  it.each([
    [
      'a problem-details body',
      new HttpErrorResponse({
        status: 404,
        error: { type: 'about:blank', title: 'Not Found', status: 404, detail: 'No framework version abc' },
      }),
      { status: 404, title: 'Not Found', detail: 'No framework version abc' },
    ],
    [
      'a network failure',
      new HttpErrorResponse({ status: 0, error: new ProgressEvent('error') }),
      { status: 0, title: 'The Proficio API could not be reached', detail: 'Check that it is running, then try again.' },
    ],
    [
      'a problem-details body naming invalid places',
      new HttpErrorResponse({
        status: 422,
        error: {
          type: 'urn:proficio:problem:import-invalid',
          title: 'The file cannot be imported',
          status: 422,
          detail: 'a.csv is not a valid moodle-csv file: 1 error.',
          errors: [{ field: 'row 12, column 4 (Scale values)', message: 'is not a list of values' }],
        },
      }),
      {
        status: 422,
        title: 'The file cannot be imported',
        detail: 'a.csv is not a valid moodle-csv file: 1 error.',
        errors: [{ field: 'row 12, column 4 (Scale values)', message: 'is not a list of values' }],
      },
    ],
    ['a bare status', new HttpErrorResponse({ status: 502 }), { status: 502, title: 'Request failed (HTTP 502)' }],
  ])('reads %s', (_name, error, problem) => {
    expect(problemFromError(error)).toEqual(problem);
  });
});
