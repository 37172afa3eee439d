import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';

/** The confirm step's Import button: "Importing…" with a spinner while the import runs, "Try again" after a failure. */
@Component({
  selector: 'app-commit-button',
  imports: [MatButtonModule, MatProgressSpinnerModule],
  template: `
    <button
      mat-flat-button
      type="button"
      data-testid="commit-button"
      [attr.aria-disabled]="committing() ? true : null"
      (click)="commitImport.emit()"
    >
      @if (committing()) {
        <mat-progress-spinner mode="indeterminate" diameter="18" aria-hidden="true" />
        Importing…
      } @else {
        {{ retry() ? 'Try again' : 'Import' }}
      }
    </button>
  `,
  styles: `
    @use 'wizard';

    @include wizard.busy-button;

    mat-progress-spinner {
      display: inline-block;
      margin-inline-end: 0.5rem;
      vertical-align: middle;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CommitButton {
  readonly committing = input.required<boolean>();
  /** After a failed import the button offers to try again. */
  readonly retry = input(false);
  readonly commitImport = output<void>();
}
