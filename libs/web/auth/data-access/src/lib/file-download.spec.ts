import { TestBed } from '@angular/core/testing';
import { Subject } from 'rxjs';
import { DownloadedFile } from './download';
import { fileDownload } from './file-download';

describe('fileDownload', () => {
  let clicked: string[];

  beforeEach(() => {
    clicked = [];
    URL.createObjectURL = jest.fn(() => 'blob:probe');
    URL.revokeObjectURL = jest.fn();
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this.download);
    });
  });

  afterEach(() => jest.restoreAllMocks());

  const create = () => TestBed.runInInjectionContext(() => fileDownload<string>());

  it('says what it prepares, saves the file under its name and says so', () => {
    const download = create();
    const response = new Subject<DownloadedFile>();
    download.start('csv', response, () => 'failed');
    expect(download.busy()).toBe('csv');
    response.next({ blob: new Blob(['a,b']), filename: 'export.csv' });
    expect(clicked).toEqual(['export.csv']);
    expect(download.busy()).toBeNull();
    expect(download.downloaded()).toBe('export.csv');
    expect(download.error()).toBeNull();
  });

  it('ignores a second start while one is being prepared', () => {
    const download = create();
    const first = new Subject<DownloadedFile>();
    const second = new Subject<DownloadedFile>();
    download.start('csv', first, () => 'failed');
    download.start('json', second, () => 'failed');
    expect(second.observed).toBe(false);
    expect(download.busy()).toBe('csv');
  });

  it('describes a failure, clears the last success and can start again', () => {
    const download = create();
    const ok = new Subject<DownloadedFile>();
    download.start('csv', ok, () => 'failed');
    ok.next({ blob: new Blob([]), filename: 'first.csv' });
    const failing = new Subject<DownloadedFile>();
    download.start('json', failing, (error) => `could not: ${(error as Error).message}`);
    expect(download.downloaded()).toBeNull();
    failing.error(new Error('offline'));
    expect(download.error()).toBe('could not: offline');
    expect(download.busy()).toBeNull();
    expect(clicked).toEqual(['first.csv']);
  });
});
