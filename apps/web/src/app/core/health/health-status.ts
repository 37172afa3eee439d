import { HttpErrorResponse } from '@angular/common/http';
import { HealthIndicatorResult, HealthResponse } from '@proficio/shared/contracts';

/** Key of the database indicator in the health body. */
export const DATABASE_INDICATOR = 'database';

export type ApiState = 'up' | 'shutting down' | 'unreachable';
export type ComponentState = 'up' | 'down' | 'unknown';

/** What the UI shows after one health check. */
export interface HealthCheckResult {
  /** `healthy`: everything up; `unhealthy`: the API answered but reports a problem; `unreachable`: no usable answer. */
  readonly outcome: 'healthy' | 'unhealthy' | 'unreachable';
  readonly api: ApiState;
  /** `null` when the API could not be reached, so nothing is known about the database. */
  readonly database: ComponentState | null;
  /** Reason given by the API for a failing database check, if any. */
  readonly databaseMessage?: string;
  /** HTTP status of a failed call (0 for a network error). */
  readonly httpStatus?: number;
}

function isHealthResponse(value: unknown): value is HealthResponse {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const body = value as Partial<HealthResponse>;
  return typeof body.status === 'string' && typeof body.details === 'object' && body.details !== null;
}

function databaseIndicator(body: HealthResponse): HealthIndicatorResult | undefined {
  return body.details[DATABASE_INDICATOR] ?? body.error?.[DATABASE_INDICATOR] ?? body.info?.[DATABASE_INDICATOR];
}

function fromBody(body: HealthResponse, httpStatus?: number): HealthCheckResult {
  const indicator = databaseIndicator(body);
  const database: ComponentState = indicator ? indicator.status : 'unknown';
  const healthy = body.status === 'ok' && database === 'up';
  return {
    outcome: healthy ? 'healthy' : 'unhealthy',
    api: body.status === 'shutting_down' ? 'shutting down' : 'up',
    database,
    ...(indicator?.message && database !== 'up' ? { databaseMessage: indicator.message } : {}),
    ...(httpStatus !== undefined ? { httpStatus } : {}),
  };
}

/** Maps a successful `GET /api/health` body to what the UI shows. */
export function healthFromResponse(body: HealthResponse): HealthCheckResult {
  return isHealthResponse(body) ? fromBody(body) : { outcome: 'unreachable', api: 'unreachable', database: null };
}

/**
 * Maps a failed call to what the UI shows. A 503 from the API still carries the
 * health body (which indicator is down); anything else means the API is unreachable.
 */
export function healthFromError(error: unknown): HealthCheckResult {
  const httpStatus = error instanceof HttpErrorResponse ? error.status : undefined;
  if (error instanceof HttpErrorResponse && isHealthResponse(error.error)) {
    return fromBody(error.error, httpStatus);
  }
  return {
    outcome: 'unreachable',
    api: 'unreachable',
    database: null,
    ...(httpStatus !== undefined ? { httpStatus } : {}),
  };
}
