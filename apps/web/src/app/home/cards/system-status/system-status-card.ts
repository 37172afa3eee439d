import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { Subject, map, startWith, switchMap } from 'rxjs';
import { HealthApi } from '../../../core/health/health-api';
import { HealthCheckResult } from '../../../core/health/health-status';

type HealthState = { readonly status: 'loading' } | { readonly status: 'loaded'; readonly result: HealthCheckResult };

const LOADING: HealthState = { status: 'loading' };

/** Home card (administrators, and visitors before they sign in): whether the API and its database are up. */
@Component({
  selector: 'app-system-status-card',
  imports: [MatButtonModule, MatProgressSpinnerModule],
  templateUrl: './system-status-card.html',
  styleUrl: './system-status-card.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SystemStatusCard {
  private readonly healthApi = inject(HealthApi);
  private readonly healthChecks = new Subject<void>();

  /** Latest health check; a new check cancels one still in flight. */
  protected readonly health = toSignal(
    this.healthChecks.pipe(
      startWith(undefined),
      switchMap(() =>
        this.healthApi.checkHealth().pipe(
          map((result): HealthState => ({ status: 'loaded', result })),
          startWith(LOADING),
        ),
      ),
    ),
    { initialValue: LOADING },
  );

  /** The finished check, or `null` while one is in flight. */
  protected readonly healthResult = computed(() => {
    const state = this.health();
    return state.status === 'loaded' ? state.result : null;
  });

  protected checkHealthAgain(): void {
    this.healthChecks.next();
  }
}
