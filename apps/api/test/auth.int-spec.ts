import { JwtService } from '@nestjs/jwt';
import type { Me, ProblemDetails, SessionResponse } from '@proficio/shared/contracts';
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
    it('rotate, and re-use of a spent one ends the whole session', async () => {
      await testApp.createUser({ email: 'rotate@example.org' });
      const first = await testApp.signIn('rotate@example.org');
      const refresh = async (cookie: string) => {
        const response = await testApp.anonymous().post('/api/auth/refresh').set('cookie', cookie).expect(200);
        const next = refreshCookie(response.headers['set-cookie']);
        expect(next).toMatch(/^proficio_refresh=[\w-]{40,}$/);
        return { cookie: next, accessToken: (response.body as SessionResponse).accessToken };
      };
      const second = await refresh(first.cookie);
      expect(second.cookie).not.toBe(first.cookie);
      await testApp.as(second.accessToken).get('/api/me').expect(200);
      // the rotated cookie works, and rotates in turn
      const third = await refresh(second.cookie);
      expect(third.cookie).not.toBe(second.cookie);
      await testApp.as(third.accessToken).get('/api/me').expect(200);

      // the spent first cookie comes back: someone replayed it
      await testApp.anonymous().post('/api/auth/refresh').set('cookie', first.cookie).expect(401);
      // and the legitimate newest one, which worked until then, is now revoked too
      await testApp.anonymous().post('/api/auth/refresh').set('cookie', third.cookie).expect(401);
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
      expect((wrong.body as ProblemDetails).errors).toEqual([{ field: 'currentPassword', message: 'is not your current password' }]);
      const short = await api.post('/api/auth/password').send({ currentPassword: TEST_PASSWORD, newPassword: 'short' }).expect(400);
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
