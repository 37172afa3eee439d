import { HttpErrorResponse } from '@angular/common/http';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { BehaviorSubject, Subject, firstValueFrom, of, take, throwError, toArray } from 'rxjs';
import { problemFromError } from './api-problem';
import { LoadState, loadStateParts, loaded, toLoadState } from './load-state';

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

describe('loadStateParts', () => {
  it.each<[LoadState<number> | null, { value: number | null; loading: boolean; problem: unknown }]>([
    [null, { value: null, loading: false, problem: null }],
    [{ status: 'loading' }, { value: null, loading: true, problem: null }],
    [
      { status: 'loaded', value: 42 },
      { value: 42, loading: false, problem: null },
    ],
    [
      { status: 'error', problem: { status: 409, title: 'Conflict' } },
      { value: null, loading: false, problem: { status: 409, title: 'Conflict' } },
    ],
  ])('reads %j', (state, parts) => {
    const shown = loadStateParts(signal(state));
    expect({ value: shown.value(), loading: shown.loading(), problem: shown.problem() }).toEqual(parts);
  });

  it('follows the state as it changes', () => {
    const state = signal<LoadState<number> | null>(null);
    const shown = loadStateParts(state);
    state.set({ status: 'loaded', value: 7 });
    expect(shown.value()).toBe(7);
  });
});

describe('loaded', () => {
  const problem500 = { status: 500, title: 'Request failed (HTTP 500: Internal Server Error)' };
  const serverError = () => new HttpErrorResponse({ status: 500, statusText: 'Internal Server Error' });

  it('loads once without params, and again on reload', () => {
    const answers = new Subject<number>();
    const request = jest.fn(() => answers.pipe(take(1)));
    const result = TestBed.runInInjectionContext(() => loaded(request));

    expect(result.loading()).toBe(true);
    expect(result.value()).toBeNull();
    answers.next(1);
    expect(result.state()).toEqual({ status: 'loaded', value: 1 });
    expect(result.value()).toBe(1);
    expect(result.loading()).toBe(false);

    result.reload();
    expect(result.loading()).toBe(true);
    answers.next(2);
    expect(result.value()).toBe(2);
    expect(request).toHaveBeenCalledTimes(2);
  });

  it('requests each params value, cancelling the one still in flight', () => {
    const params = new BehaviorSubject('a');
    const pending = new Map<string, Subject<string>>();
    const result = TestBed.runInInjectionContext(() =>
      loaded(params, (p: string) => {
        const answer = new Subject<string>();
        pending.set(p, answer);
        return answer;
      }),
    );

    params.next('b');
    expect(pending.get('a')?.observed).toBe(false);
    pending.get('b')?.next('answer b');
    expect(result.value()).toBe('answer b');
  });

  it('reloads with the latest params', () => {
    const params = new BehaviorSubject(1);
    const request = jest.fn((p: number) => of(p * 10));
    const result = TestBed.runInInjectionContext(() => loaded(params, request));
    params.next(2);
    result.reload();
    expect(request.mock.calls.map(([p]) => p)).toEqual([1, 2, 2]);
    expect(result.value()).toBe(20);
  });

  it('turns an error into a problem, and a retry clears it', () => {
    let fail = true;
    const result = TestBed.runInInjectionContext(() => loaded(() => (fail ? throwError(serverError) : of('ok'))));
    expect(result.problem()).toEqual(problem500);
    expect(result.value()).toBeNull();

    fail = false;
    result.reload();
    expect(result.problem()).toBeNull();
    expect(result.value()).toBe('ok');
  });

  it('reloads on each change announced by reloadOn', () => {
    const changes = new Subject<void>();
    const request = jest.fn(() => of('list'));
    TestBed.runInInjectionContext(() => loaded(request, { reloadOn: changes }));
    changes.next();
    changes.next();
    expect(request).toHaveBeenCalledTimes(3);
  });

  it('shows a value set by hand until the next load', () => {
    const result = TestBed.runInInjectionContext(() => loaded(() => of('from the API')));
    result.set('from a write');
    expect(result.value()).toBe('from a write');
    result.reload();
    expect(result.value()).toBe('from the API');
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
