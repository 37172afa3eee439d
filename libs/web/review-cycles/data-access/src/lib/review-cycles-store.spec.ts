import { Injector, runInInjectionContext } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { ApiRoutes } from '@proficio/shared/contracts';
import { httpTesting } from '@proficio/web/shared/util/testing';
import { of } from 'rxjs';
import { REVIEW_CYCLE_IDS, pageOf, reviewCycle, reviewSummary } from '../testing';
import { ReviewCyclesStore } from './review-cycles-store';

describe('ReviewCyclesStore', () => {
  const { http } = httpTesting();
  const store = () => TestBed.inject(ReviewCyclesStore);
  const id = REVIEW_CYCLE_IDS.cycle;

  it('reloads the cycle and its reviews after a saved write, and counts the write while in flight', () => {
    const injector = TestBed.inject(Injector);
    const [cycle, reviews] = runInInjectionContext(injector, () => [store().cycle(of(id)), store().reviews(of({ cycleId: id }))]);
    http().expectOne(ApiRoutes.reviewCycle(id)).flush(reviewCycle());
    http()
      .expectOne((r) => r.url === ApiRoutes.reviews)
      .flush(pageOf([]));
    expect(cycle.value()?.status).toBe('draft');

    store().open(id).subscribe();
    expect(store().saving()).toBe(true);
    http()
      .expectOne(ApiRoutes.reviewCycleOpen(id))
      .flush(reviewCycle({ status: 'open' }));
    expect(store().saving()).toBe(false);

    http()
      .expectOne(ApiRoutes.reviewCycle(id))
      .flush(reviewCycle({ status: 'open' }));
    http()
      .expectOne((r) => r.url === ApiRoutes.reviews)
      .flush(pageOf([reviewSummary()]));
    expect(cycle.value()?.status).toBe('open');
    expect(reviews.value()?.items).toHaveLength(1);
  });

  it('does not reload after a refused write', () => {
    const cycle = runInInjectionContext(TestBed.inject(Injector), () => store().cycle(of(id)));
    http().expectOne(ApiRoutes.reviewCycle(id)).flush(reviewCycle());

    store()
      .close(id)
      .subscribe({ error: () => undefined });
    http()
      .expectOne(ApiRoutes.reviewCycleClose(id))
      .flush({ title: 'Conflict', errors: [{ field: 'status', message: 'is draft' }] }, { status: 409, statusText: 'Conflict' });
    http().expectNone(ApiRoutes.reviewCycle(id));
    expect(cycle.value()?.status).toBe('draft');
  });
});
