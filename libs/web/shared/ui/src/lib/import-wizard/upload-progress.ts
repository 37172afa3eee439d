import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { UploadState, uploadPercent } from '@proficio/web/shared/util';

/**
 * How far an import wizard's upload is, on its upload step while the upload runs: a bar at the percentage sent while
 * the browser says how much that is, then "Checking the file…" once every byte is sent, and an indeterminate
 * "Uploading and checking …" while the browser does not say. `note` follows the indeterminate lines.
 */
@Component({
  selector: 'app-upload-progress',
  imports: [MatProgressBarModule],
  template: `
    @let sent = percent();
    @if (sent !== null) {
      <mat-progress-bar mode="determinate" [value]="sent" aria-label="Uploading the file" />
      <p>Uploading {{ fileName() }}… {{ sent }}%</p>
    } @else if (state()?.status === 'processing') {
      <mat-progress-bar mode="indeterminate" aria-label="Checking the file" />
      <p>Checking the file…{{ note() ? ' ' + note() : '' }}</p>
    } @else {
      <mat-progress-bar mode="indeterminate" aria-label="Uploading the file" />
      <p>Uploading and checking {{ fileName() }}…{{ note() ? ' ' + note() : '' }}</p>
    }
  `,
  styles: `
    :host {
      display: block;
      margin-top: 1.5rem;
    }
    p {
      margin: 0.5rem 0 0;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UploadProgress {
  /** The upload under way (sending or processing); show the progress only while there is one. */
  readonly state = input.required<UploadState<unknown> | null>();
  readonly fileName = input<string | undefined>(undefined);
  /** Said after the indeterminate lines, e.g. "A large file takes a few seconds." */
  readonly note = input('');

  protected readonly percent = computed(() => uploadPercent(this.state()));
}
