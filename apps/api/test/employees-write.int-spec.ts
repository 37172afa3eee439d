import type { AuditEventView, EmployeeDetail, Page, ProblemDetails } from '@proficio/shared/contracts';
import { DataSource } from 'typeorm';
import { createTestApp, TestApp } from './support/test-app';

describe('changing employees', () => {
  let testApp: TestApp;
  let boss: EmployeeDetail;

  beforeAll(async () => {
    testApp = await createTestApp();
    boss = (
      await testApp.http().post('/api/employees').send({ name: 'Grace Boss', email: 'grace@example.org', jobTitle: 'Director' }).expect(201)
    ).body;
  });

  afterAll(async () => {
    await testApp.close();
  });

  const create = (body: object) => testApp.http().post('/api/employees').send(body);
  const employeeCount = async () => (await testApp.app.get(DataSource).query('SELECT count(*)::int AS n FROM employee'))[0].n as number;

  it('adds an employee under a manager, and records it in the audit log', async () => {
    const response = await create({
      name: '  Alan Report ',
      email: 'alan@example.org',
      managerId: boss.id,
      startDate: '2025-02-03',
    }).expect(201);
    const alan = response.body as EmployeeDetail;
    expect(alan).toMatchObject({
      name: 'Alan Report',
      manager: { id: boss.id, name: 'Grace Boss' },
      startDate: '2025-02-03',
      status: 'active',
    });

    const audit = (await testApp.http().get(`/api/audit-events?entityType=employee&entityId=${alan.id}`).expect(200))
      .body as Page<AuditEventView>;
    expect(audit.items).toHaveLength(1);
    expect(audit.items[0]).toMatchObject({
      action: 'create',
      actor: { email: 'suite.admin@test.local' },
      after: { name: 'Alan Report', managerId: boss.id },
    });
  });

  it('refuses an email already used, in any casing, writing nothing', async () => {
    const before = await employeeCount();
    const response = await create({ name: 'Copy', email: 'GRACE@example.org' }).expect(409);
    expect((response.body as ProblemDetails).errors).toEqual([{ field: 'email', message: 'is already used by another employee' }]);
    expect(await employeeCount()).toBe(before);
  });

  it.each([
    [{ email: 'x@example.org' }, 'name'],
    [{ name: '', email: 'x@example.org' }, 'name'],
    [{ name: 'X', email: 'not an email' }, 'email'],
    [{ name: 'X', email: 'x@example.org', startDate: '03/02/2025' }, 'startDate'],
    [{ name: 'X', email: 'x@example.org', managerId: 'nope' }, 'managerId'],
    [{ name: 'X'.repeat(201), email: 'x@example.org' }, 'name'],
    [{ name: 'X', email: 'x@example.org', salary: 1 }, 'salary'],
  ])('answers 400 naming the field for %p', async (body, field) => {
    const response = await create(body).expect(400);
    expect((response.body as ProblemDetails).errors?.map((error) => error.field)).toContain(field);
  });

  it('answers 422 for a manager or team that does not exist', async () => {
    const missing = '00000000-0000-4000-8000-000000000000';
    expect((await create({ name: 'X', email: 'x1@example.org', managerId: missing }).expect(422)).body.errors[0].field).toBe('managerId');
    expect((await create({ name: 'X', email: 'x2@example.org', teamId: missing }).expect(422)).body.errors[0].field).toBe('teamId');
  });

  it('stores names with SQL metacharacters and any Unicode verbatim', async () => {
    const name = "Zoë O'Brien; DROP TABLE employee; -- 🙂 Łódź";
    const response = await create({ name, email: 'zoe@example.org' }).expect(201);
    expect((response.body as EmployeeDetail).name).toBe(name);
  });

  it('changes the manager, and refuses a change that would make the reporting line a cycle', async () => {
    const lead = (await create({ name: 'Lead', email: 'lead@example.org', managerId: boss.id }).expect(201)).body as EmployeeDetail;
    const dev = (await create({ name: 'Dev', email: 'dev@example.org', managerId: lead.id }).expect(201)).body as EmployeeDetail;

    const cycle = await testApp.http().patch(`/api/employees/${boss.id}`).send({ managerId: dev.id }).expect(422);
    expect((cycle.body as ProblemDetails).errors?.[0]).toMatchObject({ field: 'managerId' });
    const self = await testApp.http().patch(`/api/employees/${lead.id}`).send({ managerId: lead.id }).expect(422);
    expect((self.body as ProblemDetails).errors?.[0]?.field).toBe('managerId');

    const moved = await testApp.http().patch(`/api/employees/${dev.id}`).send({ managerId: boss.id, jobTitle: null }).expect(200);
    expect(moved.body).toMatchObject({ manager: { id: boss.id } });
    expect((moved.body as EmployeeDetail).jobTitle).toBeUndefined();
    const audit = (await testApp.http().get(`/api/audit-events?entityId=${dev.id}`).expect(200)).body as Page<AuditEventView>;
    expect(audit.items[0]).toMatchObject({ action: 'update', before: { managerId: lead.id }, after: { managerId: boss.id } });
  });

  it('never lets the audit log be changed', async () => {
    const db = testApp.app.get(DataSource);
    await expect(db.query("UPDATE audit_event SET action = 'forged'")).rejects.toThrow(/cannot be changed/);
    await expect(db.query('DELETE FROM audit_event')).rejects.toThrow(/cannot be changed/);
  });

  it('answers 404 when changing an unknown employee', async () => {
    await testApp.http().patch('/api/employees/00000000-0000-4000-8000-000000000000').send({ name: 'X' }).expect(404);
  });
});
