/**
 * Privacy: a person downloads everything held about them; an administrator
 * anonymises a person who has left, keeping them countable without identity.
 */
import type {
  AnonymisationResult,
  AuditEventView,
  EmployeeDetail,
  Page,
  PersonalDataExport,
  ProblemDetails,
} from '@proficio/shared/contracts';
import { DataSource } from 'typeorm';
import { createTestApp, TestApp } from './support/test-app';

describe('privacy', () => {
  let testApp: TestApp;
  let db: DataSource;
  let grace: EmployeeDetail;
  let ada: EmployeeDetail;
  let alan: EmployeeDetail;
  let adaUserId: string;
  let teamId: string;
  let roleProfileId: string;

  const today = () => new Date().toISOString().slice(0, 10);

  beforeAll(async () => {
    testApp = await createTestApp();
    db = testApp.app.get(DataSource);
    teamId = ((await testApp.http().post('/api/teams').send({ name: 'Privacy Team' })).body as { id?: string }).id ?? '';
    if (!teamId) [{ id: teamId }] = await db.query(`INSERT INTO team (name) VALUES ('Privacy Team') RETURNING id`);
    [{ id: roleProfileId }] = await db.query(`INSERT INTO role_profile (name) VALUES ('Privacy Analyst') RETURNING id`);
    const create = async (body: object) => (await testApp.http().post('/api/employees').send(body).expect(201)).body as EmployeeDetail;
    grace = await create({ name: 'Grace Keeper', email: 'grace.keeper@example.org', jobTitle: 'Head of Data' });
    ada = await create({
      name: 'Ada Lovelace-Export',
      email: 'ada.export@example.org',
      jobTitle: 'Analyst',
      managerId: grace.id,
      teamId,
      startDate: '2024-05-06',
    });
    alan = await create({ name: 'Alan Reporter', email: 'alan.reporter@example.org', managerId: ada.id });
    await db.query('UPDATE employee SET role_profile_id = $1 WHERE id = $2', [roleProfileId, ada.id]);
    await testApp.http().patch(`/api/employees/${ada.id}`).send({ jobTitle: 'Senior Analyst' }).expect(200);
    adaUserId = await testApp.createUser({ email: 'ada.export@example.org', employeeId: ada.id });
    await testApp.createUser({ email: 'grace.keeper@example.org', employeeId: grace.id });
  });

  afterAll(async () => {
    await testApp.close();
  });

  describe('downloading your data', () => {
    it('gives the signed-in person everything held about them as a JSON file', async () => {
      const { token } = await testApp.signIn('ada.export@example.org');
      // The file is named after the day of the export: the request may cross midnight, so either day is right.
      const dayBefore = today();
      const response = await testApp.as(token).get('/api/me/export').expect(200);
      const dayAfter = today();
      expect(response.headers['content-type']).toMatch(/^application\/json/);
      expect([dayBefore, dayAfter].map((day) => `attachment; filename="proficio-ada-lovelace-export-${day}.json"`)).toContain(
        response.headers['content-disposition'],
      );
      expect(response.headers['cache-control']).toBe('no-store');

      const data = response.body as PersonalDataExport;
      expect(data).toMatchObject({ schemaVersion: 1, subject: { userId: adaUserId, employeeId: ada.id } });
      expect(data.sections.account).toMatchObject({ id: adaUserId, email: 'ada.export@example.org', roles: ['manager', 'employee'] });
      expect(data.sections.employee).toMatchObject({
        id: ada.id,
        name: 'Ada Lovelace-Export',
        email: 'ada.export@example.org',
        jobTitle: 'Senior Analyst',
        status: 'active',
        startDate: '2024-05-06',
        team: { id: teamId, name: 'Privacy Team' },
        manager: { id: grace.id, name: 'Grace Keeper' },
        directReports: [{ id: alan.id, name: 'Alan Reporter' }],
        roleProfile: { id: roleProfileId, name: 'Privacy Analyst' },
      });
      expect(data.sections.auditEvents.about.map((event) => event.action)).toEqual(['create', 'update']);
      expect(data.sections.auditEvents.about[1]).toMatchObject({ before: { jobTitle: 'Analyst' }, after: { jobTitle: 'Senior Analyst' } });
    });

    it('includes the assessments of the person in full, and those they wrote about others without the rationale', async () => {
      const [{ id: competencyId }] = await db.query(`SELECT c.id FROM competency c WHERE c.code = 'C.1' LIMIT 1`);
      const { token: graceToken } = await testApp.signIn('grace.keeper@example.org');
      const rated = await testApp
        .as(graceToken)
        .post('/api/assessments')
        .send({ employeeId: ada.id, competencyId, role: 'manager', level: 2, rationale: 'Ada Lovelace-Export explains data models well.' })
        .expect(201);
      const own = (await testApp.http().get(`/api/employees/${ada.id}/export`).expect(200)).body as PersonalDataExport;
      expect(own.sections.assessments.about).toEqual([
        expect.objectContaining({
          id: rated.body.id,
          employeeId: ada.id,
          competency: { id: competencyId, code: 'C.1' },
          role: 'manager',
          level: 2,
          rationale: 'Ada Lovelace-Export explains data models well.',
        }),
      ]);
      const graces = (await testApp.as(graceToken).get('/api/me/export').expect(200)).body as PersonalDataExport;
      expect(graces.sections.assessments.by).toEqual([expect.objectContaining({ id: rated.body.id, employeeId: ada.id, level: 2 })]);
      expect(graces.sections.assessments.by[0]?.rationale).toBeUndefined();
    });

    it('never includes password or refresh token hashes', async () => {
      const { token } = await testApp.signIn('ada.export@example.org');
      const text = (await testApp.as(token).get('/api/me/export').expect(200)).text;
      const [{ password_hash: passwordHash }] = await db.query('SELECT password_hash FROM app_user WHERE id = $1', [adaUserId]);
      const tokenHashes: Array<{ token_hash: string }> = await db.query('SELECT token_hash FROM refresh_token WHERE user_id = $1', [
        adaUserId,
      ]);
      expect(passwordHash).toMatch(/^\$argon2/);
      expect(tokenHashes.length).toBeGreaterThan(0);
      expect(text).not.toContain(passwordHash);
      for (const { token_hash } of tokenHashes) expect(text).not.toContain(token_hash);
      expect(text).not.toMatch(/argon2|password_?hash|token_?hash/i);
    });

    it('lists what an administrator did without the contents of other people’s records', async () => {
      const data = (await testApp.http().get('/api/me/export').expect(200)).body as PersonalDataExport;
      expect(data.sections.employee).toBeNull();
      expect(data.sections.account).toMatchObject({ email: 'suite.admin@test.local', roles: ['admin'] });
      const created = data.sections.auditEvents.by.filter((event) => event.action === 'create' && event.entityType === 'employee');
      expect(created.map((event) => event.entityId)).toEqual(expect.arrayContaining([grace.id, ada.id, alan.id]));
      expect(data.sections.auditEvents.by.every((event) => !('before' in event) && !('after' in event))).toBe(true);
    });

    it('lets an administrator or the person export an employee, but not their manager', async () => {
      const admin = (await testApp.http().get(`/api/employees/${ada.id}/export`).expect(200)).body as PersonalDataExport;
      expect(admin.sections.account?.email).toBe('ada.export@example.org');
      const { token: adaToken } = await testApp.signIn('ada.export@example.org');
      await testApp.as(adaToken).get(`/api/employees/${ada.id}/export`).expect(200);
      const { token: graceToken } = await testApp.signIn('grace.keeper@example.org');
      await testApp.as(graceToken).get(`/api/employees/${ada.id}/export`).expect(403);
      await testApp.http().get('/api/employees/00000000-0000-4000-8000-000000000000/export').expect(404);
      const alanData = (await testApp.http().get(`/api/employees/${alan.id}/export`).expect(200)).body as PersonalDataExport;
      expect(alanData.sections.account).toBeNull();
      expect(alanData.sections.employee?.manager?.name).toBe('Ada Lovelace-Export');
    });
  });

  describe('anonymising a person who left', () => {
    const anonymise = (id: string) => testApp.http().post(`/api/employees/${id}/anonymisation`).send({});

    it('refuses a person who has not left, naming their status', async () => {
      const response = await anonymise(ada.id).expect(409);
      expect((response.body as ProblemDetails).detail).toMatch(/status is "active"/);
      await anonymise('00000000-0000-4000-8000-000000000000').expect(404);
    });

    it('refuses a person who still has active direct reports, changing nothing', async () => {
      await testApp.http().patch(`/api/employees/${ada.id}`).send({ status: 'left' }).expect(200);
      const response = await anonymise(ada.id).expect(409);
      expect((response.body as ProblemDetails).detail).toMatch(/1 active direct report: give them another manager first/);
      const [row] = await db.query('SELECT name, anonymised_at FROM employee WHERE id = $1', [ada.id]);
      expect(row).toEqual({ name: 'Ada Lovelace-Export', anonymised_at: null });
    });

    it('erases name, email, job title, start date and account; keeps team, role profile and reporting position', async () => {
      await testApp.http().patch(`/api/employees/${alan.id}`).send({ managerId: grace.id }).expect(200);
      const { cookie } = await testApp.signIn('ada.export@example.org');

      const result = (await anonymise(ada.id).expect(200)).body as AnonymisationResult;
      const shortId = ada.id.slice(0, 8);
      expect(result).toMatchObject({ employeeId: ada.id, name: `Former employee ${shortId}`, accountDisabled: true });

      const detail = (await testApp.http().get(`/api/employees/${ada.id}`).expect(200)).body as EmployeeDetail;
      expect(detail).toMatchObject({
        name: `Former employee ${shortId}`,
        email: `anonymised-${ada.id}@invalid`,
        status: 'left',
        team: { id: teamId },
        manager: { id: grace.id },
      });
      expect(detail.jobTitle).toBeUndefined();
      expect(detail.startDate).toBeUndefined();
      expect(Date.parse(detail.anonymisedAt ?? '')).toBeGreaterThan(Date.now() - 60_000);
      const [row] = await db.query('SELECT role_profile_id, team_id, anonymised_at FROM employee WHERE id = $1', [ada.id]);
      expect(row).toMatchObject({ role_profile_id: roleProfileId, team_id: teamId });
      expect(row.anonymised_at).toBeInstanceOf(Date);

      // the account cannot sign in or refresh, and holds no email or password
      await testApp
        .anonymous()
        .post('/api/auth/sign-in')
        .send({ email: 'ada.export@example.org', password: 'correct horse battery staple' })
        .expect(401);
      await testApp.anonymous().post('/api/auth/refresh').set('cookie', cookie).expect(401);
      const [user] = await db.query('SELECT email, password_hash, disabled_at FROM app_user WHERE id = $1', [adaUserId]);
      expect(user).toMatchObject({ email: `anonymised-${adaUserId}@invalid`, password_hash: null });
      expect(user.disabled_at).toBeInstanceOf(Date);
      expect((await db.query('SELECT count(*)::int AS n FROM refresh_token WHERE user_id = $1', [adaUserId]))[0].n).toBe(0);
    });

    it('shows the audit events about the person without their contents; the log itself is untouched', async () => {
      const page = (await testApp.http().get(`/api/audit-events?entityType=employee&entityId=${ada.id}`).expect(200))
        .body as Page<AuditEventView>;
      expect(page.items.map((event) => event.action).sort()).toEqual(['anonymise', 'create', 'update', 'update']);
      for (const event of page.items.filter((item) => item.action !== 'anonymise')) {
        expect(event.before).toBeUndefined();
        expect(event.after).toBeUndefined();
      }
      const anonymisation = page.items.find((event) => event.action === 'anonymise');
      expect(anonymisation).toMatchObject({ actor: { email: 'suite.admin@test.local' }, after: { accountDisabled: true } });
      expect(JSON.stringify(page)).not.toMatch(/Ada|ada\.export|"(Senior )?Analyst"|2024-05-06/);

      // append-only: the stored rows still hold what happened
      const [{ n }] = await db.query(
        `SELECT count(*)::int AS n FROM audit_event WHERE entity_id = $1 AND after->>'name' = 'Ada Lovelace-Export'`,
        [ada.id],
      );
      expect(n).toBeGreaterThan(0);
    });

    it('keeps the person’s assessments (levels and dates) but withholds their written rationales', async () => {
      const history = (await testApp.http().get(`/api/employees/${ada.id}/assessments`).expect(200)).body as Page<{
        level?: number;
        rationale?: string;
      }>;
      expect(history.items.map((item) => item.level)).toEqual([2]);
      expect(history.items[0]?.rationale).toBeUndefined();
      const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM assessment WHERE employee_id = $1 AND rationale LIKE 'Ada%'`, [
        ada.id,
      ]);
      expect(n).toBe(1);
    });

    it('exports the anonymised person with no trace of who they were', async () => {
      const text = (await testApp.http().get(`/api/employees/${ada.id}/export`).expect(200)).text;
      expect(text).not.toMatch(/Ada|ada\.export|"(Senior )?Analyst"|2024-05-06/);
      const data = JSON.parse(text) as PersonalDataExport;
      expect(data.sections.employee).toMatchObject({ name: `Former employee ${ada.id.slice(0, 8)}`, team: { id: teamId } });
    });

    it('still counts the person in aggregates by team and role profile', async () => {
      const [{ n }] = await db.query('SELECT count(*)::int AS n FROM employee WHERE team_id = $1 AND role_profile_id = $2', [
        teamId,
        roleProfileId,
      ]);
      expect(n).toBe(1);
    });

    it('refuses to anonymise twice', async () => {
      const response = await anonymise(ada.id).expect(409);
      expect((response.body as ProblemDetails).detail).toBe('This person has already been anonymised.');
    });
  });
});
