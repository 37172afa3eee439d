import { TestBed } from '@angular/core/testing';
import { ApiRoutes } from '@proficio/shared/contracts';
import { httpTesting } from '@proficio/web/shared/util/testing';
import { BehaviorSubject, firstValueFrom } from 'rxjs';
import { ecfAreaCRunTree, competencyDetailFromTree } from '../testing';
import { CompetencyDetailsRequest, CompetencyDetailsStore, KEPT_COMPETENCY_DETAILS } from './competency-details-store';

describe('CompetencyDetailsStore', () => {
  const { http } = httpTesting();
  const store = () => TestBed.inject(CompetencyDetailsStore);
  const tree = ecfAreaCRunTree();
  const [c1, c2] = tree.competencies.map((competency) => competencyDetailFromTree(tree, competency.id));

  it('reads a competency once per language, and serves it kept from then on', async () => {
    const first = firstValueFrom(store().read(c1.id, 'it'));
    const req = http().expectOne((r) => r.url === ApiRoutes.competency(c1.id));
    expect(req.request.params.get('lang')).toBe('it');
    req.flush(c1);
    await expect(first).resolves.toEqual(c1);

    await expect(firstValueFrom(store().read(c1.id, 'it'))).resolves.toEqual(c1);
    http().expectNone(ApiRoutes.competency(c1.id));

    store().read(c1.id, 'en').subscribe();
    http().expectOne((r) => r.url === ApiRoutes.competency(c1.id) && r.params.get('lang') === 'en');
  });

  it('does not keep a read that failed', async () => {
    const failed = firstValueFrom(store().read(c2.id));
    http().expectOne(ApiRoutes.competency(c2.id)).flush(null, { status: 500, statusText: 'Server Error' });
    await expect(failed).rejects.toMatchObject({ status: 500 });

    store().read(c2.id).subscribe();
    http().expectOne(ApiRoutes.competency(c2.id)).flush(c2);
  });

  it(`forgets the least recently used beyond ${KEPT_COMPETENCY_DETAILS} competencies`, () => {
    const read = (id: string) => {
      store().read(id).subscribe();
      http()
        .match((r) => r.url === ApiRoutes.competency(id))
        .forEach((req) => req.flush({ ...c1, id }));
    };
    for (let n = 0; n < KEPT_COMPETENCY_DETAILS; n++) read(`c-${n}`);
    read('c-0'); // kept, and now the most recently used
    read('c-new'); // pushes out c-1, the least recently used
    const asked = (id: string) => {
      store().read(id).subscribe();
      const requests = http().match((r) => r.url === ApiRoutes.competency(id));
      requests.forEach((req) => req.flush({ ...c1, id }));
      return requests.length;
    };
    expect([asked('c-0'), asked('c-2'), asked('c-1')]).toEqual([0, 0, 1]);
  });

  it('loads the details of each competency asked for, with its problem and a retry', () => {
    const requests = new BehaviorSubject<CompetencyDetailsRequest | null>(null);
    const details = TestBed.runInInjectionContext(() => store().details(requests));
    expect(details.value()).toBeNull();
    expect(details.loading()).toBe(false);

    requests.next({ id: c1.id, lang: 'en' });
    expect(details.loading()).toBe(true);
    http()
      .expectOne((r) => r.url === ApiRoutes.competency(c1.id))
      .flush(null, { status: 503, statusText: 'Unavailable' });
    expect(details.problem()).toMatchObject({ status: 503 });

    details.reload();
    http()
      .expectOne((r) => r.url === ApiRoutes.competency(c1.id))
      .flush(c1);
    expect(details.value()).toEqual(c1);
  });
});
