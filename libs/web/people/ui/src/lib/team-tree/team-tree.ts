import { ChangeDetectionStrategy, Component, afterRenderEffect, input, viewChild } from '@angular/core';
import { MatTree, MatTreeModule } from '@angular/material/tree';
import { RouterLink } from '@angular/router';
import { TeamNode } from '@proficio/shared/contracts';

/** "3 members", "1 member", "No members". */
export function memberCountLabel(count: number): string {
  if (count === 0) return 'No members';
  return `${count} ${count === 1 ? 'member' : 'members'}`;
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
    return memberCountLabel(count);
  }
}
