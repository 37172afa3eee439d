import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { TeamGridStore } from '@proficio/web/people/data-access';
import { BROWSER_LOCALE, LoadedContent } from '@proficio/web/shared/ui';
import { formatLocalNumber } from '@proficio/web/shared/util';
import { of } from 'rxjs';
import { pluralIn } from '../plural';
import { teamAttention } from './team-attention';

/** How many people the card names; the team grid shows everyone. */
export const ATTENTION_LIST_LENGTH = 5;

/**
 * Home card (managers): whose assessments wait for them in their whole line — targets of a role
 * profile they have not assessed, or assessed long ago or on an earlier version — from the team grid.
 */
@Component({
  selector: 'app-team-attention-card',
  imports: [LoadedContent, MatButtonModule, RouterLink],
  templateUrl: './team-attention-card.html',
  styleUrl: './team-attention-card.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TeamAttentionCard {
  private readonly locale = inject(BROWSER_LOCALE);
  protected readonly plural = pluralIn(this.locale);
  protected readonly grid = inject(TeamGridStore).grid(of({ scope: 'line' as const }));
  protected readonly attention = computed(() => {
    const grid = this.grid.value();
    return grid ? teamAttention(grid) : null;
  });
  /** "3 assessments missing and 1 out of date, for 2 of the 5 people in your line." */
  protected readonly summary = computed(() => {
    const attention = this.attention();
    if (!attention) return '';
    const parts = [
      ...(attention.missing ? [`${this.plural(attention.missing, 'assessment')} missing`] : []),
      ...(attention.outdated ? [`${this.plural(attention.outdated, 'assessment')} out of date`] : []),
    ];
    return `${parts.join(' and ')}, for ${formatLocalNumber(attention.waiting.length, this.locale)} of the ${this.plural(attention.people, 'person', 'people')} in your line.`;
  });
  protected readonly listed = computed(() => this.attention()?.waiting.slice(0, ATTENTION_LIST_LENGTH) ?? []);
  protected readonly notListed = computed(() => (this.attention()?.waiting.length ?? 0) - this.listed().length);
}
