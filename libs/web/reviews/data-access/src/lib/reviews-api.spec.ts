import { TestBed } from '@angular/core/testing';
import { ApiRoutes } from '@proficio/shared/contracts';
import { httpTesting, paramEntriesOf } from '@proficio/web/shared/util/testing';
import { firstValueFrom } from 'rxjs';
import { ASSESSMENT_IDS, DEMO_IDS, REVIEW_IDS, pageOf, reviewGuide, reviewSnapshot, reviewSummary, reviewView } from '../testing';
import { ReviewsApi } from './reviews-api';

describe('ReviewsApi', () => {
  const { http } = httpTesting();
  const api = () => TestBed.inject(ReviewsApi);
  const id = REVIEW_IDS.review;

  it('lists with the filters and paging given as query parameters, and none when not given', async () => {
    const body = pageOf([reviewSummary()]);
    const result = firstValueFrom(
      api().list({
        cycleId: REVIEW_IDS.cycle,
        state: 'discussion',
        managerId: DEMO_IDS.luca,
        employeeId: DEMO_IDS.sara,
        q: 'sara',
        page: 2,
        pageSize: 10,
      }),
    );
    const req = http().expectOne((r) => r.url === ApiRoutes.reviews);
    expect(req.request.method).toBe('GET');
    expect(paramEntriesOf(req)).toEqual([
      ['cycleId', REVIEW_IDS.cycle],
      ['state', 'discussion'],
      ['managerId', DEMO_IDS.luca],
      ['employeeId', DEMO_IDS.sara],
      ['q', 'sara'],
      ['page', '2'],
      ['pageSize', '10'],
    ]);
    req.flush(body);
    await expect(result).resolves.toEqual(body);

    api().list().subscribe();
    const all = http().expectOne((r) => r.url === ApiRoutes.reviews);
    expect(all.request.params.keys()).toEqual([]);
    all.flush(pageOf([]));
  });

  it.each<[string, () => { subscribe: () => void }, string, string, unknown, unknown]>([
    ['reads one review', () => api().get(id), 'GET', ApiRoutes.review(id), null, reviewView()],
    [
      'saves draft ratings of one role',
      () => api().saveRatings(id, { role: 'self', ratings: [{ competencyId: ASSESSMENT_IDS.c1, outcome: 'rated', level: 2 }] }),
      'PUT',
      ApiRoutes.reviewRatings(id),
      { role: 'self', ratings: [{ competencyId: ASSESSMENT_IDS.c1, outcome: 'rated', level: 2 }] },
      reviewView(),
    ],
    [
      'saves notes',
      () => api().saveNotes(id, { notes: [{ competencyId: ASSESSMENT_IDS.c1, text: 'Good' }, { text: 'A strong year' }] }),
      'PUT',
      ApiRoutes.reviewNotes(id),
      { notes: [{ competencyId: ASSESSMENT_IDS.c1, text: 'Good' }, { text: 'A strong year' }] },
      reviewView(),
    ],
    ['starts', () => api().act(id, 'start'), 'POST', ApiRoutes.reviewAction(id, 'start'), {}, reviewView()],
    [
      'signs with a comment',
      () => api().act(id, 'sign', { comment: 'Disagree on C.4' }),
      'POST',
      ApiRoutes.reviewAction(id, 'sign'),
      { comment: 'Disagree on C.4' },
      reviewView(),
    ],
    [
      'reopens with a reason',
      () => api().act(id, 'reopen', { reason: 'Wrong level' }),
      'POST',
      ApiRoutes.reviewAction(id, 'reopen'),
      { reason: 'Wrong level' },
      reviewView(),
    ],
    [
      'reassigns',
      () => api().reassign(id, DEMO_IDS.marco),
      'PUT',
      ApiRoutes.reviewManager(id),
      { managerId: DEMO_IDS.marco },
      reviewView(),
    ],
    ['reads the guide', () => api().guide(id), 'GET', ApiRoutes.reviewGuide(id), null, reviewGuide()],
    ['reads a snapshot', () => api().snapshot(id, 1), 'GET', ApiRoutes.reviewSnapshot(id, 1), null, reviewSnapshot()],
  ])('%s', async (_name, call, method, url, body, answer) => {
    const result = firstValueFrom(call() as never);
    const req = http().expectOne(url);
    expect(req.request.method).toBe(method);
    expect(req.request.body).toEqual(body);
    req.flush(answer as object);
    await expect(result).resolves.toEqual(answer);
  });
});
