import { HttpErrorResponse } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import { ApiRoutes, RecordAssessmentBatchRequest, RecordAssessmentRequest } from '@proficio/shared/contracts';
import { httpTesting, paramsOf } from '@proficio/web/shared/util/testing';
import { firstValueFrom } from 'rxjs';
import {
  ASSESSMENT_IDS,
  DEMO_IDS,
  acceptedEvidenceSummary,
  assessmentView,
  employeeCompetencies,
  employeeProgression,
  pageOf,
} from '../testing';
import { ACCEPTED_EVIDENCE_LIMIT, AssessmentsApi, newerAssessment } from './assessments-api';

describe('AssessmentsApi', () => {
  const { http } = httpTesting();
  const api = () => TestBed.inject(AssessmentsApi);

  it("reads a person's competencies", async () => {
    const result = firstValueFrom(api().employeeCompetencies(DEMO_IDS.sara));
    const req = http().expectOne(ApiRoutes.employeeCompetencies(DEMO_IDS.sara));
    expect(req.request.method).toBe('GET');
    req.flush(employeeCompetencies());
    await expect(result).resolves.toEqual(employeeCompetencies());
  });

  it('reads a page of history with the competency, page and page size as query parameters, and none when not given', async () => {
    const body = pageOf([assessmentView()], { page: 2, pageSize: 10, total: 11 });
    const result = firstValueFrom(api().history(DEMO_IDS.sara, { competencyId: ASSESSMENT_IDS.c1, page: 2, pageSize: 10 }));
    const req = http().expectOne((r) => r.url === ApiRoutes.employeeAssessments(DEMO_IDS.sara));
    expect(req.request.method).toBe('GET');
    expect([req.request.params.get('competencyId'), req.request.params.get('page'), req.request.params.get('pageSize')]).toEqual([
      ASSESSMENT_IDS.c1,
      '2',
      '10',
    ]);
    req.flush(body);
    await expect(result).resolves.toEqual(body);

    api().history(DEMO_IDS.sara).subscribe();
    const all = http().expectOne((r) => r.url === ApiRoutes.employeeAssessments(DEMO_IDS.sara));
    expect(all.request.params.keys()).toEqual([]);
    all.flush(pageOf([]));
  });

  it("reads a person's progression, of every competency or of one", async () => {
    const result = firstValueFrom(api().progression(DEMO_IDS.sara));
    const req = http().expectOne((r) => r.url === ApiRoutes.employeeProgression(DEMO_IDS.sara));
    expect([req.request.method, req.request.params.keys()]).toEqual(['GET', []]);
    req.flush(employeeProgression());
    await expect(result).resolves.toEqual(employeeProgression());

    api().progression(DEMO_IDS.sara, ASSESSMENT_IDS.c1).subscribe();
    const one = http().expectOne((r) => r.url === ApiRoutes.employeeProgression(DEMO_IDS.sara));
    expect(one.request.params.get('competencyId')).toBe(ASSESSMENT_IDS.c1);
    one.flush(employeeProgression());
  });

  it("reads the person's accepted evidence of a competency, as many as one page holds", async () => {
    const body = pageOf([acceptedEvidenceSummary()], { pageSize: ACCEPTED_EVIDENCE_LIMIT });
    const result = firstValueFrom(api().acceptedEvidence(DEMO_IDS.sara, ASSESSMENT_IDS.c1));
    const req = http().expectOne((r) => r.url === ApiRoutes.evidenceList);
    expect(req.request.method).toBe('GET');
    expect(paramsOf(req)).toEqual({
      employeeId: DEMO_IDS.sara,
      competencyId: ASSESSMENT_IDS.c1,
      status: 'accepted',
      pageSize: '100',
    });
    req.flush(body);
    await expect(result).resolves.toEqual(body);
  });

  it('records an assessment and answers the saved record', async () => {
    const request: RecordAssessmentRequest = {
      employeeId: DEMO_IDS.sara,
      competencyId: ASSESSMENT_IDS.c1,
      role: 'manager',
      outcome: 'rated',
      level: 3,
      assessedOn: '2026-03-01',
      rationale: 'Runs the desk rota.',
      basedOn: ASSESSMENT_IDS.managerRecord,
    };
    const saved = firstValueFrom(api().record(request));
    const req = http().expectOne(ApiRoutes.assessments);
    expect([req.request.method, req.request.body]).toEqual(['POST', request]);
    req.flush(assessmentView({ id: ASSESSMENT_IDS.savedRecord, level: 3 }), { status: 201, statusText: 'Created' });
    expect((await saved).id).toBe(ASSESSMENT_IDS.savedRecord);
  });

  it('posts a batch as one request and answers the saved records', async () => {
    const batch: RecordAssessmentBatchRequest = {
      assessments: [
        { employeeId: DEMO_IDS.sara, competencyId: ASSESSMENT_IDS.c1, role: 'manager', level: 3, rationale: 'Review', basedOn: null },
        { employeeId: DEMO_IDS.tom, competencyId: ASSESSMENT_IDS.c1, role: 'manager', outcome: 'not_assessed', rationale: 'New' },
      ],
    };
    const saved = firstValueFrom(api().recordBatch(batch));
    const req = http().expectOne(ApiRoutes.assessmentBatch);
    expect([req.request.method, req.request.body]).toEqual(['POST', batch]);
    req.flush({ items: [] }, { status: 201, statusText: 'Created' });
    await expect(saved).resolves.toEqual({ items: [] });
  });
});

describe('newerAssessment', () => {
  const newer = assessmentView({ id: ASSESSMENT_IDS.newerRecord });
  const error = (status: number, body: unknown) => new HttpErrorResponse({ status, error: body });

  it.each([
    ['a 409 with the newer record', error(409, { title: 'A newer assessment exists', status: 409, newer }), newer],
    ['a 409 without one', error(409, { title: 'Conflict', status: 409 }), null],
    ['a 422', error(422, { title: 'Invalid', status: 422, newer }), null],
    ['a network failure', error(0, null), null],
    ['something else', new Error('boom'), null],
  ])('finds it in %s', (_case, given, expected) => {
    expect(newerAssessment(given)).toEqual(expected);
  });
});
