import { TestBed } from '@angular/core/testing';
import { ApiRoutes } from '@proficio/shared/contracts';
import { httpTesting, paramsOf } from '@proficio/web/shared/util/testing';
import { firstValueFrom } from 'rxjs';
import { DEMO_IDS, demoTeams, employeeDetail, employeeSummary, pageOf } from '../testing';
import { PeopleApi } from './people-api';

describe('PeopleApi', () => {
  const { http } = httpTesting();
  const api = () => TestBed.inject(PeopleApi);

  it('lists people with the search text, filters, page and page size as query parameters', async () => {
    const body = pageOf([employeeSummary('sara')], { page: 2, pageSize: 10, total: 11 });
    const result = firstValueFrom(
      api().listEmployees({
        q: ' sara ',
        teamId: DEMO_IDS.desk,
        managerId: DEMO_IDS.luca,
        roleProfileId: 'rp-1',
        status: 'active',
        page: 2,
        pageSize: 10,
      }),
    );

    const req = http().expectOne((r) => r.url === ApiRoutes.employees);
    expect(req.request.method).toBe('GET');
    expect(paramsOf(req)).toEqual({
      q: 'sara',
      teamId: DEMO_IDS.desk,
      managerId: DEMO_IDS.luca,
      roleProfileId: 'rp-1',
      status: 'active',
      page: '2',
      pageSize: '10',
    });
    req.flush(body);

    await expect(result).resolves.toEqual(body);
  });

  it('leaves out an empty search and filters that are not set', () => {
    api().listEmployees({ q: '  ', teamId: '' }).subscribe();
    const req = http().expectOne((r) => r.url === ApiRoutes.employees);
    expect(req.request.params.keys()).toEqual([]);
    req.flush(pageOf([]));
  });

  it.each([
    [{ teamId: DEMO_IDS.desk, includeSubTeams: false }, 'false'],
    [{ teamId: DEMO_IDS.desk, includeSubTeams: true }, null],
    [{ includeSubTeams: false }, null],
  ])('sends includeSubTeams=false only to leave the sub-teams out of a team: %j', (query, sent) => {
    api().listEmployees(query).subscribe();
    const req = http().expectOne((r) => r.url === ApiRoutes.employees);
    expect(req.request.params.get('includeSubTeams')).toBe(sent);
    req.flush(pageOf([]));
  });

  it('reads one person', async () => {
    const body = employeeDetail('sara', 'manager');
    const result = firstValueFrom(api().getEmployee(DEMO_IDS.sara));
    http().expectOne(ApiRoutes.employee(DEMO_IDS.sara)).flush(body);
    await expect(result).resolves.toEqual(body);
  });

  it('reads the direct reports of a person', async () => {
    const result = firstValueFrom(api().getDirectReports(DEMO_IDS.luca));
    http().expectOne(ApiRoutes.employeeReports(DEMO_IDS.luca)).flush(employeeDetail('luca', 'manager').directReports);
    await expect(result).resolves.toEqual([
      { id: DEMO_IDS.sara, name: 'Sara Bianchi' },
      { id: DEMO_IDS.tom, name: 'Tom Becker' },
    ]);
  });

  it('reads the team tree', async () => {
    const result = firstValueFrom(api().getTeams());
    http().expectOne(ApiRoutes.teams).flush(demoTeams());
    await expect(result).resolves.toEqual(demoTeams());
  });

  it.each([
    [
      'creates a person',
      () => api().createEmployee({ name: 'Ann', email: 'ann@example.org' }),
      'POST',
      ApiRoutes.employees,
      { name: 'Ann', email: 'ann@example.org' },
    ],
    [
      'changes a person',
      () => api().updateEmployee(DEMO_IDS.sara, { jobTitle: null }),
      'PATCH',
      ApiRoutes.employee(DEMO_IDS.sara),
      { jobTitle: null },
    ],
    ['anonymises a person', () => api().anonymiseEmployee(DEMO_IDS.sara), 'POST', ApiRoutes.employeeAnonymisation(DEMO_IDS.sara), {}],
    [
      'adds a team',
      () => api().createTeam({ name: 'Ops', parentId: DEMO_IDS.it }),
      'POST',
      ApiRoutes.teams,
      { name: 'Ops', parentId: DEMO_IDS.it },
    ],
    ['moves a team', () => api().updateTeam(DEMO_IDS.desk, { parentId: null }), 'PATCH', ApiRoutes.team(DEMO_IDS.desk), { parentId: null }],
    ['deletes a team', () => api().deleteTeam(DEMO_IDS.desk), 'DELETE', ApiRoutes.team(DEMO_IDS.desk), null],
  ] as const)('%s', (_name, call, method, url, body) => {
    call().subscribe();
    const req = http().expectOne(url);
    expect(req.request.method).toBe(method);
    expect(req.request.body).toEqual(body);
    req.flush(null);
  });

  it('downloads a person’s data as a blob named by the Content-Disposition header', async () => {
    const result = firstValueFrom(api().downloadEmployeeData(DEMO_IDS.sara));
    const req = http().expectOne(ApiRoutes.employeeExport(DEMO_IDS.sara));
    expect(req.request.method).toBe('GET');
    expect(req.request.responseType).toBe('blob');
    const body = new Blob(['{"schemaVersion":1}'], { type: 'application/json' });
    req.flush(body, { headers: { 'Content-Disposition': 'attachment; filename="proficio-sara-bianchi-2026-03-01.json"' } });
    await expect(result).resolves.toEqual({ blob: body, filename: 'proficio-sara-bianchi-2026-03-01.json' });
  });

  it('names the download itself when the API names none', async () => {
    const result = firstValueFrom(api().downloadEmployeeData(DEMO_IDS.sara));
    http()
      .expectOne(ApiRoutes.employeeExport(DEMO_IDS.sara))
      .flush(new Blob(['{}']));
    await expect(result).resolves.toMatchObject({ filename: 'proficio-employee-data.json' });
  });
});
