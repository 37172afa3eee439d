import { JwtService } from '@nestjs/jwt';
import type { Me, ProblemDetails, SessionResponse } from '@proficio/shared/contracts';
import { DataSource } from 'typeorm';
import { REFRESH_REUSE_LEEWAY_SECONDS } from '../src/auth/auth.service';
import { SigningKeyService } from '../src/auth/signing-key.service';
import { loadConfig } from '../src/config/app-config';
import { createTestApp, TEST_PASSWORD, TestApp } from './support/test-app';

const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
const refreshCookie = (setCookie: string | string[] | undefined) =>
  ([] as string[])
    .concat(setCookie ?? [])
    .find((value) => value.startsWith('proficio_refresh='))
    ?.split(';')[0] ?? '';

describe('sign-in and sessions', () => {
  let testApp: TestApp;
  /** Moves every refresh token's use back past the leeway in which the same browser may present it again. */
  const spentLongAgo = () =>
    testApp.app
      .get(DataSource)
      .query(`UPDATE refresh_token SET used_at = used_at - make_interval(secs => $1 + 1) WHERE used_at IS NOT NULL`, [
        REFRESH_REUSE_LEEWAY_SECONDS,
      ]);
  let userId: string;

  beforeAll(async () => {
    testApp = await createTestApp();
    userId = await testApp.createUser({ email: 'Ada.Lovelace@example.org' });
  });

  afterAll(async () => {
    await testApp.close();
  });

  const signIn = (body: object) => testApp.anonymous().post('/api/auth/sign-in').send(body);

  describe('POST /api/auth/sign-in', () => {
    it('signs in with any casing of the email, with a short-lived token and an httpOnly refresh cookie', async () => {
      const response = await signIn({ email: 'ada.lovelace@EXAMPLE.org', password: TEST_PASSWORD }).expect(200);
      const session = response.body as SessionResponse;
      expect(session.expiresIn).toBe(900);
      expect(session.user).toMatchObject({ id: userId, email: 'Ada.Lovelace@example.org', roles: [], reportCount: 0 });
      const cookie = ([] as string[]).concat(response.headers['set-cookie'] ?? [])[0] ?? '';
      expect(cookie).toMatch(/^proficio_refresh=[\w-]{40,};/);
      expect(cookie).toMatch(/HttpOnly/);
      expect(cookie).toMatch(/SameSite=Strict/);
      expect(cookie).toMatch(/Path=\/api\/auth/);

      const me = await testApp.as(session.accessToken).get('/api/me').expect(200);
      expect((me.body as Me).id).toBe(userId);
    });

    it('answers the same 401 for a wrong password and for an unknown email', async () => {
      const wrong = await signIn({ email: 'ada.lovelace@example.org', password: 'not the password' }).expect(401);
      const unknown = await signIn({ email: 'nobody@example.org', password: 'not the password' }).expect(401);
      expect(wrong.body.detail).toBe('Email or password is incorrect.');
      expect(unknown.body.detail).toBe(wrong.body.detail);
    });

    it.each([
      [{ password: 'x' }, 'email'],
      [{ email: 'not-an-email', password: 'x' }, 'email'],
      [{ email: 'ada@example.org' }, 'password'],
      [{ email: 'ada@example.org', password: 42 }, 'password'],
      [{ email: "x'; DROP TABLE app_user; --@example.org", password: 'x' }, 'email'],
      [{ email: 'ada@example.org', password: 'x', remember: true }, 'remember'],
    ])('answers 400 naming the field for %p', async (body, field) => {
      const response = await signIn(body).expect(400);
      expect((response.body as ProblemDetails).errors?.map((error) => error.field)).toContain(field);
    });

    it('limits attempts per account', async () => {
      await testApp.createUser({ email: 'throttled@example.org' });
      for (let attempt = 0; attempt < 5; attempt++) await signIn({ email: 'throttled@example.org', password: 'wrong' }).expect(401);
      const limited = await signIn({ email: 'throttled@example.org', password: TEST_PASSWORD }).expect(429);
      expect(limited.body).toMatchObject({ status: 429 });
      // other accounts are not affected
      await signIn({ email: 'ada.lovelace@example.org', password: TEST_PASSWORD }).expect(200);
    });
  });

  describe('access tokens', () => {
    it('are required everywhere but health, docs and sign-in', async () => {
      await testApp.anonymous().get('/api/frameworks').expect(401);
      await testApp.anonymous().get('/api/me').expect(401);
      await testApp.anonymous().get('/api/health').expect(200);
      await testApp.anonymous().get('/api/docs-json').expect(200);
      await testApp
        .anonymous()
        .get('/api/auth/config')
        .expect(200, { demo: false, demoAccounts: [], oidc: { enabled: false } });
    });

    it('are refused when tampered with, expired, unsigned (alg none) or signed with another key', async () => {
      const { token } = await testApp.signIn('suite.admin@test.local');
      await testApp.as(token).get('/api/me').expect(200);
      const [header, payload, signature] = token.split('.');
      const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString()) as Record<string, unknown>;
      const jwt = testApp.app.get(JwtService);
      const secret = testApp.app.get(SigningKeyService).secret;

      const tampered = `${header}.${base64url({ ...claims, sub: '00000000-0000-4000-8000-000000000000' })}.${signature}`;
      const none = `${base64url({ alg: 'none', typ: 'JWT' })}.${payload}.`;
      const expired = await jwt.signAsync({ sub: userId }, { secret, algorithm: 'HS256', expiresIn: -10 });
      const otherKey = await jwt.signAsync({ sub: userId }, { secret: 'another-secret-another-secret', algorithm: 'HS256', expiresIn: 60 });
      const hs512 = await jwt.signAsync({ sub: userId }, { secret, algorithm: 'HS512', expiresIn: 60 });
      for (const bad of [tampered, none, expired, otherKey, hs512, 'garbage']) {
        await testApp.as(bad).get('/api/me').expect(401);
      }
    });
  });

  describe('refresh tokens', () => {
    const refresh = async (cookie: string) => {
      const response = await testApp.anonymous().post('/api/auth/refresh').set('cookie', cookie).expect(200);
      const next = refreshCookie(response.headers['set-cookie']);
      expect(next).toMatch(/^proficio_refresh=[\w-]{40,}$/);
      return { cookie: next, accessToken: (response.body as SessionResponse).accessToken };
    };

    it('rotate, and re-use of a spent one ends the whole session', async () => {
      await testApp.createUser({ email: 'rotate@example.org' });
      const first = await testApp.signIn('rotate@example.org');
      const second = await refresh(first.cookie);
      expect(second.cookie).not.toBe(first.cookie);
      await testApp.as(second.accessToken).get('/api/me').expect(200);
      // the rotated cookie works, and rotates in turn
      const third = await refresh(second.cookie);
      expect(third.cookie).not.toBe(second.cookie);
      await testApp.as(third.accessToken).get('/api/me').expect(200);

      // the spent first cookie comes back later: someone replayed it
      await spentLongAgo();
      await testApp.anonymous().post('/api/auth/refresh').set('cookie', first.cookie).expect(401);
      // and the legitimate newest one, which worked until then, is now revoked too
      await testApp.anonymous().post('/api/auth/refresh').set('cookie', third.cookie).expect(401);
    });

    it('given again within seconds of their use (two tabs, a reload), answer a new pair of the same session', async () => {
      await testApp.createUser({ email: 'two.tabs@example.org' });
      const session = await testApp.signIn('two.tabs@example.org');
      const tabs = await Promise.all([refresh(session.cookie), refresh(session.cookie)]);
      expect(tabs[0].cookie).not.toBe(tabs[1].cookie);
      // both tabs stay signed in, and each goes on rotating its own cookie
      for (const tab of tabs) {
        await testApp.as(tab.accessToken).get('/api/me').expect(200);
        await refresh(tab.cookie);
      }
      // later, the first cookie is a replay again, and ends the session of both
      await spentLongAgo();
      await testApp.anonymous().post('/api/auth/refresh').set('cookie', session.cookie).expect(401);
      for (const tab of tabs) await testApp.as(tab.accessToken).get('/api/me').expect(401);
    });

    it('are revoked by sign-out', async () => {
      await testApp.createUser({ email: 'sign-out@example.org' });
      const session = await testApp.signIn('sign-out@example.org');
      await testApp.anonymous().post('/api/auth/sign-out').set('cookie', session.cookie).expect(204);
      await testApp.anonymous().post('/api/auth/refresh').set('cookie', session.cookie).expect(401);
    });

    it('answer 401 without a cookie or with an unknown one', async () => {
      await testApp.anonymous().post('/api/auth/refresh').expect(401);
      await testApp.anonymous().post('/api/auth/refresh').set('cookie', 'proficio_refresh=unknown').expect(401);
    });
  });

  describe('POST /api/auth/password', () => {
    it('checks the current password and the rules, then ends other sessions', async () => {
      await testApp.createUser({ email: 'grace@example.org' });
      const session = await testApp.signIn('grace@example.org');
      const api = testApp.as(session.token);

      const wrong = await api
        .post('/api/auth/password')
        .send({ currentPassword: 'nope', newPassword: 'a much longer password' })
        .expect(400);
      expect((wrong.body as ProblemDetails).errors).toEqual([{ field: 'currentPassword', message: 'is not the password you use now' }]);
      const short = await api.post('/api/auth/password').send({ currentPassword: TEST_PASSWORD, newPassword: 'Xq7#brief' }).expect(400);
      expect((short.body as ProblemDetails).errors).toEqual([{ field: 'newPassword', message: 'must be at least 12 characters long' }]);
      const email = await api
        .post('/api/auth/password')
        .send({ currentPassword: TEST_PASSWORD, newPassword: 'GRACE@example.org' })
        .expect(400);
      expect((email.body as ProblemDetails).errors?.[0]).toMatchObject({ field: 'newPassword', message: 'must not be your email address' });

      const other = await testApp.signIn('grace@example.org');
      const changed = await api
        .post('/api/auth/password')
        .send({ currentPassword: TEST_PASSWORD, newPassword: 'a much longer password' })
        .expect(200);
      // every earlier session ends: refresh cookies and access tokens alike
      await testApp.anonymous().post('/api/auth/refresh').set('cookie', session.cookie).expect(401);
      await testApp.anonymous().post('/api/auth/refresh').set('cookie', other.cookie).expect(401);
      await testApp.as(other.token).get('/api/me').expect(401);
      // the device that changed it goes on with a new session
      const fresh = changed.body as SessionResponse;
      expect(fresh.user).toMatchObject({ email: 'grace@example.org', passwordMustChange: false });
      await testApp.as(fresh.accessToken).get('/api/me').expect(200);
      const cookie =
        ([] as string[])
          .concat(changed.headers['set-cookie'] ?? [])
          .find((value) => value.startsWith('proficio_refresh='))
          ?.split(';')[0] ?? '';
      await testApp.anonymous().post('/api/auth/refresh').set('cookie', cookie).expect(200);
      await testApp.anonymous().post('/api/auth/sign-in').send({ email: 'grace@example.org', password: TEST_PASSWORD }).expect(401);
      await testApp.signIn('grace@example.org', 'a much longer password');
    });

    it('refuses common, repeated and blank passwords, and the current one, saying why', async () => {
      await testApp.createUser({ email: 'katherine@example.org' });
      const api = testApp.as((await testApp.signIn('katherine@example.org')).token);
      const refusal = async (newPassword: string) =>
        (
          (await api.post('/api/auth/password').send({ currentPassword: TEST_PASSWORD, newPassword }).expect(400)).body as ProblemDetails
        ).errors?.map((error) => `${error.field} ${error.message}`);
      expect(await refusal('password1234')).toEqual([expect.stringMatching(/^newPassword is one of the most common passwords/)]);
      expect(await refusal('aaaaaaaaaaaa')).toEqual([expect.stringMatching(/^newPassword must use at least 5 different characters/)]);
      expect(await refusal(' '.repeat(12))).toEqual(['newPassword must not be only spaces']);
      expect(await refusal(TEST_PASSWORD)).toEqual(['newPassword must differ from your current password']);
      expect(await refusal('x'.repeat(100) + 'Tq8#vLw2!pZr'.repeat(3))).toEqual(['newPassword must be at most 128 characters long']);
    });

    it('refuses the temporary password an administrator gave as the new one, keeping the must-change flag', async () => {
      const id = await testApp.createUser({ email: 'temporary@example.org' });
      const reset = await testApp.http().post(`/api/users/${id}/password-reset`).expect(200);
      const temporary = (reset.body as { temporaryPassword: string }).temporaryPassword;
      const session = await testApp.signIn('temporary@example.org', temporary);
      const refused = await testApp
        .as(session.token)
        .post('/api/auth/password')
        .send({ currentPassword: temporary, newPassword: temporary })
        .expect(400);
      expect((refused.body as ProblemDetails).errors).toEqual([
        { field: 'newPassword', message: 'must not be the temporary password you were given' },
      ]);
      const me = (await testApp.as(session.token).get('/api/me').expect(200)).body as Me;
      expect(me.passwordMustChange).toBe(true);
    });

    it('refuses further changes for a while after five wrong current passwords, even the right one, and audits each', async () => {
      const id = await testApp.createUser({ email: 'guessed@example.org' });
      const api = testApp.as((await testApp.signIn('guessed@example.org')).token);
      for (let attempt = 1; attempt <= 5; attempt++) {
        await api
          .post('/api/auth/password')
          .send({ currentPassword: `guess number ${attempt}`, newPassword: 'Tq8#vLw2!pZr kept' })
          .expect(400);
      }
      const limited = await api
        .post('/api/auth/password')
        .send({ currentPassword: TEST_PASSWORD, newPassword: 'Tq8#vLw2!pZr kept' })
        .expect(429);
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(800);
      expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(900);
      expect(limited.body).toMatchObject({ status: 429, detail: expect.stringContaining('Too many wrong current passwords') });
      // the password did not change
      await testApp.signIn('guessed@example.org');
      const refusals = await testApp.app
        .get(DataSource)
        .query(`SELECT actor_user_id, after FROM audit_event WHERE entity_type = 'user' AND entity_id = $1 AND action = 'refuse'`, [id]);
      expect(refusals).toHaveLength(5);
      expect(refusals[0]).toMatchObject({ actor_user_id: id, after: { change: 'password', reason: 'wrong current password' } });
    });

    it('records the change in the audit log, without the password', async () => {
      const id = await testApp.createUser({ email: 'audited.change@example.org' });
      const api = testApp.as((await testApp.signIn('audited.change@example.org')).token);
      await api.post('/api/auth/password').send({ currentPassword: TEST_PASSWORD, newPassword: 'Tq8#vLw2!pZr changed' }).expect(200);
      const [event] = await testApp.app
        .get(DataSource)
        .query(`SELECT actor_user_id, before, after FROM audit_event WHERE entity_type = 'user' AND entity_id = $1 AND action = 'update'`, [
          id,
        ]);
      expect(event).toMatchObject({ actor_user_id: id, before: { password: 'set' }, after: { password: 'changed by its owner' } });
      expect(JSON.stringify(event)).not.toContain('Tq8#vLw2!pZr');
    });
  });

  describe('access tokens belong to their session', () => {
    it('stop working at sign-out', async () => {
      await testApp.createUser({ email: 'session.end@example.org' });
      const session = await testApp.signIn('session.end@example.org');
      await testApp.as(session.token).get('/api/me').expect(200);
      await testApp.anonymous().post('/api/auth/sign-out').set('cookie', session.cookie).expect(204);
      const refused = await testApp.as(session.token).get('/api/me').expect(401);
      expect((refused.body as ProblemDetails).detail).toBe('The session was ended: sign in again.');
    });

    it('stop working when refresh-token reuse ends the session, and other sessions go on', async () => {
      await testApp.createUser({ email: 'session.reuse@example.org' });
      const stolen = await testApp.signIn('session.reuse@example.org');
      const elsewhere = await testApp.signIn('session.reuse@example.org');
      await testApp.anonymous().post('/api/auth/refresh').set('cookie', stolen.cookie).expect(200);
      await spentLongAgo();
      await testApp.anonymous().post('/api/auth/refresh').set('cookie', stolen.cookie).expect(401);
      await testApp.as(stolen.token).get('/api/me').expect(401);
      await testApp.as(elsewhere.token).get('/api/me').expect(200);
    });

    it('stay refused after a disabled account is enabled again', async () => {
      const id = await testApp.createUser({ email: 'session.disabled@example.org' });
      const session = await testApp.signIn('session.disabled@example.org');
      await testApp.http().patch(`/api/users/${id}`).send({ disabled: true }).expect(200);
      await testApp.as(session.token).get('/api/me').expect(401);
      await testApp.http().patch(`/api/users/${id}`).send({ disabled: false }).expect(200);
      await testApp.as(session.token).get('/api/me').expect(401);
      await testApp.signIn('session.disabled@example.org');
    });

    it('are refused without a session id, even when correctly signed', async () => {
      const jwt = testApp.app.get(JwtService);
      const secret = testApp.app.get(SigningKeyService).secret;
      const noSession = await jwt.signAsync({ sub: userId, pwd: 0 }, { secret, algorithm: 'HS256', expiresIn: 60 });
      const notUuid = await jwt.signAsync({ sub: userId, pwd: 0, sid: "x' OR 1=1" }, { secret, algorithm: 'HS256', expiresIn: 60 });
      await testApp.as(noSession).get('/api/me').expect(401);
      await testApp.as(notUuid).get('/api/me').expect(401);
    });
  });

  describe('the audit log of sign-ins', () => {
    it('records each sign-in with its address, and each refusal with the email typed, whether the account exists or not', async () => {
      const id = await testApp.createUser({ email: 'audited.sign-in@example.org' });
      await testApp.signIn('audited.sign-in@example.org');
      await signIn({ email: 'Audited.Sign-In@example.org', password: 'wrong password' }).expect(401);
      await signIn({ email: 'nobody.here@example.org', password: 'wrong password' }).expect(401);
      const rows: { action: string; actor_user_id: string | null; after: Record<string, unknown> }[] = await testApp.app
        .get(DataSource)
        .query(
          `SELECT action, actor_user_id, after FROM audit_event
           WHERE entity_type = 'session' AND (after->>'userId' = $1 OR after->>'email' = 'nobody.here@example.org') ORDER BY id`,
          [id],
        );
      expect(rows).toEqual([
        {
          action: 'create',
          actor_user_id: id,
          after: { userId: id, method: 'password', address: expect.stringMatching(/127\.0\.0\.1|::1/) },
        },
        {
          action: 'refuse',
          actor_user_id: null,
          after: { email: 'audited.sign-in@example.org', userId: id, method: 'password', address: expect.any(String) },
        },
        {
          action: 'refuse',
          actor_user_id: null,
          after: { email: 'nobody.here@example.org', userId: null, method: 'password', address: expect.any(String) },
        },
      ]);
    });
  });
  describe('the per-address sign-in limit, at its real default', () => {
    let limited: TestApp;

    beforeAll(async () => {
      // An empty value is no value: the app falls back to its default (every other suite raises the limit).
      limited = await createTestApp({ env: { SIGN_IN_LIMIT_PER_ADDRESS: '' } });
      await limited.createUser({ email: 'address.limit@example.org' });
    });

    afterAll(async () => {
      await limited.close();
    });

    it('refuses sign-in from an address after the default number of attempts a minute, whatever the accounts', async () => {
      const limit = loadConfig({}).signInLimitPerAddress;
      expect(limit).toBe(30);
      const attempt = (email: string, password?: string) =>
        limited
          .anonymous()
          .post('/api/auth/sign-in')
          .send(password === undefined ? { email } : { email, password });

      // Every request to the route counts, refused or not: requests without a password are refused (400) before any
      // password hashing, which keeps the whole run well inside the one-minute window. Each names another account,
      // so that the per-account limit (5) plays no part.
      // The suite's own administrator signed in once from this address when the app started: that leaves limit - 1.
      for (let i = 0; i < limit - 1; i++) await attempt(`address.limit.${i}@example.org`).expect(400);

      // Now even a valid account with its right password is refused from this address.
      const refused = await attempt('address.limit@example.org', TEST_PASSWORD).expect(429);
      expect(refused.body).toMatchObject({ status: 429 });
      expect(refused.body.detail).toMatch(/^Too many sign-in attempts from this address\./);
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    });
  });
});
