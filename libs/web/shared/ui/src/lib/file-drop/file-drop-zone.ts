import { Directive, booleanAttribute, input, output, signal } from '@angular/core';

/**
 * A zone that takes files dropped on it: the `dragging` class while files are dragged over it, and
 * `filesDropped` with what was dropped (never empty). With `appFileDropZone` false the browser handles
 * drags and drops as it would; with `dropDisabled` (an upload runs) drops are taken but ignored.
 */
@Directive({
  selector: '[appFileDropZone]',
  host: {
    '[class.dragging]': 'dragging()',
    '(dragover)': 'dragOver($event)',
    '(dragleave)': 'dragLeave($event)',
    '(drop)': 'drop($event)',
  },
})
export class FileDropZone {
  readonly enabled = input(true, { alias: 'appFileDropZone', transform: booleanAttribute });
  readonly dropDisabled = input(false);
  readonly filesDropped = output<FileList>();

  protected readonly dragging = signal(false);

  protected dragOver(event: DragEvent): void {
    if (!this.enabled() || this.dropDisabled()) return;
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    this.dragging.set(true);
  }

  protected dragLeave(event: DragEvent): void {
    const zone = event.currentTarget as HTMLElement;
    if (!(event.relatedTarget instanceof Node && zone.contains(event.relatedTarget))) this.dragging.set(false);
  }

  protected drop(event: DragEvent): void {
    if (!this.enabled()) return;
    event.preventDefault();
    this.dragging.set(false);
    const files = event.dataTransfer?.files;
    if (this.dropDisabled() || !files?.length) return;
    this.filesDropped.emit(files);
  }
}
