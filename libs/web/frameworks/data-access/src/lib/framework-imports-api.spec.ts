import { HttpEventType } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import { ApiRoutes, FrameworkImportPreview } from '@proficio/shared/contracts';
import { httpTesting } from '@proficio/web/shared/util/testing';
import { firstValueFrom, last, toArray } from 'rxjs';
import { IMPORT_FIXTURE_IDS, oecdCommitResult, oecdImportPreview } from '../testing';
import { FrameworkImportsApi, MAX_IMPORT_BYTES } from './framework-imports-api';
import { toUploadState } from '@proficio/web/shared/util';

describe('FrameworkImportsApi', () => {
  const { http } = httpTesting();
  const api = () => TestBed.inject(FrameworkImportsApi);

  it('uploads the format and the file as multipart form data, reporting progress', async () => {
    const file = new File(['a,b\n'], 'oecd.csv', { type: 'text/csv' });
    const events = firstValueFrom(api().importFramework('moodle-csv', file).pipe(toArray()));

    const req = http().expectOne(ApiRoutes.frameworkImports);
    expect(req.request.method).toBe('POST');
    expect(req.request.reportProgress).toBe(true);
    const body = req.request.body as FormData;
    expect(body).toBeInstanceOf(FormData);
    expect(body.get('format')).toBe('moodle-csv');
    expect((body.get('file') as File).name).toBe('oecd.csv');
    expect(body.has('levelsFile')).toBe(false);
    req.event({ type: HttpEventType.UploadProgress, loaded: 2, total: 4 });
    req.flush(oecdImportPreview(), { status: 201, statusText: 'Created' });

    const types = (await events).map((event) => event.type);
    expect(types).toEqual([HttpEventType.Sent, HttpEventType.UploadProgress, HttpEventType.Response]);
  });

  it('sends the SFIA levels file beside the skills file', () => {
    const skills = new File(['x'], 'skills.csv');
    const levels = new File(['y'], 'levels.csv');
    api().importFramework('sfia-csv', skills, levels).subscribe();

    const body = http().expectOne(ApiRoutes.frameworkImports).request.body as FormData;
    expect(body.get('format')).toBe('sfia-csv');
    expect((body.get('file') as File).name).toBe('skills.csv');
    expect((body.get('levelsFile') as File).name).toBe('levels.csv');
  });

  it('ends the upload state stream with the preview', async () => {
    const preview = oecdImportPreview();
    const result = firstValueFrom(
      api()
        .importFramework('moodle-csv', new File(['x'], 'a.csv'))
        .pipe(toUploadState(), last()),
    );
    http().expectOne(ApiRoutes.frameworkImports).flush(preview, { status: 201, statusText: 'Created' });
    await expect(result).resolves.toEqual({ status: 'done', value: preview });
  });

  it('reads an import again', async () => {
    const preview: FrameworkImportPreview = oecdImportPreview({
      status: 'committed',
      committedVersionId: IMPORT_FIXTURE_IDS.committedVersionId,
    });
    const result = firstValueFrom(api().getImport(IMPORT_FIXTURE_IDS.importId));
    const req = http().expectOne(ApiRoutes.frameworkImport(IMPORT_FIXTURE_IDS.importId));
    expect(req.request.method).toBe('GET');
    req.flush(preview);
    await expect(result).resolves.toEqual(preview);
  });

  it('commits an import with an empty request when the preview asked for nothing', async () => {
    const result = firstValueFrom(api().commitImport(IMPORT_FIXTURE_IDS.importId));
    const req = http().expectOne(ApiRoutes.frameworkImportCommit(IMPORT_FIXTURE_IDS.importId));
    expect(req.request.method).toBe('POST');
    expect(req.request.body).toEqual({});
    req.flush(oecdCommitResult());
    await expect(result).resolves.toEqual(oecdCommitResult());
  });

  it('commits with the confirmations the preview asked for', () => {
    api().commitImport(IMPORT_FIXTURE_IDS.importId, { acceptContentLoss: true }).subscribe();
    expect(http().expectOne(ApiRoutes.frameworkImportCommit(IMPORT_FIXTURE_IDS.importId)).request.body).toEqual({
      acceptContentLoss: true,
    });
  });

  it('knows the API limit of 25 MB', () => {
    expect(MAX_IMPORT_BYTES).toBe(26_214_400);
  });
});
