import { ChangeDetectionStrategy, Component, ElementRef, computed, effect, input, output, viewChild } from '@angular/core';
import { FileSizePipe } from '../local-number/local-number';
import { FileDropZone } from './file-drop-zone';

/**
 * The file picker of an upload form: a labelled file input in a zone that also takes a dropped
 * file, the chosen file's name and size, and the field's error. It holds no rules of its own: the
 * page passes the chosen `file` and the `error` to show (a missing or too large file, see
 * `fileTooLargeMessage`) and handles `fileChange`. The projected content is the hint under the
 * label. Ids: the input is `inputId`; the hint, error and note are `<inputId>-hint`, `-error`, `-note`,
 * and the input is described by those shown.
 *
 * With `dropZone` false it is a plain framed file field that takes no drops (a second, optional file).
 */
@Component({
  selector: 'app-file-drop',
  imports: [FileDropZone, FileSizePipe],
  template: `
    <div
      class="file-field"
      [class.drop-zone]="dropZone()"
      [appFileDropZone]="dropZone()"
      [dropDisabled]="disabled()"
      [attr.data-testid]="dropZone() ? 'drop-zone' : null"
      (filesDropped)="dropped($event)"
    >
      <label [for]="inputId()">{{ label() }}</label>
      <p class="hint" [id]="inputId() + '-hint'"><ng-content /></p>
      <input
        #input
        type="file"
        [id]="inputId()"
        [attr.data-testid]="dropZone() ? 'file-input' : null"
        [accept]="accept()"
        [disabled]="disabled()"
        [attr.aria-describedby]="describedBy()"
        [attr.aria-invalid]="error() ? true : null"
        (change)="choose($event)"
      />
      @if (file(); as chosen) {
        <p class="chosen" [attr.data-testid]="dropZone() ? 'chosen-file' : null">
          <span class="visually-hidden">Chosen: </span><strong>{{ chosen.name }}</strong> · {{ chosen.size | fileSize }}
        </p>
      }
      @if (error(); as error) {
        <p class="field-error" [id]="inputId() + '-error'" [attr.data-testid]="dropZone() ? 'file-error' : null">{{ error }}</p>
      }
      @if (note(); as note) {
        <p class="note" [id]="inputId() + '-note'">{{ note }}</p>
      }
    </div>
  `,
  styleUrl: './file-drop.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FileDrop {
  readonly inputId = input.required<string>();
  readonly label = input.required<string>();
  /** The input's `accept`: extensions and media types. */
  readonly accept = input('');
  /** The chosen file; when it goes back to null the input is emptied too. */
  readonly file = input<File | null>(null);
  readonly error = input<string | null>(null);
  /** Not an error: a remark on the chosen file. */
  readonly note = input<string | null>(null);
  /** While an upload runs: the input is disabled and drops are refused. */
  readonly disabled = input(false);
  readonly dropZone = input(true);
  /** The file chosen or dropped (null when the picker is emptied). */
  readonly fileChange = output<File | null>();

  private readonly input = viewChild<ElementRef<HTMLInputElement>>('input');
  protected readonly describedBy = computed(() =>
    [`${this.inputId()}-hint`, this.error() ? `${this.inputId()}-error` : null, this.note() ? `${this.inputId()}-note` : null]
      .filter(Boolean)
      .join(' '),
  );

  constructor() {
    effect(() => {
      const input = this.input()?.nativeElement;
      if (input && !this.file()) input.value = '';
    });
  }

  /** Moves focus to the file input (to point at a missing or refused file). */
  focus(): void {
    this.input()?.nativeElement.focus();
  }

  protected choose(event: Event): void {
    this.fileChange.emit((event.target as HTMLInputElement).files?.[0] ?? null);
  }

  protected dropped(files: FileList): void {
    this.fileChange.emit(files[0]);
    // Show the dropped file in the picker too, where browsers allow it.
    const input = this.input()?.nativeElement;
    try {
      if (input) input.files = files;
    } catch {
      // jsdom and older browsers: the name shown below the picker is enough.
    }
  }
}
