import { TestBed } from '@angular/core/testing';
import { ApiRoutes } from '@proficio/shared/contracts';
import { httpTesting } from '@proficio/web/shared/util/testing';
import { of } from 'rxjs';
import { DEMO_IDS, EVIDENCE_IDS, evidenceRevision, evidenceSummary, evidenceView, pageOf } from '../testing';
import { EvidenceStore } from './evidence-store';

describe('EvidenceStore', () => {
  const { http } = httpTesting();
  const store = () => TestBed.inject(EvidenceStore);
  const id = EVIDENCE_IDS.evidence;
  const expectList = () => http().expectOne((req) => req.url === ApiRoutes.evidenceList && req.method === 'GET');

  function loadBoth() {
    const list = TestBed.runInInjectionContext(() => store().list(of({ employeeId: DEMO_IDS.sara })));
    const item = TestBed.runInInjectionContext(() => store().evidence(of(id)));
    expectList().flush(pageOf([evidenceSummary()]));
    http().expectOne(ApiRoutes.evidence(id)).flush(evidenceView());
    return { list, item };
  }

  it('reloads the lists and the item after a saved write, and says it is saving meanwhile', () => {
    const { list, item } = loadBoth();
    expect(list.value()?.items).toHaveLength(1);

    store().giveVerdict(id, { revision: 1, verdict: 'accepted' }).subscribe();
    expect(store().saving()).toBe(true);
    http()
      .expectOne(ApiRoutes.evidenceVerdicts(id))
      .flush(evidenceView({ status: 'accepted' }));
    expect(store().saving()).toBe(false);

    expect(item.loading()).toBe(true);
    expectList().flush(pageOf([evidenceSummary({ status: 'accepted' })]));
    http()
      .expectOne(ApiRoutes.evidence(id))
      .flush(evidenceView({ status: 'accepted' }));
    expect(list.value()?.items[0]?.status).toBe('accepted');
    expect(item.value()?.status).toBe('accepted');
  });

  it('does not reload after a refused write', () => {
    loadBoth();
    store()
      .comment(id, { body: '' })
      .subscribe({ error: () => undefined });
    http()
      .expectOne(ApiRoutes.evidenceComments(id))
      .flush({ title: 'Invalid', status: 400, errors: [{ field: 'body', message: 'is required' }] }, { status: 400, statusText: 'Bad' });
    expect(store().saving()).toBe(false);
    http().expectNone(ApiRoutes.evidence(id));
  });

  it('reloads once an upload is stored, not while it runs nor after it fails, and does not count it as saving', () => {
    loadBoth();
    store()
      .uploadFile(id, new File(['%PDF-1.4'], 'a.pdf'))
      .subscribe();
    expect(store().saving()).toBe(false);
    http().expectOne(ApiRoutes.evidenceFiles(id)).flush(evidenceRevision().files[0]);
    expectList().flush(pageOf([]));
    http().expectOne(ApiRoutes.evidence(id)).flush(evidenceView());

    store()
      .uploadFile(id, new File(['x'], 'b.exe'))
      .subscribe();
    http()
      .expectOne(ApiRoutes.evidenceFiles(id))
      .flush({ title: 'Unsupported file type', status: 415 }, { status: 415, statusText: 'Unsupported Media Type' });
    http().expectNone(ApiRoutes.evidence(id));
  });
});
