import { LowerCasePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatMenuModule } from '@angular/material/menu';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { TeamView } from '@proficio/shared/contracts';
import { SessionStore } from '@proficio/web/auth/data-access';
import { PeopleStore, TeamRow, moveTargets, teamOptions, teamRows } from '@proficio/web/people/data-access';
import { TeamTree } from '@proficio/web/people/ui';
import { ConfirmDialog, ConfirmDialogData } from '@proficio/web/shared/ui';
import { keptWhileLoading, problemFromError } from '@proficio/web/shared/util';
import { filter, switchMap } from 'rxjs';
import { TeamDialog, TeamDialogData } from './team-dialog';

/**
 * `/teams`: the organisation's teams as a tree with member counts; each team opens its people in the
 * directory. Admins also get a list of the teams to add sub-teams, rename, move and delete them.
 */
@Component({
  selector: 'app-team-tree-page',
  imports: [LowerCasePipe, MatButtonModule, MatMenuModule, MatProgressSpinnerModule, TeamTree],
  templateUrl: './team-tree-page.html',
  styleUrl: './team-tree-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TeamTreePage {
  private readonly people = inject(PeopleStore);
  private readonly dialog = inject(MatDialog);
  private readonly session = inject(SessionStore);

  /** Reloads after each saved change to teams (or people, whose counts it shows). */
  private readonly tree = this.people.teams();

  protected readonly loading = this.tree.loading;
  /** The tree on screen: kept while it reloads after a change, so that the page does not jump. */
  protected readonly teams = keptWhileLoading(this.tree.state);
  protected readonly problem = this.tree.problem;

  protected readonly isAdmin = computed(() => this.session.hasRole('admin'));
  protected readonly rows = computed(() => teamRows(this.teams() ?? []));
  /** What the last change did (or why it failed), announced politely. */
  protected readonly status = signal('');
  protected readonly actionError = signal<string | null>(null);

  protected retry(): void {
    this.tree.reload();
  }

  protected addTeam(parent: TeamRow | null): void {
    this.openTeamDialog({ mode: 'create', parentId: parent?.id ?? null, parents: teamOptions(this.teams() ?? []) }, (team) =>
      parent ? `${team.name} added under ${parent.name}.` : `${team.name} added.`,
    );
  }

  protected renameTeam(row: TeamRow): void {
    this.openTeamDialog({ mode: 'rename', team: row, parents: [] }, (team) => `${row.name} renamed to ${team.name}.`);
  }

  protected moveTeam(row: TeamRow): void {
    const parents = moveTargets(this.teams() ?? [], row.id);
    this.openTeamDialog({ mode: 'move', team: row, parents }, (team) => {
      const parent = parents.find((option) => option.id === team.parentId);
      return parent ? `${row.name} moved under ${parent.name}.` : `${row.name} is now a top-level team.`;
    });
  }

  protected deleteTeam(row: TeamRow): void {
    if (row.deleteBlocker) return;
    const data: ConfirmDialogData = {
      title: `Delete ${row.name}?`,
      message: `${row.path} is removed from the organisation.`,
      consequences: [
        'It has no members and no sub-teams, so nobody is moved.',
        'The deletion is recorded in the audit log and cannot be undone.',
      ],
      confirmLabel: 'Delete team',
      destructive: true,
    };
    this.dialog
      .open<ConfirmDialog, ConfirmDialogData, boolean>(ConfirmDialog, { data, autoFocus: 'first-tabbable' })
      .afterClosed()
      .pipe(
        filter((confirmed) => confirmed === true),
        switchMap(() => this.people.deleteTeam(row.id)),
      )
      .subscribe({
        next: () => this.changed(`${row.name} deleted.`),
        error: (error: unknown) => {
          const problem = problemFromError(error);
          this.actionError.set(`${row.name} could not be deleted: ${problem.detail ?? problem.title}`);
          this.tree.reload();
        },
      });
  }

  private openTeamDialog(data: TeamDialogData, done: (team: TeamView) => string): void {
    this.actionError.set(null);
    this.dialog
      .open<TeamDialog, TeamDialogData, TeamView>(TeamDialog, { data, width: '32rem' })
      .afterClosed()
      .pipe(filter((team): team is TeamView => !!team))
      .subscribe((team) => this.changed(done(team)));
  }

  private changed(message: string): void {
    this.actionError.set(null);
    this.status.set(message);
  }
}
