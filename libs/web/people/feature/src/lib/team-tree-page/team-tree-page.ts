import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { TeamNode } from '@proficio/shared/contracts';
import { LOADING, LoadState, toLoadState } from '@proficio/web/shared/util';
import { PeopleApi } from '@proficio/web/people/data-access';
import { TeamTree } from '@proficio/web/people/ui';
import { Subject, startWith, switchMap } from 'rxjs';

/** `/teams`: the organisation's teams as a tree with member counts; each team opens its people in the directory. */
@Component({
  selector: 'app-team-tree-page',
  imports: [MatButtonModule, MatProgressSpinnerModule, TeamTree],
  templateUrl: './team-tree-page.html',
  styleUrl: './team-tree-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TeamTreePage {
  private readonly api = inject(PeopleApi);
  private readonly retries = new Subject<void>();

  protected readonly state = toSignal(
    this.retries.pipe(
      startWith(undefined),
      switchMap(() => this.api.getTeams().pipe(toLoadState())),
    ),
    { initialValue: LOADING as LoadState<TeamNode[]> },
  );

  protected readonly loading = computed(() => this.state().status === 'loading');
  protected readonly teams = computed(() => {
    const state = this.state();
    return state.status === 'loaded' ? state.value : null;
  });
  protected readonly problem = computed(() => {
    const state = this.state();
    return state.status === 'error' ? state.problem : null;
  });

  protected retry(): void {
    this.retries.next();
  }
}
