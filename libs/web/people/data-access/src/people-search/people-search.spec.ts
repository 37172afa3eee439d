import { TestBed } from '@angular/core/testing';
import { EmployeeListQuery } from '@proficio/shared/contracts';
import { firstValueFrom, of } from 'rxjs';
import { employeeSummary, pageOf } from '../testing';
import { PeopleApi } from '../lib/people-api';
import { PEOPLE_SEARCH_PAGE_SIZE, activePeopleSearch } from './people-search';

describe('activePeopleSearch', () => {
  it('searches active people by the text, a page at a time, and finds them as names with how many match in all', async () => {
    const queries: EmployeeListQuery[] = [];
    const listEmployees = jest.fn((query: EmployeeListQuery) => {
      queries.push(query);
      return of(pageOf([employeeSummary('sara'), employeeSummary('marco')], { total: 12 }));
    });
    TestBed.configureTestingModule({ providers: [{ provide: PeopleApi, useValue: { listEmployees } }] });
    const search = TestBed.runInInjectionContext(() => activePeopleSearch());

    const found = await firstValueFrom(search('sa'));

    expect(queries).toEqual([{ q: 'sa', status: 'active', pageSize: PEOPLE_SEARCH_PAGE_SIZE }]);
    const [sara, marco] = [employeeSummary('sara'), employeeSummary('marco')];
    expect(found.items).toEqual([
      { id: sara.id, name: sara.name },
      { id: marco.id, name: marco.name },
    ]);
    expect(found.total).toBe(12);
  });
});
