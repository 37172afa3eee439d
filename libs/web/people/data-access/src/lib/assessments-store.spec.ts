import { TestBed } from '@angular/core/testing';
import { ApiRoutes } from '@proficio/shared/contracts';
import { httpTesting } from '@proficio/web/shared/util/testing';
import { of } from 'rxjs';
import {
  ASSESSMENT_IDS,
  SAVED_MANAGER_E3,
  DEMO_IDS,
  assessmentView,
  competencyRow,
  employeeCompetencies,
  employeeDetail,
  employeeProgression,
  pageOf,
} from '../testing';
import { AssessmentsStore } from './assessments-store';
import { PeopleStore } from './people-store';
import { TeamGridStore } from './team-grid-api';

describe('AssessmentsStore', () => {
  const { http } = httpTesting();
  const store = () => TestBed.inject(AssessmentsStore);
  const expectHistory = () => http().expectOne((req) => req.url === ApiRoutes.employeeAssessments(DEMO_IDS.sara));

  it('reloads the competencies and the history after a saved assessment, and says it is saving meanwhile', () => {
    const competencies = TestBed.runInInjectionContext(() => store().competencies(of(DEMO_IDS.sara)));
    const history = TestBed.runInInjectionContext(() =>
      store().history(of({ employeeId: DEMO_IDS.sara, competencyId: ASSESSMENT_IDS.c1, page: 1, pageSize: 10 })),
    );
    http().expectOne(ApiRoutes.employeeCompetencies(DEMO_IDS.sara)).flush(employeeCompetencies());
    const first = expectHistory();
    expect(first.request.params.get('competencyId')).toBe(ASSESSMENT_IDS.c1);
    first.flush(pageOf([assessmentView()]));
    expect(history.value()?.items).toHaveLength(1);

    store().record({ employeeId: DEMO_IDS.sara, competencyId: ASSESSMENT_IDS.c1, role: 'self', level: 3, basedOn: null }).subscribe();
    expect(store().saving()).toBe(true);
    http()
      .expectOne(ApiRoutes.assessments)
      .flush(assessmentView({ id: ASSESSMENT_IDS.savedRecord, role: 'self' }));
    expect(store().saving()).toBe(false);

    expect(competencies.loading()).toBe(true);
    http()
      .expectOne(ApiRoutes.employeeCompetencies(DEMO_IDS.sara))
      .flush(employeeCompetencies({ items: [] }));
    expectHistory().flush(pageOf([assessmentView({ id: ASSESSMENT_IDS.savedRecord, role: 'self' }), assessmentView()]));
    expect(competencies.value()?.items).toEqual([]);
    expect(history.value()?.items).toHaveLength(2);
  });

  it('reloads the competencies, history and progression after the team grid saves a batch, and not after a refused one', () => {
    // the Competencies tab of a person the grid is about to rate, open (or opened again) while it saves
    const competencies = TestBed.runInInjectionContext(() => store().competencies(of(DEMO_IDS.sara)));
    TestBed.runInInjectionContext(() => store().history(of({ employeeId: DEMO_IDS.sara, competencyId: ASSESSMENT_IDS.c1 })));
    TestBed.runInInjectionContext(() => store().progression(of(DEMO_IDS.sara)));
    http().expectOne(ApiRoutes.employeeCompetencies(DEMO_IDS.sara)).flush(employeeCompetencies());
    expectHistory().flush(pageOf([assessmentView()]));
    http()
      .expectOne((req) => req.url === ApiRoutes.employeeProgression(DEMO_IDS.sara))
      .flush(employeeProgression());
    const batch = {
      assessments: [
        { employeeId: DEMO_IDS.sara, competencyId: ASSESSMENT_IDS.c1, role: 'manager' as const, level: 3, rationale: 'Review' },
      ],
    };

    TestBed.inject(TeamGridStore)
      .recordBatch(batch)
      .subscribe({ error: () => undefined });
    http().expectOne(ApiRoutes.assessmentBatch).flush({ title: 'Invalid', status: 400 }, { status: 400, statusText: 'Bad Request' });
    http().expectNone(ApiRoutes.employeeCompetencies(DEMO_IDS.sara));

    TestBed.inject(TeamGridStore).recordBatch(batch).subscribe();
    expect(store().saving()).toBe(true);
    http()
      .expectOne(ApiRoutes.assessmentBatch)
      .flush({ items: [assessmentView({ id: ASSESSMENT_IDS.savedRecord, level: 3, levelCode: 'e-3' })] });
    expect(store().saving()).toBe(false);

    const reloaded = competencyRow({
      manager: SAVED_MANAGER_E3,
    });
    http()
      .expectOne(ApiRoutes.employeeCompetencies(DEMO_IDS.sara))
      .flush(employeeCompetencies({ items: [reloaded] }));
    expectHistory().flush(pageOf([assessmentView({ id: ASSESSMENT_IDS.savedRecord }), assessmentView()]));
    http()
      .expectOne((req) => req.url === ApiRoutes.employeeProgression(DEMO_IDS.sara))
      .flush(employeeProgression());
    expect(competencies.value()?.items[0]?.manager?.levelCode).toBe('e-3');
  });

  it('does not reload after a refused assessment', () => {
    TestBed.runInInjectionContext(() => store().competencies(of(DEMO_IDS.sara)));
    http().expectOne(ApiRoutes.employeeCompetencies(DEMO_IDS.sara)).flush(employeeCompetencies());

    store()
      .record({ employeeId: DEMO_IDS.sara, competencyId: ASSESSMENT_IDS.c1, role: 'manager', level: 3 })
      .subscribe({ error: () => undefined });
    http()
      .expectOne(ApiRoutes.assessments)
      .flush(
        { title: 'Invalid', status: 400, errors: [{ field: 'rationale', message: 'is required' }] },
        { status: 400, statusText: 'Bad' },
      );
    http().expectNone(ApiRoutes.employeeCompetencies(DEMO_IDS.sara));
  });

  it('reloads the competencies after a change to people (a new role profile changes the targets)', () => {
    TestBed.runInInjectionContext(() => store().competencies(of(DEMO_IDS.sara)));
    http().expectOne(ApiRoutes.employeeCompetencies(DEMO_IDS.sara)).flush(employeeCompetencies());

    TestBed.inject(PeopleStore).updateEmployee(DEMO_IDS.sara, { roleProfileId: ASSESSMENT_IDS.teamLeadProfile }).subscribe();
    http().expectOne(ApiRoutes.employee(DEMO_IDS.sara)).flush(employeeDetail('sara', 'admin'));
    http().expectOne(ApiRoutes.employeeCompetencies(DEMO_IDS.sara)).flush(employeeCompetencies());
  });

  it('reloads the progression after a saved assessment and after a change to people, not after a refused one', () => {
    const progression = TestBed.runInInjectionContext(() => store().progression(of(DEMO_IDS.sara)));
    const expectProgression = () => http().expectOne((req) => req.url === ApiRoutes.employeeProgression(DEMO_IDS.sara));
    expectProgression().flush(employeeProgression({ series: [] }));
    expect(progression.value()?.series).toEqual([]);

    store()
      .record({ employeeId: DEMO_IDS.sara, competencyId: ASSESSMENT_IDS.c1, role: 'manager', level: 3 })
      .subscribe({ error: () => undefined });
    http().expectOne(ApiRoutes.assessments).flush({ title: 'Conflict', status: 409 }, { status: 409, statusText: 'Conflict' });
    http().expectNone((req) => req.url === ApiRoutes.employeeProgression(DEMO_IDS.sara));

    store().record({ employeeId: DEMO_IDS.sara, competencyId: ASSESSMENT_IDS.c1, role: 'self', level: 3, basedOn: null }).subscribe();
    http()
      .expectOne(ApiRoutes.assessments)
      .flush(assessmentView({ id: ASSESSMENT_IDS.savedRecord, role: 'self' }));
    expectProgression().flush(employeeProgression());
    expect(progression.value()?.series).toHaveLength(1);

    TestBed.inject(PeopleStore).updateEmployee(DEMO_IDS.sara, { roleProfileId: ASSESSMENT_IDS.teamLeadProfile }).subscribe();
    http().expectOne(ApiRoutes.employee(DEMO_IDS.sara)).flush(employeeDetail('sara', 'admin'));
    expectProgression().flush(employeeProgression());
  });
});
