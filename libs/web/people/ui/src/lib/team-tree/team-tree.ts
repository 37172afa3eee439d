import { ChangeDetectionStrategy, Component, afterRenderEffect, inject, input, viewChild } from '@angular/core';
import { MatTree, MatTreeModule } from '@angular/material/tree';
import { RouterLink } from '@angular/router';
import { TeamNode } from '@proficio/shared/contracts';
import { BROWSER_LOCALE } from '@proficio/web/shared/ui';
import { countText } from '@proficio/web/shared/util';

/** "1,234 members" (in `locale`), "1 member", "No members". */
export function memberCountLabel(count: number, locale: string): string {
  if (count === 0) return 'No members';
  return countText(count, locale, 'member', 'members');
}

/**
 * The team tree (any depth) with each team's member count, as an accessible tree: arrow keys
 * move and expand/collapse, Enter opens the team's people, typing jumps to a team by name.
 * Each team links to `peoplePath?teamId=<id>`.
 */
@Component({
  selector: 'app-team-tree',
  imports: [MatTreeModule, RouterLink],
  templateUrl: './team-tree.html',
  styleUrl: './team-tree.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TeamTree {
  private readonly locale = inject(BROWSER_LOCALE);
  readonly teams = input.required<TeamNode[]>();
  readonly label = input('Teams');
  /** Where a team's link goes, with `?teamId=`. */
  readonly peoplePath = input('/people');

  private readonly matTree = viewChild(MatTree);

  constructor() {
    // The org chart is small enough to show whole: open every team once the tree is drawn.
    afterRenderEffect(() => {
      this.teams();
      this.matTree()?.expandAll();
    });
  }

  protected readonly childrenOf = (team: TeamNode): TeamNode[] => team.children;
  protected readonly idOf = (team: TeamNode): string => team.id;
  protected readonly trackById = (_index: number, team: TeamNode): string => team.id;

  protected memberCountLabel(count: number): string {
    return memberCountLabel(count, this.locale);
  }
}
