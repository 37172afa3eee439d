import { Clipboard } from '@angular/cdk/clipboard';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';

/** What the dialog shows: whose temporary password, and why there is a new one. */
export interface TemporaryPasswordDialogData {
  readonly name: string;
  readonly email: string;
  readonly temporaryPassword: string;
  readonly reason: 'created' | 'reset';
}

/**
 * Shows a temporary password the one time the API answers it, with a copy button. It closes only
 * with "Done" (not by a click outside), so that nobody loses the password by accident.
 */
@Component({
  selector: 'app-temporary-password-dialog',
  imports: [MatButtonModule, MatDialogModule],
  template: `
    <h2 mat-dialog-title>Temporary password for {{ data.name }}</h2>
    <mat-dialog-content>
      <p>
        {{
          data.reason === 'created'
            ? 'The sign-in account has been created.'
            : 'The password has been reset and every session of the account has ended.'
        }}
        Give {{ data.name }} this temporary password in person or through a channel you trust. They sign in with
        <strong>{{ data.email }}</strong> and must choose their own password straight away.
      </p>
      <p class="password" data-testid="temporary-password">{{ data.temporaryPassword }}</p>
      <p class="warning" data-testid="temporary-password-warning">
        <strong>It will not be shown again.</strong> Proficio keeps only a scrambled form of it; if it gets lost, reset the password again.
      </p>
      <p class="copy-status" role="status" aria-live="polite">{{ copyStatus() }}</p>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-stroked-button type="button" (click)="copy()" data-testid="copy-temporary-password">Copy password</button>
      <button mat-flat-button type="button" mat-dialog-close data-testid="temporary-password-done">Done</button>
    </mat-dialog-actions>
  `,
  styles: `
    p {
      margin: 0 0 0.75rem;
    }
    .password {
      font-family: ui-monospace, 'Cascadia Mono', 'Roboto Mono', monospace;
      font-size: 1.375rem;
      letter-spacing: 0.05em;
      padding: 0.75rem 1rem;
      border-radius: 0.5rem;
      background: var(--mat-sys-surface-container-high);
      color: var(--mat-sys-on-surface);
      user-select: all;
      overflow-wrap: anywhere;
    }
    .copy-status {
      min-height: 1.25rem;
      margin: 0;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TemporaryPasswordDialog {
  protected readonly data = inject<TemporaryPasswordDialogData>(MAT_DIALOG_DATA);
  private readonly clipboard = inject(Clipboard);
  protected readonly copyStatus = signal('');

  protected copy(): void {
    this.copyStatus.set(
      this.clipboard.copy(this.data.temporaryPassword)
        ? 'Copied to the clipboard.'
        : 'Could not copy: select the password and copy it yourself.',
    );
  }
}
