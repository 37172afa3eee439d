import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';

/**
 * The upload step's buttons, inside the page's upload `<form>`: "Upload and check" submits it (busy, not disabled,
 * while the upload runs), and Cancel stops the upload under way. Laid out as the wizard's `.actions`.
 */
@Component({
  selector: 'app-upload-actions',
  imports: [MatButtonModule],
  template: `
    <button mat-flat-button type="submit" data-testid="upload-button" [attr.aria-disabled]="uploading() ? true : null">
      Upload and check
    </button>
    @if (uploading()) {
      <button mat-button type="button" (click)="cancelUpload.emit()">Cancel</button>
    }
  `,
  styles: `
    @use 'wizard';

    @include wizard.busy-button;
  `,
  host: { class: 'actions' },
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UploadActions {
  readonly uploading = input.required<boolean>();
  readonly cancelUpload = output<void>();
}
