import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import { NamedRef, TeamView } from '@proficio/shared/contracts';
import { PeopleStore, TeamOption } from '@proficio/web/people/data-access';
import { NameField } from '@proficio/web/shared/ui';
import { DialogWrite, applyServerErrors, serverError } from '@proficio/web/shared/util';
import { Observable } from 'rxjs';

export type TeamDialogMode = 'create' | 'rename' | 'move';

export interface TeamDialogData {
  readonly mode: TeamDialogMode;
  /** The team to rename or move. */
  readonly team?: NamedRef & { readonly parentId: string | null };
  /** For `create`: the parent to start with (null: top level). */
  readonly parentId?: string | null;
  /** The teams it may go under (for `move`, without the team itself and its sub-teams). */
  readonly parents: readonly TeamOption[];
}

export const TEAM_NAME_MAX = 200;

/**
 * Adds a team, renames one or moves one under another parent (admins). It saves through the API
 * itself, shows the API's field errors next to the fields, and closes with the saved team.
 */
@Component({
  selector: 'app-team-dialog',
  imports: [MatButtonModule, MatDialogModule, MatFormFieldModule, MatSelectModule, NameField, ReactiveFormsModule],
  template: `
    <form [formGroup]="form" (ngSubmit)="save()" novalidate>
      <h2 mat-dialog-title>{{ heading }}</h2>
      <mat-dialog-content>
        @if (write.problem(); as problem) {
          <p class="problem" role="alert" data-testid="team-dialog-problem">{{ problem }}</p>
        }
        @if (data.mode !== 'move') {
          <app-name-field [control]="form.controls.name" [maxlength]="nameMax" />
        }
        @if (data.mode !== 'rename') {
          <mat-form-field appearance="outline" class="field">
            <mat-label>{{ data.mode === 'move' ? 'New parent team' : 'Parent team' }}</mat-label>
            <mat-select formControlName="parentId">
              <mat-option value="">None (a top-level team)</mat-option>
              @for (team of data.parents; track team.id) {
                <mat-option [value]="team.id" [style.padding-inline-start.rem]="1 + team.depth">{{ team.name }}</mat-option>
              }
            </mat-select>
            @if (serverError(form.controls.parentId); as message) {
              <mat-error>Parent team {{ message }}</mat-error>
            }
          </mat-form-field>
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>Cancel</button>
        <button mat-flat-button type="submit" [disabled]="write.saving()">{{ saveLabel }}</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    @use 'page';

    @include page.name-dialog;
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TeamDialog {
  protected readonly data = inject<TeamDialogData>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<TeamDialog, TeamView>>(MatDialogRef);
  private readonly people = inject(PeopleStore);

  protected readonly nameMax = TEAM_NAME_MAX;
  protected readonly form = new FormGroup({
    name: new FormControl(this.data.team?.name ?? '', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(TEAM_NAME_MAX)],
    }),
    parentId: new FormControl((this.data.mode === 'create' ? this.data.parentId : this.data.team?.parentId) ?? '', { nonNullable: true }),
  });
  protected readonly write = new DialogWrite();

  protected readonly heading =
    this.data.mode === 'create'
      ? 'Add a team'
      : this.data.mode === 'rename'
        ? `Rename ${this.data.team?.name}`
        : `Move ${this.data.team?.name}`;
  protected readonly saveLabel = this.data.mode === 'create' ? 'Add team' : this.data.mode === 'rename' ? 'Rename' : 'Move';

  protected serverError = serverError;

  protected save(): void {
    if (this.data.mode !== 'move') this.form.controls.name.setValue(this.form.controls.name.value.trim());
    if (this.form.invalid || this.write.saving()) return;
    const { name, parentId } = this.form.getRawValue();
    const id = this.data.team?.id ?? '';
    const request: Observable<TeamView> =
      this.data.mode === 'create'
        ? this.people.createTeam(parentId ? { name, parentId } : { name })
        : this.data.mode === 'rename'
          ? this.people.updateTeam(id, { name })
          : this.people.updateTeam(id, { parentId: parentId || null });
    this.write.run(
      request,
      (team) => this.ref.close(team),
      (problem) => {
        // A field the dialog does not show (the name, when moving) is reported above the form instead.
        const hidden: Record<string, string> =
          this.data.mode === 'move' ? { name: '-' } : this.data.mode === 'rename' ? { parentId: '-' } : {};
        const rest = applyServerErrors(this.form, problem, hidden);
        return rest.length ? rest.join(' ') : null;
      },
    );
  }
}
