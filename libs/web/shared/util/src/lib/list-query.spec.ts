import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { convertToParamMap } from '@angular/router';
import { LOADING, LoadState } from './load-state';
import { keptWhileLoading, pagingParams, readChoice, readPaging } from './list-query';

describe('readChoice', () => {
  it.each([
    [{ state: 'open' }, 'open'],
    [{ state: 'closed' }, 'closed'],
    [{ state: 'opened' }, undefined],
    [{ state: '' }, undefined],
    [{}, undefined],
  ])('reads %j as %j', (params, choice) => {
    expect(readChoice(convertToParamMap(params), 'state', ['open', 'closed'] as const)).toBe(choice);
  });
});

describe('readPaging', () => {
  it.each([
    [{}, { page: 1, pageSize: 25 }],
    [
      { page: '3', pageSize: '50' },
      { page: 3, pageSize: 50 },
    ],
    [{ page: '0' }, { page: 1, pageSize: 25 }],
    [{ page: '-2' }, { page: 1, pageSize: 25 }],
    [{ page: '1.5' }, { page: 1, pageSize: 25 }],
    [
      { page: 'x', pageSize: '7' },
      { page: 1, pageSize: 25 },
    ],
  ])('%j → %j', (params, expected) => {
    expect(readPaging(convertToParamMap(params), [10, 25, 50], 25)).toEqual(expected);
  });
});

describe('pagingParams', () => {
  it.each([
    ['next page', { pageIndex: 1, pageSize: 25 }, { page: 1, pageSize: 25 }, { page: 2, pageSize: null }],
    ['back to the first page', { pageIndex: 0, pageSize: 25 }, { page: 2, pageSize: 25 }, { page: null, pageSize: null }],
    ['a new size restarts at page 1', { pageIndex: 3, pageSize: 50 }, { page: 4, pageSize: 25 }, { page: null, pageSize: 50 }],
  ])('%s', (_name, event, current, expected) => {
    expect(pagingParams(event, current, 25)).toEqual(expected);
  });
});

describe('keptWhileLoading', () => {
  it('keeps the last loaded value while the next loads, and drops it on an error', () => {
    TestBed.runInInjectionContext(() => {
      const state = signal<LoadState<string>>(LOADING);
      const value = keptWhileLoading(state);
      expect(value()).toBeNull();
      state.set({ status: 'loaded', value: 'page 1' });
      expect(value()).toBe('page 1');
      state.set(LOADING);
      expect(value()).toBe('page 1');
      state.set({ status: 'error', problem: { status: 500, title: 'Boom' } });
      expect(value()).toBeNull();
    });
  });
});
