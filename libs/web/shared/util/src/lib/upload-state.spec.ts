import { HttpErrorResponse, HttpEvent, HttpEventType, HttpHeaderResponse, HttpResponse } from '@angular/common/http';
import { firstValueFrom, from, concat, throwError, toArray } from 'rxjs';
import { UploadState, isUploading, toUploadState, uploadPercent } from './upload-state';

const run = <T>(events: HttpEvent<T>[], error?: unknown) =>
  firstValueFrom(concat(from(events), error ? throwError(() => error) : from([])).pipe(toUploadState<T>(), toArray()));

describe('toUploadState', () => {
  it('follows an upload with progress through sending, processing and done', async () => {
    await expect(
      run([
        { type: HttpEventType.Sent },
        { type: HttpEventType.UploadProgress, loaded: 10, total: 40 },
        { type: HttpEventType.UploadProgress, loaded: 40, total: 40 },
        new HttpHeaderResponse({ status: 201 }),
        { type: HttpEventType.DownloadProgress, loaded: 5 },
        new HttpResponse({ status: 201, body: 'preview' }),
      ]),
    ).resolves.toEqual([
      { status: 'sending', loaded: 0, total: null },
      { status: 'sending', loaded: 10, total: 40 },
      { status: 'processing' },
      { status: 'processing' },
      { status: 'processing' },
      { status: 'done', value: 'preview' },
    ]);
  });

  it('stays in an unknown-size sending state when the browser reports no upload progress (fetch)', async () => {
    await expect(run([{ type: HttpEventType.Sent }, new HttpResponse({ status: 201, body: 1 })])).resolves.toEqual([
      { status: 'sending', loaded: 0, total: null },
      { status: 'done', value: 1 },
    ]);
  });

  it('ends with the problem instead of erroring', async () => {
    const error = new HttpErrorResponse({
      status: 422,
      error: {
        type: 'urn:proficio:problem:import-invalid',
        title: 'The file cannot be imported',
        status: 422,
        errors: [{ field: 'row 2', message: 'bad' }],
      },
    });
    await expect(run([{ type: HttpEventType.Sent }], error)).resolves.toEqual([
      { status: 'sending', loaded: 0, total: null },
      {
        status: 'error',
        problem: { status: 422, title: 'The file cannot be imported', detail: undefined, errors: [{ field: 'row 2', message: 'bad' }] },
      },
    ]);
  });
});

describe('uploadPercent', () => {
  it.each<[UploadState<unknown> | null, number | null]>([
    [{ status: 'sending', loaded: 1, total: 3 }, 33],
    [{ status: 'sending', loaded: 0, total: null }, null],
    [{ status: 'processing' }, null],
    [null, null],
  ])('reads %j as %p', (state, percent) => {
    expect(uploadPercent(state)).toBe(percent);
  });
});

describe('isUploading', () => {
  it.each<[UploadState<unknown> | null, boolean]>([
    [{ status: 'sending', loaded: 0, total: null }, true],
    [{ status: 'processing' }, true],
    [{ status: 'done', value: 'preview' }, false],
    [{ status: 'error', problem: { status: 413, title: 'Payload Too Large' } }, false],
    [null, false],
  ])('reads %j as %p', (state, uploading) => {
    expect(isUploading(state)).toBe(uploading);
  });
});
