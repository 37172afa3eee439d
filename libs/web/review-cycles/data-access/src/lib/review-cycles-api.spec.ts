import { TestBed } from '@angular/core/testing';
import { ApiRoutes, ReviewCycleRequest } from '@proficio/shared/contracts';
import { httpTesting, paramEntriesOf } from '@proficio/web/shared/util/testing';
import { firstValueFrom } from 'rxjs';
import { REVIEW_CYCLE_IDS, pageOf, reviewCycle, reviewCyclePreview, reviewSummary } from '../testing';
import { ReviewCyclesApi } from './review-cycles-api';

describe('ReviewCyclesApi', () => {
  const { http } = httpTesting();
  const api = () => TestBed.inject(ReviewCyclesApi);
  const id = REVIEW_CYCLE_IDS.cycle;

  it('lists cycles with the status and paging given as query parameters, and none when not given', async () => {
    const body = pageOf([reviewCycle()]);
    const result = firstValueFrom(api().list({ status: 'open', page: 2, pageSize: 10 }));
    const req = http().expectOne((r) => r.url === ApiRoutes.reviewCycles);
    expect(req.request.method).toBe('GET');
    expect(paramEntriesOf(req)).toEqual([
      ['status', 'open'],
      ['page', '2'],
      ['pageSize', '10'],
    ]);
    req.flush(body);
    await expect(result).resolves.toEqual(body);

    api().list().subscribe();
    const all = http().expectOne((r) => r.url === ApiRoutes.reviewCycles);
    expect(all.request.params.keys()).toEqual([]);
    all.flush(pageOf([]));
  });

  it('lists the reviews of a cycle in a state, trimming the search and leaving out what is not given', async () => {
    const body = pageOf([reviewSummary()]);
    const result = firstValueFrom(api().listReviews({ cycleId: id, state: 'not_started', q: ' sara ', page: 3, pageSize: 50 }));
    const req = http().expectOne((r) => r.url === ApiRoutes.reviews);
    expect(req.request.method).toBe('GET');
    expect(paramEntriesOf(req)).toEqual([
      ['cycleId', id],
      ['state', 'not_started'],
      ['q', 'sara'],
      ['page', '3'],
      ['pageSize', '50'],
    ]);
    req.flush(body);
    await expect(result).resolves.toEqual(body);

    api().listReviews({ q: '  ' }).subscribe();
    const all = http().expectOne((r) => r.url === ApiRoutes.reviews);
    expect(all.request.params.keys()).toEqual([]);
    all.flush(pageOf([]));
  });

  it('previews the cycle as it stands, or the people about to be added (ids comma-separated)', async () => {
    const preview = reviewCyclePreview();
    const whole = firstValueFrom(api().preview(id));
    const req = http().expectOne((r) => r.url === ApiRoutes.reviewCyclePreview(id));
    expect(req.request.method).toBe('GET');
    expect(req.request.params.keys()).toEqual([]);
    req.flush(preview);
    await expect(whole).resolves.toEqual(preview);

    api().preview(id, [REVIEW_CYCLE_IDS.sara, REVIEW_CYCLE_IDS.luca]).subscribe();
    const some = http().expectOne((r) => r.url === ApiRoutes.reviewCyclePreview(id));
    expect(paramEntriesOf(some)).toEqual([['employeeIds', `${REVIEW_CYCLE_IDS.sara},${REVIEW_CYCLE_IDS.luca}`]]);
    some.flush(preview);
  });

  const request: ReviewCycleRequest = {
    name: '2027 annual review',
    periodStart: '2027-01-01',
    periodEnd: '2027-12-31',
    selfDue: '2028-01-15',
    managerDue: '2028-01-31',
    participants: { kind: 'team', teamId: REVIEW_CYCLE_IDS.desk },
    includeTargetRole: true,
  };

  it.each<[string, () => unknown, string, string, unknown]>([
    ['reads one cycle', () => api().get(id), 'GET', ApiRoutes.reviewCycle(id), null],
    ['reads its progress over time', () => api().progress(id), 'GET', ApiRoutes.reviewCycleProgress(id), null],
    ['creates a draft', () => api().create(request), 'POST', ApiRoutes.reviewCycles, request],
    ['changes a cycle', () => api().update(id, request), 'PUT', ApiRoutes.reviewCycle(id), request],
    ['deletes a draft', () => api().remove(id), 'DELETE', ApiRoutes.reviewCycle(id), null],
    ['opens a draft', () => api().open(id), 'POST', ApiRoutes.reviewCycleOpen(id), {}],
    [
      'adds people to an open cycle',
      () => api().addParticipants(id, [REVIEW_CYCLE_IDS.sara]),
      'POST',
      ApiRoutes.reviewCycleParticipants(id),
      { employeeIds: [REVIEW_CYCLE_IDS.sara] },
    ],
    ['closes an open cycle', () => api().close(id), 'POST', ApiRoutes.reviewCycleClose(id), {}],
  ])('%s', (_name, call, method, url, body) => {
    (call() as { subscribe: () => void }).subscribe();
    const req = http().expectOne(url);
    expect(req.request.method).toBe(method);
    expect(req.request.body).toEqual(body);
    req.flush(method === 'DELETE' ? null : reviewCycle());
  });
});
