import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { Subject, map, startWith, switchMap } from 'rxjs';
import { HealthApi } from '../core/health/health-api';
import { HealthCheckResult } from '../core/health/health-status';

type HealthState = { readonly status: 'loading' } | { readonly status: 'loaded'; readonly result: HealthCheckResult };

const LOADING: HealthState = { status: 'loading' };

interface Feature {
  readonly name: string;
  readonly description: string;
}

@Component({
  selector: 'app-home-page',
  imports: [MatButtonModule, MatCardModule, MatProgressSpinnerModule],
  templateUrl: './home-page.html',
  styleUrl: './home-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class HomePage {
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

  protected readonly features: readonly Feature[] = [
    { name: 'Competency frameworks', description: 'Define skills and the levels that describe them.' },
    { name: 'People and teams', description: 'Map each person to the role profiles they hold.' },
    { name: 'Assessments', description: 'Record self and manager assessments over time, never overwriting history.' },
    { name: 'Evidence', description: 'Attach the work that backs up each assessed level.' },
    { name: 'Dashboards', description: 'See skill gaps and coverage across people and teams.' },
  ];

  protected checkHealthAgain(): void {
    this.healthChecks.next();
  }
}
