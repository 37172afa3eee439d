import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { FrameworkExportDialog, FrameworkExportDialogData } from './framework-export-dialog';

/**
 * The framework page's Export button: opens the export dialog, where the format is chosen, what the file will
 * regenerate, add or leave out is read, and the file is downloaded.
 */
@Component({
  selector: 'app-framework-export-menu',
  imports: [MatButtonModule],
  template: `
    <button mat-stroked-button type="button" data-testid="export-button" aria-haspopup="dialog" (click)="openExport()">Export</button>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FrameworkExportMenu {
  private readonly dialog = inject(MatDialog);

  /** The framework version to export. */
  readonly frameworkId = input.required<string>();
  /** Its code, for the dialog's title. */
  readonly code = input('');

  protected openExport(): void {
    this.dialog.open<FrameworkExportDialog, FrameworkExportDialogData>(FrameworkExportDialog, {
      data: { frameworkId: this.frameworkId(), code: this.code() },
      width: '36rem',
      maxWidth: 'calc(100vw - 1rem)',
      autoFocus: 'first-tabbable',
    });
  }
}
