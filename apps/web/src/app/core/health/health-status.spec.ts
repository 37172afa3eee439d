import { HttpErrorResponse, HttpHeaders } from '@angular/common/http';
import { HealthResponse } from '@proficio/shared/contracts';
import { HealthCheckResult, healthFromError, healthFromResponse } from './health-status';

const up: HealthResponse = {
  status: 'ok',
  info: { database: { status: 'up' } },
  error: {},
  details: { database: { status: 'up' } },
};

const dbDown: HealthResponse = {
  status: 'error',
  info: {},
  error: { database: { status: 'down', message: 'connect ECONNREFUSED' } },
  details: { database: { status: 'down', message: 'connect ECONNREFUSED' } },
};

function httpError(status: number, body: unknown): HttpErrorResponse {
  return new HttpErrorResponse({ status, error: body, headers: new HttpHeaders(), url: '/api/health' });
}

describe('healthFromResponse', () => {
  it.each<[string, HealthResponse, HealthCheckResult]>([
    ['all up', up, { outcome: 'healthy', api: 'up', database: 'up' }],
    ['ok without a database indicator', { status: 'ok', details: {} }, { outcome: 'unhealthy', api: 'up', database: 'unknown' }],
    [
      'shutting down',
      { status: 'shutting_down', details: { database: { status: 'up' } } },
      { outcome: 'unhealthy', api: 'shutting down', database: 'up' },
    ],
  ])('%s', (_name, body, expected) => {
    expect(healthFromResponse(body)).toEqual(expected);
  });
});

describe('healthFromError', () => {
  it.each<[string, unknown, HealthCheckResult]>([
    [
      '503 with a health body',
      httpError(503, dbDown),
      { outcome: 'unhealthy', api: 'up', database: 'down', databaseMessage: 'connect ECONNREFUSED', httpStatus: 503 },
    ],
    [
      '503 from a proxy, no health body',
      httpError(503, 'Service Unavailable'),
      { outcome: 'unreachable', api: 'unreachable', database: null, httpStatus: 503 },
    ],
    [
      'network error',
      httpError(0, new ProgressEvent('error')),
      { outcome: 'unreachable', api: 'unreachable', database: null, httpStatus: 0 },
    ],
    ['non-HTTP error', new Error('boom'), { outcome: 'unreachable', api: 'unreachable', database: null }],
  ])('%s', (_name, error, expected) => {
    expect(healthFromError(error)).toEqual(expected);
  });
});
