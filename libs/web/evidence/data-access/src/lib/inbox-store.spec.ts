import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { ApiRoutes } from '@proficio/shared/contracts';
import { AssessmentsStore } from '@proficio/web/people/data-access';
import { httpTesting } from '@proficio/web/shared/util/testing';
import { BehaviorSubject, of } from 'rxjs';
import { ASSESSMENT_IDS, DEMO_IDS, EVIDENCE_IDS, disagreement, evidenceSummary, evidenceView, pageOf } from '../testing';
import { EvidenceStore } from './evidence-store';
import { InboxStore } from './inbox-store';
import { REFRESH_INTERVAL_MS } from './refresh';

@Component({ template: '' })
class Blank {}

describe('InboxStore', () => {
  const { http } = httpTesting({ providers: [provideRouter([{ path: '**', component: Blank }])] });
  const store = () => TestBed.inject(InboxStore);

  afterEach(() => jest.useRealTimers());

  it('asks for the counts only while the person reviews, and again after a navigation, a minute and an evidence write', async () => {
    jest.useFakeTimers();
    const reviews = new BehaviorSubject(false);
    const counts = TestBed.runInInjectionContext(() => store().counts(reviews));
    http().expectNone(ApiRoutes.inbox);
    expect(counts.value()).toBeNull();

    reviews.next(true);
    http().expectOne(ApiRoutes.inbox).flush({ evidence: 2, disagreements: 1 });
    expect(counts.value()).toEqual({ evidence: 2, disagreements: 1 });

    await TestBed.inject(Router).navigateByUrl('/people');
    http().expectOne(ApiRoutes.inbox).flush({ evidence: 3, disagreements: 1 });
    expect(counts.value()?.evidence).toBe(3);

    jest.advanceTimersByTime(REFRESH_INTERVAL_MS);
    http().expectOne(ApiRoutes.inbox).flush({ evidence: 1, disagreements: 0 });

    TestBed.inject(EvidenceStore).giveVerdict(EVIDENCE_IDS.evidence, { revision: 1, verdict: 'accepted' }).subscribe();
    http().expectOne(ApiRoutes.evidenceVerdicts(EVIDENCE_IDS.evidence)).flush(evidenceView());
    http().expectOne(ApiRoutes.inbox).flush({ evidence: 0, disagreements: 0 });
    expect(counts.value()).toEqual({ evidence: 0, disagreements: 0 });

    reviews.next(false);
    jest.advanceTimersByTime(REFRESH_INTERVAL_MS);
    http().expectNone(ApiRoutes.inbox);
  });

  it('reloads the evidence waiting after a verdict, and the disagreements after a saved assessment', () => {
    const waiting = TestBed.runInInjectionContext(() => store().evidence(of({ page: 2, pageSize: 10 })));
    const far = TestBed.runInInjectionContext(() => store().disagreements(of({})));
    const first = http().expectOne((req) => req.url === ApiRoutes.inboxEvidence);
    expect([first.request.params.get('page'), first.request.params.get('pageSize')]).toEqual(['2', '10']);
    first.flush(pageOf([evidenceSummary()]));
    http()
      .expectOne((req) => req.url === ApiRoutes.inboxDisagreements)
      .flush(pageOf([disagreement()]));
    expect(waiting.value()?.items).toHaveLength(1);
    expect(far.value()?.items).toHaveLength(1);

    TestBed.inject(EvidenceStore).giveVerdict(EVIDENCE_IDS.evidence, { revision: 1, verdict: 'accepted' }).subscribe();
    http().expectOne(ApiRoutes.evidenceVerdicts(EVIDENCE_IDS.evidence)).flush(evidenceView());
    http()
      .expectOne((req) => req.url === ApiRoutes.inboxEvidence)
      .flush(pageOf([]));
    http().expectNone((req) => req.url === ApiRoutes.inboxDisagreements);
    expect(waiting.value()?.items).toEqual([]);

    TestBed.inject(AssessmentsStore)
      .record({ employeeId: DEMO_IDS.sara, competencyId: ASSESSMENT_IDS.c1, role: 'manager', level: 3, rationale: 'r' })
      .subscribe();
    http().expectOne(ApiRoutes.assessments).flush({});
    http()
      .expectOne((req) => req.url === ApiRoutes.inboxDisagreements)
      .flush(pageOf([]));
    expect(far.value()?.items).toEqual([]);
  });
});
