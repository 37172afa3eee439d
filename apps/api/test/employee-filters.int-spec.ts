import type { EmployeeDetail, EmployeeSummary, Page, ProblemDetails } from '@proficio/shared/contracts';
import { createTestApp, TestApp } from './support/test-app';

describe('filtering the people directory', () => {
  let testApp: TestApp;
  let analyst: string;
  let lead: EmployeeDetail;

  beforeAll(async () => {
    testApp = await createTestApp();
    const competency = await testApp.competency('C.1');
    const profile = (name: string) =>
      testApp
        .http()
        .post('/api/role-profiles')
        .send({ name, requirements: [{ competencyId: competency.id, targetLevel: competency.levels[0] }] })
        .expect(201)
        .then((response) => response.body.id as string);
    analyst = await profile('Filter Analyst');
    const other = await profile('Filter Engineer');
    lead = (await testApp.http().post('/api/employees').send({ name: 'Lead', email: 'lead@example.org' }).expect(201)).body;
    const add = (body: object) => testApp.http().post('/api/employees').send(body).expect(201);
    await add({ name: 'Ann', email: 'ann@example.org', roleProfileId: analyst, managerId: lead.id });
    await add({ name: 'Ben', email: 'ben@example.org', roleProfileId: other, managerId: lead.id });
    const cat = (await add({ name: 'Cat', email: 'cat@example.org', roleProfileId: analyst })).body as EmployeeDetail;
    await testApp.http().patch(`/api/employees/${cat.id}`).send({ status: 'left' }).expect(200);
  });

  afterAll(async () => {
    await testApp.close();
  });

  const names = async (query: string) =>
    ((await testApp.http().get(`/api/employees${query}`).expect(200)).body as Page<EmployeeSummary>).items.map((person) => person.name);

  it('filters by role profile, alone and with the other filters', async () => {
    expect(await names(`?roleProfileId=${analyst}`)).toEqual(['Ann', 'Cat']);
    expect(await names(`?roleProfileId=${analyst}&status=active`)).toEqual(['Ann']);
    expect(await names(`?roleProfileId=${analyst}&managerId=${lead.id}`)).toEqual(['Ann']);
    expect(await names(`?roleProfileId=00000000-0000-4000-8000-000000000000`)).toEqual([]);
  });

  it('answers 400 naming roleProfileId for a malformed id', async () => {
    const response = await testApp.http().get('/api/employees?roleProfileId=nope').expect(400);
    expect((response.body as ProblemDetails).errors?.map((error) => error.field)).toEqual(['roleProfileId']);
  });

  it('filters by a team with its sub-teams by default, or by the team alone', async () => {
    const team = async (name: string, parentId?: string) =>
      ((await testApp.http().post('/api/teams').send({ name, parentId }).expect(201)).body as { id: string }).id;
    const division = await team('Filter Division');
    const unit = await team('Filter Unit', division);
    const cell = await team('Filter Cell', unit);
    const add = (name: string, teamId: string) =>
      testApp
        .http()
        .post('/api/employees')
        .send({ name, email: `${name.toLowerCase()}@example.org`, teamId })
        .expect(201);
    await add('Dora', division);
    await add('Eli', unit);
    await add('Fay', cell);
    expect(await names(`?teamId=${division}`)).toEqual(['Dora', 'Eli', 'Fay']);
    expect(await names(`?teamId=${unit}&includeSubTeams=true`)).toEqual(['Eli', 'Fay']);
    expect(await names(`?teamId=${division}&includeSubTeams=false`)).toEqual(['Dora']);
    const refused = await testApp.http().get(`/api/employees?teamId=${division}&includeSubTeams=maybe`).expect(400);
    expect((refused.body as ProblemDetails).errors?.map((error) => error.field)).toEqual(['includeSubTeams']);
  });
});
