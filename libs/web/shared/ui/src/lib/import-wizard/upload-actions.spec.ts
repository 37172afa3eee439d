import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { UploadActions } from './upload-actions';

@Component({
  imports: [UploadActions],
  template: `
    <form novalidate (submit)="$event.preventDefault(); checks = checks + 1">
      <app-upload-actions [uploading]="uploading()" (cancelUpload)="cancels = cancels + 1" />
    </form>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class UploadForm {
  readonly uploading = signal(false);
  checks = 0;
  cancels = 0;
}

describe('UploadActions', () => {
  let fixture: ComponentFixture<UploadForm>;
  const buttons = (): HTMLButtonElement[] => Array.from(fixture.nativeElement.querySelectorAll('button'));
  const labels = () => buttons().map((button) => button.textContent?.trim());

  beforeEach(async () => {
    fixture = TestBed.createComponent(UploadForm);
    await fixture.whenStable();
  });

  it('submits the upload form with "Upload and check", and offers no Cancel before an upload', () => {
    expect(labels()).toEqual(['Upload and check']);
    buttons()[0]?.click();
    expect(fixture.componentInstance.checks).toBe(1);
  });

  it('stays focusable but busy while uploading, and cancels the upload', async () => {
    fixture.componentInstance.uploading.set(true);
    await fixture.whenStable();

    expect(labels()).toEqual(['Upload and check', 'Cancel']);
    expect(buttons()[0]?.disabled).toBe(false);
    expect(buttons()[0]?.getAttribute('aria-disabled')).toBe('true');
    buttons()[1]?.click();
    expect([fixture.componentInstance.cancels, fixture.componentInstance.checks]).toEqual([1, 0]);
  });
});
