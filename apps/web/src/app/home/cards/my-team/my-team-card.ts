import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { SessionStore } from '@proficio/web/auth/data-access';
import { BROWSER_LOCALE } from '@proficio/web/shared/ui';
import { pluralIn } from '../plural';

/** Home card (managers): how many people report to them, and the ways to their team. */
@Component({
  selector: 'app-my-team-card',
  imports: [MatButtonModule, RouterLink],
  templateUrl: './my-team-card.html',
  styleUrl: './my-team-card.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MyTeamCard {
  protected readonly plural = pluralIn(inject(BROWSER_LOCALE));
  private readonly me = inject(SessionStore).me;
  protected readonly reportCount = computed(() => this.me()?.reportCount ?? 0);
  protected readonly employeeId = computed(() => this.me()?.employee?.id ?? null);
}
