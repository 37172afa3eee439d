import { ChangeDetectionStrategy, Component, signal, viewChild } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { FileDrop } from './file-drop';

@Component({
  imports: [FileDrop],
  template: `
    <app-file-drop
      inputId="people-file"
      label="File of people"
      accept=".csv"
      [dropZone]="dropZone()"
      [file]="file()"
      [error]="error()"
      [note]="note()"
      [disabled]="disabled()"
      (fileChange)="chosen.push($event)"
      >Drop the file here or choose it.</app-file-drop
    >
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class Host {
  readonly drop = viewChild.required(FileDrop);
  readonly dropZone = signal(true);
  readonly file = signal<File | null>(null);
  readonly error = signal<string | null>(null);
  readonly note = signal<string | null>(null);
  readonly disabled = signal(false);
  readonly chosen: (File | null)[] = [];
}

describe('FileDrop', () => {
  const CSV = new File(['email,first name\n'], 'people.csv', { type: 'text/csv' });
  let host: Host;
  let root: HTMLElement;
  let fixture: ComponentFixture<Host>;
  const settle = () => fixture.whenStable();
  const input = () => root.querySelector<HTMLInputElement>('input[type="file"]') as HTMLInputElement;
  const text = (selector: string) => root.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim();
  const dropEvent = (files: File[]) => {
    const event = new Event('drop', { bubbles: true, cancelable: true });
    Object.defineProperty(event, 'dataTransfer', { value: { files } });
    return event;
  };

  beforeEach(async () => {
    fixture = TestBed.createComponent(Host);
    host = fixture.componentInstance;
    root = fixture.nativeElement;
    await settle();
  });

  it('labels the input, describes it with the hint and emits the chosen file', () => {
    expect(text('label[for="people-file"]')).toBe('File of people');
    expect(input().id).toBe('people-file');
    expect(input().accept).toBe('.csv');
    expect(text('#people-file-hint')).toBe('Drop the file here or choose it.');
    expect(input().getAttribute('aria-describedby')).toBe('people-file-hint');

    Object.defineProperty(input(), 'files', { value: [CSV], configurable: true });
    input().dispatchEvent(new Event('change'));
    expect(host.chosen).toEqual([CSV]);
  });

  it('shows the chosen file with its size, the error and the note, and points the input at them', async () => {
    host.file.set(CSV);
    host.error.set('people.csv is too large.');
    host.note.set('Check the format.');
    await settle();

    expect(text('[data-testid="chosen-file"]')).toBe('Chosen: people.csv · 17 bytes');
    expect(text('#people-file-error')).toBe('people.csv is too large.');
    expect(text('#people-file-note')).toBe('Check the format.');
    expect(input().getAttribute('aria-describedby')).toBe('people-file-hint people-file-error people-file-note');
    expect(input().getAttribute('aria-invalid')).toBe('true');
  });

  it('takes a dropped file and highlights the zone while a file is dragged over it', async () => {
    const zone = root.querySelector('[data-testid="drop-zone"]') as HTMLElement;
    const over = new Event('dragover', { bubbles: true, cancelable: true });
    zone.dispatchEvent(over);
    await settle();
    expect(over.defaultPrevented).toBe(true);
    expect(zone.classList).toContain('dragging');

    const drop = dropEvent([CSV]);
    zone.dispatchEvent(drop);
    await settle();
    expect(drop.defaultPrevented).toBe(true);
    expect(zone.classList).not.toContain('dragging');
    expect(host.chosen).toEqual([CSV]);
  });

  it('refuses drops while disabled', async () => {
    host.disabled.set(true);
    await settle();
    expect(input().disabled).toBe(true);
    const zone = root.querySelector('[data-testid="drop-zone"]') as HTMLElement;
    const over = new Event('dragover', { bubbles: true, cancelable: true });
    zone.dispatchEvent(over);
    zone.dispatchEvent(dropEvent([CSV]));
    expect(over.defaultPrevented).toBe(false);
    expect(host.chosen).toEqual([]);
  });

  it('as a plain file field takes no drops', async () => {
    host.dropZone.set(false);
    await settle();
    expect(root.querySelector('[data-testid="drop-zone"]')).toBeNull();
    const drop = dropEvent([CSV]);
    root.querySelector('.file-field')?.dispatchEvent(drop);
    expect(drop.defaultPrevented).toBe(false);
    expect(host.chosen).toEqual([]);
  });

  it('focuses the input on request', () => {
    host.drop().focus();
    expect(document.activeElement).toBe(input());
  });
});
