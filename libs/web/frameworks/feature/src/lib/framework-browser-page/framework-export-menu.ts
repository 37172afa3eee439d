import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatMenuModule } from '@angular/material/menu';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { FrameworkExportFormat } from '@proficio/shared/contracts';
import { fileDownload } from '@proficio/web/auth/data-access';
import { FrameworksApi } from '@proficio/web/frameworks/data-access';

export interface ExportFormatOption {
  readonly value: FrameworkExportFormat;
  readonly label: string;
}

/** The export menu's entries: every format the API writes. */
export const EXPORT_FORMATS: readonly ExportFormatOption[] = [
  { value: 'proficio-json', label: 'Proficio JSON' },
  { value: 'moodle-csv', label: 'Moodle CSV' },
  { value: 'case', label: 'CASE 1.1 JSON' },
];

/** What went wrong, in words; the body of a blob request is not read. */
function exportErrorMessage(error: unknown, format: ExportFormatOption): string {
  if (error instanceof HttpErrorResponse && error.status === 0) {
    return 'The Proficio API could not be reached. Check your connection, then try again.';
  }
  if (error instanceof HttpErrorResponse && error.status === 404) {
    return 'This framework version no longer exists, so it cannot be exported.';
  }
  return `The ${format.label} export could not be downloaded. Try again in a moment.`;
}

/**
 * The framework page's Export menu: downloads one framework version in a chosen format
 * through the authenticated HTTP client (a plain link carries no access token) and hands
 * the file to the browser, saying while it prepares it, when it is saved and when it failed.
 */
@Component({
  selector: 'app-framework-export-menu',
  imports: [MatButtonModule, MatMenuModule, MatProgressBarModule],
  template: `
    <button
      mat-stroked-button
      type="button"
      data-testid="export-button"
      [matMenuTriggerFor]="exportMenu"
      [disabled]="busy() !== null"
      disabledInteractive
      [attr.aria-busy]="busy() !== null"
    >
      {{ busy() ? 'Exporting…' : 'Export' }}
    </button>
    <mat-menu #exportMenu="matMenu" aria-label="Export formats">
      @for (format of formats; track format.value) {
        <button mat-menu-item type="button" [attr.data-format]="format.value" (click)="download(format)">{{ format.label }}</button>
      }
    </mat-menu>
    <div class="export-status" role="status" aria-live="polite" data-testid="export-status">
      @if (busy(); as format) {
        <span>Preparing the {{ format.label }} file…</span>
        <mat-progress-bar mode="indeterminate" [attr.aria-label]="'Preparing the ' + format.label + ' file'" />
      } @else if (downloaded(); as filename) {
        <span data-testid="export-downloaded"
          >Downloaded <strong>{{ filename }}</strong>.</span
        >
      }
    </div>
    @if (error(); as message) {
      <p class="export-error" role="alert" data-testid="export-error">{{ message }}</p>
    }
  `,
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      align-items: flex-start;
      gap: 0.25rem;
    }
    .export-status mat-progress-bar {
      width: 10rem;
    }
    .export-error {
      margin: 0;
      color: var(--mat-sys-error);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FrameworkExportMenu {
  private readonly api = inject(FrameworksApi);

  /** The framework version to export. */
  readonly frameworkId = input.required<string>();

  protected readonly formats = EXPORT_FORMATS;
  private readonly file = fileDownload<ExportFormatOption>();
  /** The format being prepared, if any. */
  protected readonly busy = this.file.busy;
  /** The name of the file last downloaded. */
  protected readonly downloaded = this.file.downloaded;
  protected readonly error = this.file.error;

  protected download(format: ExportFormatOption): void {
    this.file.start(format, this.api.exportFramework(this.frameworkId(), format.value), (error) => exportErrorMessage(error, format));
  }
}
