import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { ApiRoutes, HealthResponse } from '@proficio/shared/contracts';
import { Observable, catchError, map, of } from 'rxjs';
import { HealthCheckResult, healthFromError, healthFromResponse } from './health-status';

/** Calls the API's health endpoint (same origin). */
@Injectable({ providedIn: 'root' })
export class HealthApi {
  private readonly http = inject(HttpClient);

  /** The raw health body; errors (including 503) are passed through. */
  getHealth(): Observable<HealthResponse> {
    return this.http.get<HealthResponse>(ApiRoutes.health);
  }

  /** One health check that never errors: failures become an `unhealthy`/`unreachable` result. */
  checkHealth(): Observable<HealthCheckResult> {
    return this.getHealth().pipe(
      map(healthFromResponse),
      catchError((error: unknown) => of(healthFromError(error))),
    );
  }
}
