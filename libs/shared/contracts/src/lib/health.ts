export type HealthIndicatorState = 'up' | 'down';

export interface HealthIndicatorResult {
  status: HealthIndicatorState;
  message?: string;
  [key: string]: unknown;
}

/** Body of `GET /api/health` (the shape `@nestjs/terminus` produces). */
export interface HealthResponse {
  status: 'ok' | 'error' | 'shutting_down';
  info?: Record<string, HealthIndicatorResult>;
  error?: Record<string, HealthIndicatorResult>;
  details: Record<string, HealthIndicatorResult>;
}
