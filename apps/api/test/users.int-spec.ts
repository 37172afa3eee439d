/**
 * Sign-in accounts (`/api/users`, admins only): an administrator gives a
 * person a login with a one-time temporary password, which the person must
 * replace at first sign-in; resets, disabling and admin rights, with the
 * protections that keep at least one administrator able to manage accounts.
 */
import type {
  AuditEventView,
  EmployeeDetail,
  IssuedTemporaryPassword,
  Me,
  Page,
  ProblemDetails,
  SessionResponse,
  UserAccount,
} from '@proficio/shared/contracts';
import { DataSource } from 'typeorm';
import { createTestApp, TEST_PASSWORD, TestApp } from './support/test-app';
import { waitUntil } from './support/wait-until';

const TEMPORARY = /^[A-HJ-NP-Za-km-z2-9]{4}(-[A-HJ-NP-Za-km-z2-9]{4}){3}$/;

describe('sign-in accounts', () => {
  let testApp: TestApp;
  let db: DataSource;
  let suiteAdminId: string;
  /** Every temporary password handed out in this suite: none may appear in the audit log. */
  const issued: string[] = [];
  let counter = 0;

  beforeAll(async () => {
    testApp = await createTestApp();
    db = testApp.app.get(DataSource);
    [{ id: suiteAdminId }] = await db.query(`SELECT id FROM app_user WHERE email = 'suite.admin@test.local'`);
  });

  afterAll(async () => {
    await testApp.close();
  });

  const employee = async (name: string, extra: object = {}): Promise<EmployeeDetail> => {
    counter += 1;
    const email = `${name.toLowerCase().replace(/\W+/g, '.')}.${counter}@example.org`;
    return (
      await testApp
        .http()
        .post('/api/employees')
        .send({ name, email, ...extra })
        .expect(201)
    ).body as EmployeeDetail;
  };
  const createAccount = async (body: object): Promise<IssuedTemporaryPassword> => {
    const created = (await testApp.http().post('/api/users').send(body).expect(201)).body as IssuedTemporaryPassword;
    issued.push(created.temporaryPassword);
    return created;
  };
  const signIn = (email: string, password: string) => testApp.anonymous().post('/api/auth/sign-in').send({ email, password });
  const refreshCookie = (response: { headers: Record<string, unknown> }) =>
    ([] as string[])
      .concat((response.headers['set-cookie'] as string[] | undefined) ?? [])
      .find((c) => c.startsWith('proficio_refresh='))
      ?.split(';')[0] ?? '';
  const errorsOf = (body: unknown) => ((body as ProblemDetails).errors ?? []).map((error) => error.field);

  describe('creating the account of an employee', () => {
    it('issues a temporary password that signs in once, then must be changed; changing it clears the flag', async () => {
      const ada = await employee('Ada Account', { jobTitle: 'Analyst' });
      const created = await createAccount({ employeeId: ada.id });
      expect(created.temporaryPassword).toMatch(TEMPORARY);
      expect(created.account).toEqual({
        id: expect.any(String),
        email: ada.email,
        status: 'active',
        isAdmin: false,
        passwordMustChange: true,
        employee: { id: ada.id, name: 'Ada Account' },
        createdAt: expect.any(String),
      });

      const session = await signIn(ada.email.toUpperCase(), created.temporaryPassword).expect(200);
      const { accessToken, user } = session.body as SessionResponse;
      expect(user).toMatchObject({ email: ada.email, roles: ['employee'], passwordMustChange: true, employee: { id: ada.id } });
      expect(((await testApp.as(accessToken).get('/api/me').expect(200)).body as Me).passwordMustChange).toBe(true);

      // until they choose their own password, only that (and who they are) is open to them
      const refused = await testApp.as(accessToken).get(`/api/employees/${ada.id}`).expect(403);
      expect(refused.body).toMatchObject({ type: 'urn:proficio:problem:password-must-change', title: 'Choose a new password first' });
      await testApp.as(accessToken).get('/api/role-profiles').expect(403);

      const newPassword = 'my very own passphrase';
      const changed = await testApp
        .as(accessToken)
        .post('/api/auth/password')
        .send({ currentPassword: created.temporaryPassword, newPassword })
        .expect(200);
      expect((changed.body as SessionResponse).user.passwordMustChange).toBe(false);
      await testApp
        .as((changed.body as SessionResponse).accessToken)
        .get(`/api/employees/${ada.id}`)
        .expect(200);
      await signIn(ada.email, created.temporaryPassword).expect(401);
      const again = (await signIn(ada.email, newPassword).expect(200)).body as SessionResponse;
      expect(again.user.passwordMustChange).toBe(false);
      expect(((await testApp.as(again.accessToken).get('/api/me').expect(200)).body as Me).passwordMustChange).toBe(false);
      const account = ((await testApp.http().get(`/api/users?employeeId=${ada.id}`).expect(200)).body as Page<UserAccount>).items[0];
      expect(account).toMatchObject({ id: created.account.id, passwordMustChange: false });
    });

    it('can make the account an administrator', async () => {
      const hr = await employee('Hilda Resources');
      const created = await createAccount({ employeeId: hr.id, isAdmin: true });
      expect(created.account).toMatchObject({ isAdmin: true, passwordMustChange: true });
      const session = (await signIn(hr.email, created.temporaryPassword).expect(200)).body as SessionResponse;
      expect(session.user.roles).toEqual(['admin', 'employee']);
    });

    it('answers 409 naming employeeId when the employee already has an account or another account has their email', async () => {
      const bea = await employee('Bea Twice');
      await createAccount({ employeeId: bea.id });
      const twice = await testApp.http().post('/api/users').send({ employeeId: bea.id }).expect(409);
      expect((twice.body as ProblemDetails).errors).toEqual([{ field: 'employeeId', message: 'already has an account' }]);

      const cal = await employee('Cal Taken');
      await testApp.createUser({ email: cal.email.toUpperCase() });
      const taken = await testApp.http().post('/api/users').send({ employeeId: cal.id }).expect(409);
      expect((taken.body as ProblemDetails).errors).toEqual([
        { field: 'employeeId', message: 'has an email address another account already uses' },
      ]);
    });

    it('answers 422 naming employeeId for an unknown, left or anonymised employee, writing nothing', async () => {
      const left = await employee('Lena Left');
      await testApp.http().patch(`/api/employees/${left.id}`).send({ status: 'left' }).expect(200);
      const gone = await employee('Gus Gone');
      await db.query(`UPDATE employee SET status = 'left', anonymised_at = now() WHERE id = $1`, [gone.id]);
      const [{ n: before }] = await db.query('SELECT count(*)::int AS n FROM app_user');
      for (const [employeeId, message] of [
        ['00000000-0000-4000-8000-000000000000', 'is not an existing employee'],
        [left.id, 'is an employee who has left'],
        [gone.id, 'is an anonymised employee'],
      ]) {
        const response = await testApp.http().post('/api/users').send({ employeeId }).expect(422);
        expect((response.body as ProblemDetails).errors).toEqual([{ field: 'employeeId', message }]);
      }
      const [{ n: after }] = await db.query('SELECT count(*)::int AS n FROM app_user');
      expect(after).toBe(before);
    });

    it.each([
      [{}, 'employeeId'],
      [{ employeeId: 'nope' }, 'employeeId'],
      [{ employeeId: '00000000-0000-4000-8000-000000000000', isAdmin: 'yes' }, 'isAdmin'],
      [{ employeeId: '00000000-0000-4000-8000-000000000000', email: 'both@example.org', isAdmin: true }, 'email'],
      [{ email: 'not an email', isAdmin: true }, 'email'],
      [{ email: `${'x'.repeat(320)}@example.org`, isAdmin: true }, 'email'],
      [{ employeeId: '00000000-0000-4000-8000-000000000000', password: 'chosen by admin' }, 'password'],
    ])('answers 400 naming the field for %p', async (body, field) => {
      const response = await testApp.http().post('/api/users').send(body).expect(400);
      expect(errorsOf(response.body)).toContain(field);
    });
  });

  describe('an administrator without an employee record', () => {
    it('is created from an email with isAdmin: true', async () => {
      const created = await createAccount({ email: ' Auditor@External.example ', isAdmin: true });
      expect(created.account).toMatchObject({ email: 'Auditor@External.example', isAdmin: true, passwordMustChange: true });
      expect(created.account.employee).toBeUndefined();
      const session = (await signIn('auditor@external.example', created.temporaryPassword).expect(200)).body as SessionResponse;
      expect(session.user).toMatchObject({ roles: ['admin'], passwordMustChange: true });
    });

    it('is refused without isAdmin (422), for an employee’s email or a taken one (409)', async () => {
      const noAdmin = await testApp.http().post('/api/users').send({ email: 'plain@external.example' }).expect(422);
      expect(errorsOf(noAdmin.body)).toEqual(['isAdmin']);
      const dora = await employee('Dora Staff');
      const staff = await testApp.http().post('/api/users').send({ email: dora.email, isAdmin: true }).expect(409);
      expect((staff.body as ProblemDetails).errors).toEqual([
        { field: 'email', message: 'belongs to an employee: create the account from their employee record' },
      ]);
      const taken = await testApp.http().post('/api/users').send({ email: 'SUITE.ADMIN@test.local', isAdmin: true }).expect(409);
      expect((taken.body as ProblemDetails).errors).toEqual([{ field: 'email', message: 'is already used by another account' }]);
    });
  });

  describe('listing', () => {
    it('searches by email or name and filters by status, admin and employee', async () => {
      const quinn = await employee('Quinn Listable');
      const created = await createAccount({ employeeId: quinn.id });
      const list = async (query: string) => (await testApp.http().get(`/api/users${query}`).expect(200)).body as Page<UserAccount>;

      expect((await list('?q=listable')).items.map((account) => account.id)).toEqual([created.account.id]);
      expect((await list(`?q=${encodeURIComponent(quinn.email.split('@')[0] ?? '')}`)).items).toHaveLength(1);
      expect((await list('?q=100%25')).items).toEqual([]);
      expect((await list(`?employeeId=${quinn.id}`)).items).toEqual([created.account]);
      expect((await list('?admin=true')).items.every((account) => account.isAdmin)).toBe(true);
      expect((await list('?admin=false')).items.some((account) => account.id === created.account.id)).toBe(true);
      expect((await list('?status=active')).items.every((account) => account.status === 'active')).toBe(true);

      const all = await list('?pageSize=2');
      expect(all.items).toHaveLength(2);
      expect(all.total).toBeGreaterThan(2);
    });

    it.each([
      ['?status=gone', 'status'],
      ['?admin=maybe', 'admin'],
      ['?employeeId=nope', 'employeeId'],
      ['?pageSize=1000', 'pageSize'],
    ])('answers 400 naming the parameter for %s', async (query, field) => {
      expect(errorsOf((await testApp.http().get(`/api/users${query}`).expect(400)).body)).toContain(field);
    });
  });

  describe('resetting a password', () => {
    it('issues a new temporary password, ends every session and stops the old password', async () => {
      const eve = await employee('Eve Reset');
      const created = await createAccount({ employeeId: eve.id });
      const first = await signIn(eve.email, created.temporaryPassword).expect(200);
      const { accessToken } = first.body as SessionResponse;
      await testApp
        .as(accessToken)
        .post('/api/auth/password')
        .send({ currentPassword: created.temporaryPassword, newPassword: 'eve chose this one' })
        .expect(200);
      const session = await signIn(eve.email, 'eve chose this one').expect(200);
      const token = (session.body as SessionResponse).accessToken;
      const cookie = refreshCookie(session);
      // No wait needed: tokens carry the password version in milliseconds (`pwd`), not the whole seconds of `iat`.

      const reset = (await testApp.http().post(`/api/users/${created.account.id}/password-reset`).expect(200))
        .body as IssuedTemporaryPassword;
      issued.push(reset.temporaryPassword);
      expect(reset.temporaryPassword).toMatch(TEMPORARY);
      expect(reset.temporaryPassword).not.toBe(created.temporaryPassword);
      expect(reset.account).toMatchObject({ id: created.account.id, passwordMustChange: true, status: 'active' });

      await testApp.as(token).get('/api/me').expect(401);
      await testApp.anonymous().post('/api/auth/refresh').set('cookie', cookie).expect(401);
      await signIn(eve.email, 'eve chose this one').expect(401);
      const after = (await signIn(eve.email, reset.temporaryPassword).expect(200)).body as SessionResponse;
      expect(after.user.passwordMustChange).toBe(true);
    });

    it('answers 404 for an unknown account and 400 for a malformed id', async () => {
      await testApp.http().post('/api/users/00000000-0000-4000-8000-000000000000/password-reset').expect(404);
      await testApp.http().post('/api/users/nope/password-reset').expect(400);
    });
  });

  describe('disabling and enabling', () => {
    it('blocks sign-in, refresh and access tokens of a disabled account, and enabling lets the person back in', async () => {
      const finn = await employee('Finn Disabled');
      const userId = await testApp.createUser({ email: finn.email, employeeId: finn.id });
      const session = await testApp.signIn(finn.email);

      const disabled = (await testApp.http().patch(`/api/users/${userId}`).send({ disabled: true }).expect(200)).body as UserAccount;
      expect(disabled).toMatchObject({ status: 'disabled', disabledAt: expect.any(String) });
      await testApp.as(session.token).get('/api/me').expect(401);
      await testApp.anonymous().post('/api/auth/refresh').set('cookie', session.cookie).expect(401);
      await signIn(finn.email, TEST_PASSWORD).expect(401);
      expect(
        (await testApp.http().get('/api/users?status=disabled').expect(200)).body.items.map((account: UserAccount) => account.id),
      ).toContain(userId);

      const enabled = (await testApp.http().patch(`/api/users/${userId}`).send({ disabled: false }).expect(200)).body as UserAccount;
      expect(enabled.status).toBe('active');
      expect(enabled.disabledAt).toBeUndefined();
      await signIn(finn.email, TEST_PASSWORD).expect(200);
    });

    it('does not enable the account of a person who has left', async () => {
      const gil = await employee('Gil Leaver');
      const userId = await testApp.createUser({ email: gil.email, employeeId: gil.id });
      await testApp.http().patch(`/api/users/${userId}`).send({ disabled: true }).expect(200);
      await testApp.http().patch(`/api/employees/${gil.id}`).send({ status: 'left' }).expect(200);
      const response = await testApp.http().patch(`/api/users/${userId}`).send({ disabled: false }).expect(422);
      expect(errorsOf(response.body)).toEqual(['disabled']);
    });

    it('grants and revokes administration, which the next request already sees', async () => {
      const hal = await employee('Hal Promoted');
      const userId = await testApp.createUser({ email: hal.email, employeeId: hal.id });
      const { token } = await testApp.signIn(hal.email);
      await testApp.as(token).get('/api/users').expect(403);
      expect(((await testApp.http().patch(`/api/users/${userId}`).send({ isAdmin: true }).expect(200)).body as UserAccount).isAdmin).toBe(
        true,
      );
      await testApp.as(token).get('/api/users').expect(200);
      await testApp.http().patch(`/api/users/${userId}`).send({ isAdmin: false }).expect(200);
      await testApp.as(token).get('/api/users').expect(403);
    });

    it.each([
      [{ isAdmin: 'no' }, 'isAdmin'],
      [{ disabled: 1 }, 'disabled'],
      [{ email: 'new@example.org' }, 'email'],
    ])('answers 400 naming the field for %p', async (body, field) => {
      expect(errorsOf((await testApp.http().patch(`/api/users/${suiteAdminId}`).send(body).expect(400)).body)).toContain(field);
    });

    it('answers 404 for an unknown account', async () => {
      await testApp.http().patch('/api/users/00000000-0000-4000-8000-000000000000').send({ disabled: true }).expect(404);
    });
  });

  describe('protections', () => {
    it('refuses an administrator removing their own admin right or disabling themselves (409)', async () => {
      const demote = await testApp.http().patch(`/api/users/${suiteAdminId}`).send({ isAdmin: false }).expect(409);
      expect((demote.body as ProblemDetails).errors).toEqual([{ field: 'isAdmin', message: 'cannot be removed from your own account' }]);
      const disable = await testApp.http().patch(`/api/users/${suiteAdminId}`).send({ disabled: true }).expect(409);
      expect((disable.body as ProblemDetails).errors).toEqual([{ field: 'disabled', message: 'cannot be set on your own account' }]);
      // a change that changes nothing is fine
      await testApp.http().patch(`/api/users/${suiteAdminId}`).send({ isAdmin: true, disabled: false }).expect(200);
      await testApp.http().get('/api/users').expect(200);
    });

    it('never leaves no enabled administrator, even when two admins demote each other at once', async () => {
      // Only the suite admin and Ivy stay enabled administrators.
      const ivyPerson = await employee('Ivy Admin');
      const ivyId = await testApp.createUser({ email: ivyPerson.email, employeeId: ivyPerson.id, isAdmin: true });
      const others: Array<{ id: string }> = await db.query(
        'SELECT id FROM app_user WHERE is_admin AND disabled_at IS NULL AND id <> ALL($1)',
        [[suiteAdminId, ivyId]],
      );
      for (const { id } of others) await testApp.http().patch(`/api/users/${id}`).send({ isAdmin: false }).expect(200);
      const ivy = await testApp.signIn(ivyPerson.email);

      // Make the race real: hold a lock on both accounts in a transaction of our own, so that both requests pass
      // authentication (both callers are admins) and then wait at the same point, the lock on the enabled admins.
      const holder = db.createQueryRunner();
      await holder.connect();
      await holder.startTransaction();
      let responses: Array<{ status: number; body: unknown }>;
      try {
        await holder.query('SELECT id FROM app_user WHERE id = ANY($1) FOR UPDATE', [[suiteAdminId, ivyId]]);
        const both = Promise.all([
          testApp.http().patch(`/api/users/${ivyId}`).send({ isAdmin: false }),
          testApp.as(ivy.token).patch(`/api/users/${suiteAdminId}`).send({ isAdmin: false }),
        ]);
        await waitUntil(async () => {
          const [{ waiting }] = await db.query(
            `SELECT count(*)::int AS waiting FROM pg_stat_activity
              WHERE datname = current_database() AND wait_event_type = 'Lock' AND query ILIKE '%FROM app_user%FOR UPDATE%'`,
          );
          return waiting === 2;
        }, 'both requests wait for the lock on the administrators');
        await holder.commitTransaction();
        responses = await both;
      } finally {
        if (holder.isTransactionActive) await holder.rollbackTransaction();
        await holder.release();
      }
      const statuses = responses.map((response) => response.status);
      // One wins; the other, already past authentication, is refused as the last admin's target.
      expect([...statuses].sort()).toEqual([200, 409]);
      const refused = responses.find((response) => response.status === 409)?.body as ProblemDetails;
      expect(refused.errors?.map((error) => error.field)).toEqual(['isAdmin']);
      const [{ n }] = await db.query('SELECT count(*)::int AS n FROM app_user WHERE is_admin AND disabled_at IS NULL');
      expect(n).toBe(1);

      // restore the suite admin if Ivy won, so that later tests keep an administrator
      if (statuses[1] === 200) await testApp.as(ivy.token).patch(`/api/users/${suiteAdminId}`).send({ isAdmin: true }).expect(200);
    });

    it('is for administrators only: managers and employees get 403', async () => {
      const boss = await employee('Mona Manager');
      await employee('Rob Report', { managerId: boss.id });
      await testApp.createUser({ email: boss.email, employeeId: boss.id });
      const manager = await testApp.signIn(boss.email);
      expect(((await testApp.as(manager.token).get('/api/me').expect(200)).body as Me).roles).toEqual(['manager', 'employee']);
      const target = '00000000-0000-4000-8000-000000000000';
      await testApp.as(manager.token).get('/api/users').expect(403);
      await testApp.as(manager.token).post('/api/users').send({ employeeId: boss.id }).expect(403);
      await testApp.as(manager.token).patch(`/api/users/${target}`).send({ isAdmin: true }).expect(403);
      await testApp.as(manager.token).post(`/api/users/${target}/password-reset`).expect(403);
      await testApp.anonymous().get('/api/users').expect(401);
    });
  });

  describe('password material', () => {
    it('never leaves the API except the one-time temporary password, and never enters the audit log', async () => {
      const kim = await employee('Kim Audited');
      const created = await createAccount({ employeeId: kim.id });
      await testApp.http().patch(`/api/users/${created.account.id}`).send({ isAdmin: true }).expect(200);
      await testApp.http().patch(`/api/users/${created.account.id}`).send({ disabled: true }).expect(200);
      const reset = (await testApp.http().post(`/api/users/${created.account.id}/password-reset`).expect(200))
        .body as IssuedTemporaryPassword;
      issued.push(reset.temporaryPassword);

      const listed = JSON.stringify((await testApp.http().get('/api/users?pageSize=100').expect(200)).body);
      const patched = JSON.stringify(
        (await testApp.http().patch(`/api/users/${created.account.id}`).send({ disabled: false }).expect(200)).body,
      );
      for (const text of [listed, patched, JSON.stringify(created.account), JSON.stringify(reset.account)]) {
        expect(text).not.toMatch(/argon2|password_?hash|temporaryPassword/i);
        for (const password of issued) expect(text).not.toContain(password);
      }

      const events = (await testApp.http().get(`/api/audit-events?entityType=user&entityId=${created.account.id}`).expect(200))
        .body as Page<AuditEventView>;
      expect(events.items.map((event) => event.action).reverse()).toEqual(['create', 'update', 'update', 'update', 'update']);
      expect(events.items[0]).toMatchObject({ actor: { email: 'suite.admin@test.local' }, after: { disabled: false } });
      expect(events.items[1]).toMatchObject({ after: { passwordReset: true, passwordMustChange: true } });
      expect(events.items[4]).toMatchObject({ after: { email: kim.email, employeeId: kim.id, isAdmin: false, passwordMustChange: true } });

      const rows: Array<{ before: unknown; after: unknown }> = await db.query(
        `SELECT before, after FROM audit_event WHERE entity_type = 'user'`,
      );
      expect(rows.length).toBeGreaterThanOrEqual(issued.length);
      const audit = JSON.stringify(rows);
      expect(audit).not.toMatch(/argon2|password_?hash|passwordHash/i);
      for (const password of issued) expect(audit).not.toContain(password);
    });
  });
});
