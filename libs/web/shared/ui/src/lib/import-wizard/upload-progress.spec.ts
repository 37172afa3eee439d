import { TestBed } from '@angular/core/testing';
import { UploadState } from '@proficio/web/shared/util';
import { UploadProgress } from './upload-progress';

describe('UploadProgress', () => {
  async function render(state: UploadState<unknown>, note = '') {
    const fixture = TestBed.createComponent(UploadProgress);
    fixture.componentRef.setInput('state', state);
    fixture.componentRef.setInput('fileName', 'people.csv');
    fixture.componentRef.setInput('note', note);
    await fixture.whenStable();
    const root = fixture.nativeElement as HTMLElement;
    const bar = root.querySelector('mat-progress-bar');
    return { mode: bar?.getAttribute('mode'), label: bar?.getAttribute('aria-label'), text: root.querySelector('p')?.textContent };
  }

  it('shows the percentage sent while the browser says how much that is', async () => {
    expect(await render({ status: 'sending', loaded: 40, total: 100 }, 'A large file takes a few seconds.')).toEqual({
      mode: 'determinate',
      label: 'Uploading the file',
      text: 'Uploading people.csv… 40%',
    });
  });

  it('uploads and checks without a percentage while the browser does not say', async () => {
    expect(await render({ status: 'sending', loaded: 0, total: null })).toEqual({
      mode: 'indeterminate',
      label: 'Uploading the file',
      text: 'Uploading and checking people.csv…',
    });
  });

  it('checks the file once every byte is sent, with the note after it', async () => {
    expect(await render({ status: 'processing' }, 'A large file takes a few seconds.')).toEqual({
      mode: 'indeterminate',
      label: 'Checking the file',
      text: 'Checking the file… A large file takes a few seconds.',
    });
  });
});
