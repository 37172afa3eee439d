import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';

/** What a confirmation asks. `consequences` are listed so that nobody confirms without knowing what happens. */
export interface ConfirmDialogData {
  readonly title: string;
  readonly message: string;
  readonly consequences?: readonly string[];
  /** The label of the button that goes ahead, e.g. "Delete team". */
  readonly confirmLabel: string;
  /** Colours the confirm button as an error for actions that cannot be undone. */
  readonly destructive?: boolean;
}

/**
 * Asks before a destructive action. Open it with `MatDialog.open(ConfirmDialog, { data })`; it closes
 * with `true` when confirmed and `undefined` otherwise (Cancel, Escape, a click outside). Focus starts
 * on Cancel, so that pressing Enter by habit does not confirm.
 */
@Component({
  selector: 'app-confirm-dialog',
  imports: [MatButtonModule, MatDialogModule],
  template: `
    <h2 mat-dialog-title>{{ data.title }}</h2>
    <mat-dialog-content>
      <p>{{ data.message }}</p>
      @if (data.consequences?.length) {
        <ul data-testid="confirm-consequences">
          @for (consequence of data.consequences; track $index) {
            <li>{{ consequence }}</li>
          }
        </ul>
      }
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" mat-dialog-close cdkFocusInitial>Cancel</button>
      <button mat-flat-button type="button" [class.destructive]="data.destructive" [mat-dialog-close]="true">
        {{ data.confirmLabel }}
      </button>
    </mat-dialog-actions>
  `,
  styles: `
    p {
      margin: 0 0 0.75rem;
    }
    ul {
      margin: 0;
      padding-inline-start: 1.25rem;
    }
    .destructive {
      --mat-button-filled-container-color: var(--mat-sys-error);
      --mat-button-filled-label-text-color: var(--mat-sys-on-error);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ConfirmDialog {
  protected readonly data = inject<ConfirmDialogData>(MAT_DIALOG_DATA);
}
