import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { EvidenceFileView } from '@proficio/shared/contracts';
import { FileDropZone, FileSizePipe, LocalDatePipe } from '@proficio/web/shared/ui';
import { UploadState, uploadPercent } from '@proficio/web/shared/util';
import { EVIDENCE_FILE_ACCEPT, fileTypeText } from './evidence-text';

/** A file chosen for upload, and how far it got: `waiting` until the draft it goes to is saved. */
export interface UploadItem {
  readonly key: number;
  readonly file: File;
  readonly state: UploadState<EvidenceFileView> | { readonly status: 'waiting' };
}

/**
 * The files of a revision: each stored file with its type and size, downloaded through the API (never a plain
 * link), and — while the revision is a draft its author edits — removable, with a zone that takes files dropped or
 * chosen (several at once) and each upload's progress or the problem the API named (413 too large, 415 a type it
 * does not take). The page runs the uploads; this shows them.
 */
@Component({
  selector: 'app-evidence-files',
  imports: [FileDropZone, FileSizePipe, LocalDatePipe, MatButtonModule, MatProgressBarModule],
  templateUrl: './evidence-files.html',
  styleUrl: './evidence-files.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EvidenceFiles {
  /** Prefix of the ids inside (one per page). */
  readonly inputId = input('evidence-files');
  readonly files = input<readonly EvidenceFileView[]>([]);
  readonly uploads = input<readonly UploadItem[]>([]);
  /** Files can be added (the form of a draft, or of what becomes one). */
  readonly editable = input(false);
  /** Files can be removed (a draft its author edits). */
  readonly removable = input(false);
  /** The id of the file being downloaded. */
  readonly downloading = input<string | null>(null);
  /** Said under the drop zone (e.g. that adding a file saves the draft first). */
  readonly note = input<string | null>(null);

  readonly chosen = output<File[]>();
  readonly remove = output<EvidenceFileView>();
  readonly download = output<EvidenceFileView>();
  readonly dismiss = output<number>();

  protected readonly accept = EVIDENCE_FILE_ACCEPT;
  protected readonly fileTypeText = fileTypeText;
  protected readonly empty = computed(() => this.files().length === 0 && this.uploads().length === 0);

  protected percent(item: UploadItem): number | null {
    return item.state.status === 'sending' ? uploadPercent(item.state) : null;
  }

  protected choose(event: Event): void {
    const input = event.target as HTMLInputElement;
    const files = Array.from(input.files ?? []);
    input.value = '';
    if (files.length) this.chosen.emit(files);
  }

  protected dropped(files: FileList): void {
    this.chosen.emit(Array.from(files));
  }
}
