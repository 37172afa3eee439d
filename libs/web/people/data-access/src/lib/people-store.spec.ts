import { TestBed } from '@angular/core/testing';
import { ApiRoutes } from '@proficio/shared/contracts';
import { httpTesting } from '@proficio/web/shared/util/testing';
import { of } from 'rxjs';
import { DEMO_IDS, demoTeams, employeeDetail, employeeSummary, pageOf } from '../testing';
import { PeopleStore } from './people-store';

describe('PeopleStore', () => {
  const { http } = httpTesting();
  const store = () => TestBed.inject(PeopleStore);

  it('reloads what is on screen after a saved write, and says it is saving meanwhile', () => {
    const person = TestBed.runInInjectionContext(() => store().employee(of(DEMO_IDS.sara)));
    const teams = TestBed.runInInjectionContext(() => store().teams());
    http().expectOne(ApiRoutes.employee(DEMO_IDS.sara)).flush(employeeDetail('sara', 'admin'));
    http().expectOne(ApiRoutes.teams).flush(demoTeams());
    expect(person.value()?.status).toBe('active');

    store().anonymiseEmployee(DEMO_IDS.sara).subscribe();
    expect(store().saving()).toBe(true);
    http().expectOne(ApiRoutes.employeeAnonymisation(DEMO_IDS.sara)).flush(null);
    expect(store().saving()).toBe(false);

    expect(person.loading()).toBe(true);
    http()
      .expectOne(ApiRoutes.employee(DEMO_IDS.sara))
      .flush({ ...employeeDetail('sara', 'admin'), status: 'left' });
    http().expectOne(ApiRoutes.teams).flush(demoTeams());
    expect(person.value()?.status).toBe('left');
    expect(teams.value()).toEqual(demoTeams());
  });

  it('reloads the directory after a team is deleted, but not after a refused write', () => {
    const directory = TestBed.runInInjectionContext(() => store().directory(of({ q: 'sara' })));
    http()
      .expectOne((req) => req.url === ApiRoutes.employees)
      .flush(pageOf([employeeSummary('sara')]));

    store()
      .deleteTeam(DEMO_IDS.desk)
      .subscribe({ error: () => undefined });
    http().expectOne(ApiRoutes.team(DEMO_IDS.desk)).flush({ title: 'Conflict' }, { status: 409, statusText: 'Conflict' });
    http().expectNone((req) => req.url === ApiRoutes.employees);

    store().deleteTeam(DEMO_IDS.desk).subscribe();
    http().expectOne(ApiRoutes.team(DEMO_IDS.desk)).flush(null);
    const reload = http().expectOne((req) => req.url === ApiRoutes.employees);
    expect(reload.request.params.get('q')).toBe('sara');
    reload.flush(pageOf([]));
    expect(directory.value()?.items).toEqual([]);
  });
});
