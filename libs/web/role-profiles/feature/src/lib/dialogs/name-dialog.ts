import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { ROLE_PROFILE_LIMITS, RoleProfileDetail } from '@proficio/shared/contracts';
import { RoleProfilesStore } from '@proficio/web/role-profiles/data-access';
import { NameField } from '@proficio/web/shared/ui';
import { DialogWrite, applyServerErrors } from '@proficio/web/shared/util';
import { Observable } from 'rxjs';

export type NameDialogMode = 'create' | 'rename' | 'copy';

export interface NameDialogData {
  readonly mode: NameDialogMode;
  /** The profile to rename or copy. */
  readonly profile?: { readonly id: string; readonly name: string };
  /** For `copy`: the version to copy. */
  readonly version?: number;
}

/**
 * Names a new role profile, a copy, or renames one (admins). It saves through the API itself,
 * shows the API's answer next to the field (a name already taken, any casing) and closes with
 * the saved profile.
 */
@Component({
  selector: 'app-role-profile-name-dialog',
  imports: [MatButtonModule, MatDialogModule, MatFormFieldModule, MatInputModule, NameField, ReactiveFormsModule],
  template: `
    <form [formGroup]="form" (ngSubmit)="save()" novalidate>
      <h2 mat-dialog-title>{{ heading }}</h2>
      <mat-dialog-content>
        @if (write.problem(); as problem) {
          <p class="problem" role="alert" data-testid="name-dialog-problem">{{ problem }}</p>
        }
        <app-name-field [control]="form.controls.name" [maxlength]="limits.nameLength" />
        @if (data.mode === 'create') {
          <mat-form-field appearance="outline" class="field">
            <mat-label>Description (optional)</mat-label>
            <textarea matInput formControlName="description" rows="3" [maxlength]="limits.descriptionLength"></textarea>
            @if (form.controls.description.hasError('server')) {
              <mat-error>Description {{ form.controls.description.getError('server') }}</mat-error>
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
export class NameDialog {
  protected readonly data = inject<NameDialogData>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<NameDialog, RoleProfileDetail>>(MatDialogRef);
  private readonly store = inject(RoleProfilesStore);

  protected readonly limits = ROLE_PROFILE_LIMITS;
  protected readonly form = new FormGroup({
    name: new FormControl(
      this.data.mode === 'rename'
        ? (this.data.profile?.name ?? '')
        : this.data.mode === 'copy'
          ? `Copy of ${this.data.profile?.name ?? ''}`
          : '',
      { nonNullable: true, validators: [Validators.required, Validators.maxLength(ROLE_PROFILE_LIMITS.nameLength)] },
    ),
    description: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(ROLE_PROFILE_LIMITS.descriptionLength)] }),
  });
  protected readonly write = new DialogWrite();

  protected readonly heading =
    this.data.mode === 'create'
      ? 'New role profile'
      : this.data.mode === 'rename'
        ? `Rename ${this.data.profile?.name}`
        : `Copy ${this.data.profile?.name}`;
  protected readonly saveLabel = this.data.mode === 'create' ? 'Create' : this.data.mode === 'rename' ? 'Rename' : 'Copy';

  protected save(): void {
    this.form.controls.name.setValue(this.form.controls.name.value.trim());
    if (this.form.invalid || this.write.saving()) {
      this.form.markAllAsTouched();
      return;
    }
    const { name, description } = this.form.getRawValue();
    const id = this.data.profile?.id ?? '';
    const request: Observable<RoleProfileDetail> =
      this.data.mode === 'create'
        ? this.store.create(description.trim() ? { name, description: description.trim() } : { name })
        : this.data.mode === 'rename'
          ? this.store.update(id, { name })
          : this.store.copy(id, this.data.version !== undefined ? { name, version: this.data.version } : { name });
    this.write.run(
      request,
      (profile) => this.ref.close(profile),
      // What the fields show stays there; anything else is told above them.
      (problem) => (applyServerErrors(this.form, problem).length ? `${problem.title}${problem.detail ? `: ${problem.detail}` : ''}` : null),
    );
  }
}
