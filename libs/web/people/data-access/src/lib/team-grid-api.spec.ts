import { TestBed } from '@angular/core/testing';
import { ApiRoutes, RecordAssessmentBatchRequest, TeamGridQuery } from '@proficio/shared/contracts';
import { httpTesting, paramsOf } from '@proficio/web/shared/util/testing';
import { BehaviorSubject, firstValueFrom } from 'rxjs';
import { DEMO_IDS, TEAM_GRID_IDS, employeeDetail, teamGridFixture } from '../testing';
import { AssessmentsStore } from './assessments-store';
import { PeopleStore } from './people-store';
import { TeamGridApi, TeamGridStore } from './team-grid-api';

const BATCH: RecordAssessmentBatchRequest = {
  assessments: [
    {
      employeeId: DEMO_IDS.sara,
      competencyId: TEAM_GRID_IDS.c1,
      role: 'manager',
      outcome: 'rated',
      level: 4,
      rationale: 'Leads the desk’s knowledge base',
      basedOn: TEAM_GRID_IDS.saraC1,
    },
    { employeeId: DEMO_IDS.tom, competencyId: TEAM_GRID_IDS.c4, role: 'manager', outcome: 'not_assessed', rationale: 'New', basedOn: null },
  ],
};

describe('TeamGridApi', () => {
  const { http } = httpTesting();
  const api = () => TestBed.inject(TeamGridApi);

  it('asks for the direct reports without parameters', async () => {
    const grid = firstValueFrom(api().teamGrid());
    const req = http().expectOne((r) => r.url === ApiRoutes.teamGrid);
    expect(req.request.method).toBe('GET');
    expect(req.request.params.keys()).toEqual([]);
    req.flush(teamGridFixture());
    expect((await grid).people.map((person) => person.name)).toEqual(['Sara Bianchi', 'Tom Becker', 'Aisha Khan']);
  });

  it.each<[TeamGridQuery, Record<string, string>]>([
    [{ scope: 'direct' }, {}],
    [{ scope: 'line' }, { scope: 'line' }],
    [
      { scope: 'line', roleProfileId: TEAM_GRID_IDS.analyst },
      { scope: 'line', roleProfileId: TEAM_GRID_IDS.analyst },
    ],
    [{ frameworkId: TEAM_GRID_IDS.ecf, roleProfileId: '' }, { frameworkId: TEAM_GRID_IDS.ecf }],
    [{ scope: 'line', page: 2 } as TeamGridQuery, { scope: 'line' }],
  ])('sends the query %j as %j', (query, params) => {
    api().teamGrid(query).subscribe();
    const req = http().expectOne((r) => r.url === ApiRoutes.teamGrid);
    expect(paramsOf(req)).toEqual(params);
    req.flush(teamGridFixture());
  });
});

describe('TeamGridStore', () => {
  const { http } = httpTesting();
  const store = () => TestBed.inject(TeamGridStore);

  it('reloads the grid for the same query after a saved batch, and says it is saving meanwhile', () => {
    const grid = TestBed.runInInjectionContext(() => store().grid(new BehaviorSubject<TeamGridQuery>({ scope: 'line' })));
    http()
      .expectOne((r) => r.url === ApiRoutes.teamGrid)
      .flush(teamGridFixture());
    expect(grid.value()?.people).toHaveLength(3);

    store().recordBatch(BATCH).subscribe();
    expect(store().saving()).toBe(true);
    http().expectOne(ApiRoutes.assessmentBatch).flush({ items: [] });
    expect(store().saving()).toBe(false);

    const reload = http().expectOne((r) => r.url === ApiRoutes.teamGrid);
    expect(reload.request.params.get('scope')).toBe('line');
    reload.flush(teamGridFixture({ people: [] }));
    expect(grid.value()?.people).toEqual([]);
  });

  it('does not reload after a refused batch, but does after an assessment saved elsewhere or a change to people', () => {
    TestBed.runInInjectionContext(() => store().grid(new BehaviorSubject<TeamGridQuery>({})));
    http()
      .expectOne((r) => r.url === ApiRoutes.teamGrid)
      .flush(teamGridFixture());

    store()
      .recordBatch(BATCH)
      .subscribe({ error: () => undefined });
    http()
      .expectOne(ApiRoutes.assessmentBatch)
      .flush(
        { title: 'Invalid', status: 400, errors: [{ field: 'assessments.1.level', message: 'is required' }] },
        { status: 400, statusText: 'Bad Request' },
      );
    http().expectNone((r) => r.url === ApiRoutes.teamGrid);

    TestBed.inject(AssessmentsStore).record(BATCH.assessments[0]).subscribe();
    http().expectOne(ApiRoutes.assessments).flush({});
    http()
      .expectOne((r) => r.url === ApiRoutes.teamGrid)
      .flush(teamGridFixture());

    TestBed.inject(PeopleStore).updateEmployee(DEMO_IDS.sara, { name: 'Sara Bianchi' }).subscribe();
    http().expectOne(ApiRoutes.employee(DEMO_IDS.sara)).flush(employeeDetail('sara', 'admin'));
    http()
      .expectOne((r) => r.url === ApiRoutes.teamGrid)
      .flush(teamGridFixture());
  });
});
