import { ChangeDetectionStrategy, Component } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { FileDropZone } from './file-drop-zone';

@Component({
  imports: [FileDropZone],
  template: `<div appFileDropZone data-testid="zone" (filesDropped)="dropped.push(names($event))"><span>Drop here</span></div>`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class Host {
  readonly dropped: string[][] = [];
  names(files: FileList): string[] {
    return Array.from(files).map((file) => file.name);
  }
}

describe('FileDropZone', () => {
  let fixture: ComponentFixture<Host>;
  const zone = () => fixture.nativeElement.querySelector('[data-testid="zone"]') as HTMLElement;
  const dragEvent = (type: string, init: { files?: File[]; relatedTarget?: EventTarget | null } = {}) => {
    const event = new Event(type, { bubbles: true, cancelable: true });
    Object.defineProperty(event, 'dataTransfer', { value: { files: init.files ?? [], dropEffect: 'none' } });
    Object.defineProperty(event, 'relatedTarget', { value: init.relatedTarget ?? null });
    return event;
  };
  const dispatch = async (event: Event, target: HTMLElement = zone()) => {
    target.dispatchEvent(event);
    await fixture.whenStable();
  };

  beforeEach(async () => {
    fixture = TestBed.createComponent(Host);
    await fixture.whenStable();
  });

  it('stays highlighted while the drag moves onto its own content, and not once it leaves the zone', async () => {
    await dispatch(dragEvent('dragover'));
    expect(zone().classList).toContain('dragging');
    await dispatch(dragEvent('dragleave', { relatedTarget: zone().querySelector('span') }));
    expect(zone().classList).toContain('dragging');
    await dispatch(dragEvent('dragleave', { relatedTarget: document.body }));
    expect(zone().classList).not.toContain('dragging');
  });

  it('hands on every file dropped at once, and nothing for a drop without files', async () => {
    await dispatch(dragEvent('drop', { files: [new File(['a'], 'a.pdf'), new File(['b'], 'b.png')] }));
    await dispatch(dragEvent('drop'));
    expect(fixture.componentInstance.dropped).toEqual([['a.pdf', 'b.png']]);
  });
});
