import { HttpEventType } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import { ApiRoutes, CreateEvidenceRequest } from '@proficio/shared/contracts';
import { UploadState } from '@proficio/web/shared/util';
import { httpTesting, paramEntriesOf } from '@proficio/web/shared/util/testing';
import { firstValueFrom, toArray } from 'rxjs';
import { ASSESSMENT_IDS, DEMO_IDS, EVIDENCE_IDS, evidenceRevision, evidenceSummary, evidenceView, pageOf } from '../testing';
import { EvidenceApi } from './evidence-api';

describe('EvidenceApi', () => {
  const { http } = httpTesting();
  const api = () => TestBed.inject(EvidenceApi);
  const id = EVIDENCE_IDS.evidence;

  it('lists with the filters and paging given as query parameters, and none when not given', async () => {
    const body = pageOf([evidenceSummary()]);
    const result = firstValueFrom(
      api().list({ employeeId: DEMO_IDS.sara, competencyId: ASSESSMENT_IDS.c1, status: 'submitted', page: 2, pageSize: 10 }),
    );
    const req = http().expectOne((r) => r.url === ApiRoutes.evidenceList);
    expect(req.request.method).toBe('GET');
    expect(paramEntriesOf(req)).toEqual([
      ['employeeId', DEMO_IDS.sara],
      ['competencyId', ASSESSMENT_IDS.c1],
      ['status', 'submitted'],
      ['page', '2'],
      ['pageSize', '10'],
    ]);
    req.flush(body);
    await expect(result).resolves.toEqual(body);

    api().list().subscribe();
    const all = http().expectOne((r) => r.url === ApiRoutes.evidenceList);
    expect(all.request.params.keys()).toEqual([]);
    all.flush(pageOf([]));
  });

  it.each<[string, () => unknown, string, string, unknown]>([
    ['reads one item', () => api().get(id), 'GET', ApiRoutes.evidence(id), null],
    [
      'creates a draft',
      () => api().create({ employeeId: DEMO_IDS.sara, title: 'T', activityFrom: '2026-02-02', claims: [] } satisfies CreateEvidenceRequest),
      'POST',
      ApiRoutes.evidenceList,
      { employeeId: DEMO_IDS.sara, title: 'T', activityFrom: '2026-02-02', claims: [] },
    ],
    [
      'edits or amends',
      () => api().update(id, { basedOnRevision: 2, title: 'T', activityFrom: '2026-02-02', claims: [] }),
      'PUT',
      ApiRoutes.evidence(id),
      { basedOnRevision: 2, title: 'T', activityFrom: '2026-02-02', claims: [] },
    ],
    ['discards the draft', () => api().discard(id), 'DELETE', ApiRoutes.evidence(id), null],
    ['submits the draft revision read', () => api().submit(id, 2), 'POST', ApiRoutes.evidenceSubmission(id), { revision: 2 }],
    ['removes a file', () => api().deleteFile(id, EVIDENCE_IDS.pdf), 'DELETE', ApiRoutes.evidenceFile(id, EVIDENCE_IDS.pdf), null],
    [
      'gives a verdict',
      () => api().giveVerdict(id, { revision: 1, verdict: 'changes_requested', comment: 'Add the ticket' }),
      'POST',
      ApiRoutes.evidenceVerdicts(id),
      { revision: 1, verdict: 'changes_requested', comment: 'Add the ticket' },
    ],
    ['comments', () => api().comment(id, { body: 'Thanks' }), 'POST', ApiRoutes.evidenceComments(id), { body: 'Thanks' }],
  ])('%s', (_name, call, method, url, body) => {
    (call() as { subscribe: () => void }).subscribe();
    const req = http().expectOne(url);
    expect(req.request.method).toBe(method);
    expect(req.request.body).toEqual(body);
    req.flush(method === 'DELETE' ? null : evidenceView());
  });

  it('uploads one file in the multipart field "file", reporting progress, then the stored file', async () => {
    const file = new File(['%PDF-1.4 …'], 'report.pdf', { type: 'application/pdf' });
    const states = firstValueFrom(api().uploadFile(id, file).pipe(toArray()));
    const req = http().expectOne(ApiRoutes.evidenceFiles(id));
    expect(req.request.method).toBe('POST');
    expect(req.request.reportProgress).toBe(true);
    const body = req.request.body as FormData;
    expect((body.get('file') as File).name).toBe('report.pdf');
    req.event({ type: HttpEventType.UploadProgress, loaded: 5, total: 10 });
    const stored = evidenceRevision().files[0];
    req.flush(stored);
    const seen = await states;
    expect(seen).toContainEqual({ status: 'sending', loaded: 5, total: 10 });
    expect(seen.at(-1)).toEqual({ status: 'done', value: stored });
  });

  it('ends an upload the API refuses with the problem it names (415), without erroring', async () => {
    const states = firstValueFrom(
      api()
        .uploadFile(id, new File(['<html>'], 'page.pdf'))
        .pipe(toArray()),
    );
    http()
      .expectOne(ApiRoutes.evidenceFiles(id))
      .flush(
        { title: 'Unsupported file type', status: 415, detail: 'page.pdf is HTML, which evidence does not take.' },
        { status: 415, statusText: 'Unsupported Media Type' },
      );
    expect((await states).at(-1)).toEqual<UploadState<unknown>>({
      status: 'error',
      problem: { status: 415, title: 'Unsupported file type', detail: 'page.pdf is HTML, which evidence does not take.' },
    });
  });

  it('downloads a file as a blob named by Content-Disposition, or by the name it was uploaded with', async () => {
    const file = evidenceRevision().files[0] as { id: string; name: string };
    const named = firstValueFrom(api().downloadFile(id, file));
    const req = http().expectOne(ApiRoutes.evidenceFile(id, file.id));
    expect(req.request.responseType).toBe('blob');
    req.flush(new Blob(['%PDF']), { headers: { 'Content-Disposition': `attachment; filename*=UTF-8''r%C3%A9sum%C3%A9.pdf` } });
    expect((await named).filename).toBe('résumé.pdf');

    const unnamed = firstValueFrom(api().downloadFile(id, file));
    http()
      .expectOne(ApiRoutes.evidenceFile(id, file.id))
      .flush(new Blob(['%PDF']));
    expect((await unnamed).filename).toBe('incident-report.pdf');
  });
});
