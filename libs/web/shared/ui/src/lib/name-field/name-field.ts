import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { serverError } from '@proficio/web/shared/util';

/**
 * The Name field of a dialog that names a thing (a team, a role profile): first to take focus, at most `maxlength`
 * characters, "Enter a name" when empty, and the API's word on it ("Name is already used …"). Put it inside the
 * dialog's form; the dialog trims the name before it saves. As wide as the `page` partial's `name-dialog` fields.
 */
@Component({
  selector: 'app-name-field',
  imports: [MatFormFieldModule, MatInputModule, ReactiveFormsModule],
  template: `
    <mat-form-field appearance="outline" class="field">
      <mat-label>Name</mat-label>
      <input matInput [formControl]="control()" autocomplete="off" [maxlength]="maxlength()" cdkFocusInitial />
      @if (control().hasError('required')) {
        <mat-error>Enter a name</mat-error>
      } @else if (serverError(control()); as message) {
        <mat-error>Name {{ message }}</mat-error>
      }
    </mat-form-field>
  `,
  styles: `
    :host {
      display: block;
    }
    .field {
      display: block;
      width: min(28rem, 100%);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NameField {
  readonly control = input.required<FormControl<string>>();
  readonly maxlength = input.required<number>();

  protected readonly serverError = serverError;
}
