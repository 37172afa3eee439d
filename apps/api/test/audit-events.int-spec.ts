import type { AuditEventView, EmployeeDetail, Page, ProblemDetails, TeamView } from '@proficio/shared/contracts';
import { DataSource } from 'typeorm';
import { createTestApp, TestApp } from './support/test-app';

describe('reading the audit log', () => {
  let testApp: TestApp;
  let team: TeamView;
  let ada: EmployeeDetail;
  let otherToken: string;

  beforeAll(async () => {
    testApp = await createTestApp();
    team = (await testApp.http().post('/api/teams').send({ name: 'Audited' }).expect(201)).body;
    ada = (await testApp.http().post('/api/employees').send({ name: 'Ada', email: 'ada@example.org', teamId: team.id }).expect(201)).body;
    await testApp.http().patch(`/api/employees/${ada.id}`).send({ jobTitle: 'Engineer' }).expect(200);
    // a second admin makes one change
    await testApp.createUser({ email: 'second.admin@test.local', isAdmin: true });
    otherToken = (await testApp.signIn('second.admin@test.local')).token;
    await testApp.as(otherToken).patch(`/api/teams/${team.id}`).send({ name: 'Audited team' }).expect(200);
    // an event from long ago (inserted directly: the API only writes "now")
    await testApp.app
      .get(DataSource)
      .query(
        `INSERT INTO audit_event (occurred_at, action, entity_type, entity_id, after) VALUES ('2020-06-15T12:00:00Z', 'import', 'framework', 'old', '{"n": 1}')`,
      );
  });

  afterAll(async () => {
    await testApp.close();
  });

  const list = async (query: string) => (await testApp.http().get(`/api/audit-events${query}`).expect(200)).body as Page<AuditEventView>;
  const summary = (page: Page<AuditEventView>) => page.items.map((event) => `${event.action} ${event.entityType}`);

  it('lists every event newest first with actor, before and after', async () => {
    const page = await list('');
    // the two admins' sign-ins are events too
    expect(summary(page)).toEqual([
      'update team',
      'create session',
      'update employee',
      'create employee',
      'create team',
      'create session',
      'import framework',
    ]);
    expect(page.total).toBe(7);
    expect(page.items[0]).toMatchObject({
      actor: { email: 'second.admin@test.local' },
      entityId: team.id,
      before: { name: 'Audited' },
      after: { name: 'Audited team' },
    });
    expect(page.items[6]?.actor).toBeUndefined();
  });

  it.each([
    ['?entityType=employee', ['update employee', 'create employee']],
    ['?action=create', ['create session', 'create employee', 'create team', 'create session']],
    ['?actor=SECOND', ['update team', 'create session']],
    ['?actor=suite.admin&entityType=team', ['create team']],
    ['?from=2021-01-01', ['update team', 'create session', 'update employee', 'create employee', 'create team', 'create session']],
    ['?to=2020-06-15', ['import framework']],
    ['?to=2020-06-15T11:00:00Z', []],
    ['?from=2020-06-15T12:00:00Z&to=2020-06-15T12:00:01Z', ['import framework']],
    ['?from=2020-06-15&to=2020-06-15', ['import framework']],
    ['?actor=100%25', []],
  ])('filters with %s', async (query, expected) => {
    expect(summary(await list(query))).toEqual(expected);
  });

  it('filters by entity id and by actor id', async () => {
    expect(summary(await list(`?entityId=${ada.id}`))).toEqual(['update employee', 'create employee']);
    const me = (await testApp.as(otherToken).get('/api/me').expect(200)).body as { id: string };
    expect(summary(await list(`?actorUserId=${me.id}`))).toEqual(['update team', 'create session']);
  });

  it('pages, with the total of all matching events', async () => {
    const second = await list('?pageSize=2&page=2');
    expect(second).toMatchObject({ total: 7, page: 2, pageSize: 2 });
    expect(summary(second)).toEqual(['update employee', 'create employee']);
    expect((await list('?page=9')).items).toEqual([]);
  });

  it.each([
    ['?action=forge', 'action'],
    ['?from=yesterday', 'from'],
    ['?to=2026-02-30', 'to'],
    ['?actorUserId=nope', 'actorUserId'],
    ['?pageSize=101', 'pageSize'],
    ['?entityType=' + 'x'.repeat(101), 'entityType'],
    ['?from=2026-03-02&to=2026-03-01', 'to'],
    ['?from=2026-03-01T10:00:00Z&to=2026-03-01T10:00:00Z', 'to'],
    ['?colour=red', 'colour'],
  ])('answers 400 naming the field for %s', async (query, field) => {
    const response = await testApp.http().get(`/api/audit-events${query}`).expect(400);
    expect((response.body as ProblemDetails).errors?.map((error) => error.field)).toContain(field);
  });

  it('is for admins only', async () => {
    await testApp.createUser({ email: 'ada@example.org', employeeId: ada.id });
    const { token } = await testApp.signIn('ada@example.org');
    await testApp.as(token).get('/api/audit-events').expect(403);
    await testApp.anonymous().get('/api/audit-events').expect(401);
  });

  it('is append-only: UPDATE, DELETE and TRUNCATE are refused, and every row stays', async () => {
    const db = testApp.app.get(DataSource);
    const rows = async () => (await db.query(`SELECT id, action, entity_type, after FROM audit_event ORDER BY id`)) as unknown[];
    const before = await rows();
    expect(before.length).toBeGreaterThan(0);
    await expect(db.query(`UPDATE audit_event SET action = 'forged'`)).rejects.toThrow(/cannot be changed or deleted/);
    await expect(db.query(`DELETE FROM audit_event`)).rejects.toThrow(/cannot be changed or deleted/);
    await expect(db.query(`TRUNCATE audit_event`)).rejects.toThrow(/cannot be changed or deleted/);
    await expect(db.query(`TRUNCATE audit_event, employee_line`)).rejects.toThrow(/cannot be changed or deleted/);
    expect(await rows()).toEqual(before);
  });
});
