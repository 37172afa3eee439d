import { HttpEventType } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import { ApiRoutes, PeopleImportCommitResult, PeopleImportPreview, PeopleImportRowsQuery } from '@proficio/shared/contracts';
import { httpTesting } from '@proficio/web/shared/util/testing';
import { firstValueFrom, toArray } from 'rxjs';
import { PeopleImportsApi } from './people-imports-api';

const ID = '3f2b8c4e-1d2a-4b6c-9e8f-0a1b2c3d4e5f';
const PREVIEW: PeopleImportPreview = {
  id: ID,
  fileName: 'people.csv',
  format: 'csv',
  status: 'previewed',
  createdAt: '2026-03-01T10:00:00.000Z',
  columns: ['email', 'name'],
  counts: { rows: 1, create: 1, update: 0, unchanged: 0, error: 0 },
  warnings: [],
  teamsToCreate: [],
};

describe('PeopleImportsApi', () => {
  const { http } = httpTesting();
  const api = () => TestBed.inject(PeopleImportsApi);

  it('uploads the file as multipart form data, reporting progress', async () => {
    const events = firstValueFrom(
      api()
        .upload(new File(['email,name\n'], 'people.csv', { type: 'text/csv' }))
        .pipe(toArray()),
    );
    const req = http().expectOne(ApiRoutes.peopleImports);
    expect(req.request.method).toBe('POST');
    expect(req.request.reportProgress).toBe(true);
    expect(((req.request.body as FormData).get('file') as File).name).toBe('people.csv');
    req.flush(PREVIEW, { status: 201, statusText: 'Created' });
    expect((await events).map((event) => event.type)).toEqual([HttpEventType.Sent, HttpEventType.Response]);
  });

  it('reads the preview again', async () => {
    const result = firstValueFrom(api().getImport(ID));
    http().expectOne(ApiRoutes.peopleImport(ID)).flush(PREVIEW);
    await expect(result).resolves.toEqual(PREVIEW);
  });

  it.each([
    [{}, ''],
    [{ page: 2, pageSize: 50 }, 'page=2&pageSize=50'],
    [{ page: 1, errorsOnly: true }, 'page=1&errorsOnly=true'],
    [{ errorsOnly: false }, ''],
    [{ id: ID, page: 2 } as PeopleImportRowsQuery, 'page=2'],
  ])('lists rows with %j as ?%s', (query, params) => {
    api().listRows(ID, query).subscribe();
    const req = http().expectOne((request) => request.url === ApiRoutes.peopleImportRows(ID));
    expect(req.request.params.toString()).toBe(params);
    req.flush({ items: [], total: 0, page: 1, pageSize: 50 });
  });

  it('commits with an empty POST', async () => {
    const committed: PeopleImportCommitResult = { importId: ID, created: 1, updated: 0, unchanged: 0, teamsCreated: 0 };
    const result = firstValueFrom(api().commit(ID));
    const req = http().expectOne(ApiRoutes.peopleImportCommit(ID));
    expect(req.request.method).toBe('POST');
    expect(req.request.body).toBeNull();
    req.flush(committed);
    await expect(result).resolves.toEqual(committed);
  });
});
