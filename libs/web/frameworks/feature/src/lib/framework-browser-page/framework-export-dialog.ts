import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toObservable } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatRadioModule } from '@angular/material/radio';
import { FrameworkExportFormat, FrameworkExportNote, FrameworkExportNoteKind } from '@proficio/shared/contracts';
import { fileDownload } from '@proficio/web/auth/data-access';
import { FrameworksApi } from '@proficio/web/frameworks/data-access';
import { FileSizePipe } from '@proficio/web/shared/ui';
import { loaded } from '@proficio/web/shared/util';

export interface ExportFormatOption {
  readonly value: FrameworkExportFormat;
  readonly label: string;
  /** What the format is for, beside its name. */
  readonly hint: string;
}

/** Every format the API writes. */
export const EXPORT_FORMATS: readonly ExportFormatOption[] = [
  { value: 'proficio-json', label: 'Proficio JSON', hint: 'everything this version holds, to import into another Proficio' },
  { value: 'moodle-csv', label: 'Moodle CSV', hint: "Moodle's competency framework import" },
  { value: 'case', label: 'CASE 1.1 JSON', hint: 'a 1EdTech CASE package, for CASE tools and registries' },
];

export interface FrameworkExportDialogData {
  /** The framework version to export. */
  readonly frameworkId: string;
  /** Its code, for the title. */
  readonly code: string;
}

/** The headings of the notes, in the order they are shown. */
const NOTE_GROUPS: readonly { kind: FrameworkExportNoteKind; heading: string }[] = [
  { kind: 'regenerated', heading: 'Regenerated' },
  { kind: 'added', heading: 'Added' },
  { kind: 'left-out', heading: 'Left out' },
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
 * The framework page's export: choose a format, read what the file will be — its name and size, and what the
 * export regenerates (identifiers that were not UUIDs, dates the source did not give), adds (what the format
 * requires) or leaves out (what the format cannot hold), each with its reason — then download it through the
 * authenticated HTTP client (a plain link carries no access token). The dialog stays open after a download, so that
 * another format can follow.
 */
@Component({
  selector: 'app-framework-export-dialog',
  imports: [FileSizePipe, MatButtonModule, MatDialogModule, MatProgressBarModule, MatRadioModule],
  template: `
    <h2 mat-dialog-title>Export {{ data.code }}</h2>
    <mat-dialog-content data-testid="export-dialog">
      <p class="format-label" id="export-format-label">Format</p>
      <mat-radio-group
        class="formats"
        aria-labelledby="export-format-label"
        [value]="format().value"
        (change)="chooseFormat($event.value)"
        data-testid="export-formats"
      >
        @for (option of formats; track option.value) {
          <mat-radio-button [value]="option.value" [attr.data-format]="option.value">
            {{ option.label }} <span class="hint">— {{ option.hint }}</span>
          </mat-radio-button>
        }
      </mat-radio-group>

      <section class="preview" aria-labelledby="export-preview-heading" aria-live="polite" data-testid="export-preview">
        <h3 id="export-preview-heading">What the file will be</h3>
        @if (preview.loading()) {
          <p class="checking">Checking the {{ format().label }} file…</p>
          <mat-progress-bar mode="indeterminate" [attr.aria-label]="'Checking the ' + format().label + ' file'" />
        } @else if (preview.problem(); as problem) {
          <p class="problem" data-testid="export-preview-problem">
            What the export changes could not be checked ({{ problem.title }}). You can still download the file.
            <button mat-button type="button" (click)="preview.reload()">Check again</button>
          </p>
        } @else if (preview.value(); as file) {
          <p class="file" data-testid="export-file">
            <strong>{{ file.fileName }}</strong> · {{ file.size | fileSize }}
          </p>
          @if (file.notes.length === 0) {
            <p class="nothing" data-testid="export-nothing-regenerated">
              Nothing regenerated or left out: the file keeps the source's identifiers and everything this version holds.
            </p>
          } @else {
            @for (group of noteGroups(); track group.kind) {
              <h4 [attr.data-kind]="group.kind">{{ group.heading }}</h4>
              <ul class="notes" [attr.data-testid]="'export-notes-' + group.kind">
                @for (note of group.notes; track $index) {
                  <li>{{ note.message }}</li>
                }
              </ul>
            }
          }
        }
      </section>

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
        <p class="problem" role="alert" data-testid="export-error">{{ message }}</p>
      }
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" mat-dialog-close>Close</button>
      <button
        mat-flat-button
        type="button"
        data-testid="export-download"
        [disabled]="busy() !== null"
        disabledInteractive
        [attr.aria-busy]="busy() !== null"
        (click)="download()"
      >
        {{ busy() ? 'Exporting…' : 'Download ' + format().label }}
      </button>
    </mat-dialog-actions>
  `,
  styles: `
    p {
      margin: 0 0 0.75rem;
    }
    .format-label {
      font: var(--mat-sys-title-small);
      margin-bottom: 0.25rem;
    }
    .formats {
      display: flex;
      flex-direction: column;
      align-items: flex-start;
    }
    .hint {
      color: var(--mat-sys-on-surface-variant);
    }
    .preview {
      margin-top: 1rem;
    }
    .preview h3 {
      font: var(--mat-sys-title-small);
      margin: 0 0 0.5rem;
    }
    .preview h4 {
      font: var(--mat-sys-label-large);
      margin: 0.75rem 0 0.25rem;
    }
    .file {
      overflow-wrap: anywhere;
    }
    .notes {
      margin: 0;
      padding-inline-start: 1.25rem;
      overflow-wrap: anywhere;
    }
    .export-status {
      margin-top: 1rem;
    }
    .export-status mat-progress-bar {
      width: 10rem;
    }
    .problem {
      color: var(--mat-sys-error);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FrameworkExportDialog {
  private readonly api = inject(FrameworksApi);
  protected readonly data = inject<FrameworkExportDialogData>(MAT_DIALOG_DATA);

  protected readonly formats = EXPORT_FORMATS;
  protected readonly format = signal<ExportFormatOption>(EXPORT_FORMATS[0] as ExportFormatOption);

  /** The chosen format's preview; choosing another cancels the one in flight. */
  protected readonly preview = loaded(toObservable(this.format), (format) => this.api.previewExport(this.data.frameworkId, format.value));

  protected readonly noteGroups = computed(() => {
    const notes: FrameworkExportNote[] = this.preview.value()?.notes ?? [];
    return NOTE_GROUPS.map((group) => ({ ...group, notes: notes.filter((note) => note.kind === group.kind) })).filter(
      (group) => group.notes.length > 0,
    );
  });

  private readonly file = fileDownload<ExportFormatOption>();
  /** The format being prepared, if any. */
  protected readonly busy = this.file.busy;
  /** The name of the file last downloaded. */
  protected readonly downloaded = this.file.downloaded;
  protected readonly error = this.file.error;

  protected chooseFormat(value: FrameworkExportFormat): void {
    const option = EXPORT_FORMATS.find((candidate) => candidate.value === value);
    if (option) this.format.set(option);
  }

  protected download(): void {
    const format = this.format();
    this.file.start(format, this.api.exportFramework(this.data.frameworkId, format.value), (error) => exportErrorMessage(error, format));
  }
}
