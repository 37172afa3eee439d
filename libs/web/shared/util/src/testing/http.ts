/// <reference types="jest" />
import { HttpFeature, HttpFeatureKind, provideHttpClient } from '@angular/common/http';
import { HttpTestingController, TestRequest, provideHttpClientTesting } from '@angular/common/http/testing';
import { EnvironmentProviders, Provider } from '@angular/core';
import { TestBed } from '@angular/core/testing';

export interface HttpTestingOptions {
  /** HttpClient features, e.g. `withInterceptors([...])`. */
  readonly features?: HttpFeature<HttpFeatureKind>[];
  /** More providers for the TestBed (a router, stubs). */
  readonly providers?: (Provider | EnvironmentProviders)[];
}

/**
 * For specs of code that calls the API (call it in a `describe` block): before each test, TestBed gets an
 * HttpClient answered by HttpTestingController; after each test, no request may be left unanswered.
 * `http()` is the current test's controller.
 */
export function httpTesting(options: HttpTestingOptions = {}): { readonly http: () => HttpTestingController } {
  const http = () => TestBed.inject(HttpTestingController);
  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(...(options.features ?? [])), provideHttpClientTesting(), ...(options.providers ?? [])],
    });
  });
  afterEach(() => http().verify());
  return { http };
}

/** The query `request` sent as `[name, first value]` pairs in the order sent, for when the order is checked too. */
export function paramEntriesOf(request: TestRequest): [string, string | null][] {
  const { params } = request.request;
  return params.keys().map((key) => [key, params.get(key)]);
}

/** The query `request` sent, each parameter by name (its first value), to compare whole with `toEqual`. */
export function paramsOf(request: TestRequest): Record<string, string | null> {
  return Object.fromEntries(paramEntriesOf(request));
}
