/**
 * Single sign-on with OpenID Connect, against a real provider (oidc-provider,
 * in a child process): the browser's round trip is walked by hand, following
 * each redirect with the cookies a browser would keep.
 */
import type { AuthConfig, ProblemDetails, SessionResponse } from '@proficio/shared/contracts';
import { DataSource } from 'typeorm';
import { UserEntity } from '../src/auth/user.entities';
import { startOidcTestProvider, OidcTestProvider, walkProvider } from './support/oidc-test-provider';
import { createTestApp, TestApp } from './support/test-app';

const REDIRECT_URI = 'http://127.0.0.1:3999/api/auth/oidc/callback';
const CLIENT = { clientId: 'proficio-test', clientSecret: 'a-test-client-secret-of-some-length' };

const cookieNamed = (response: { headers: Record<string, unknown> }, name: string): string | undefined =>
  ([] as string[])
    .concat((response.headers['set-cookie'] as string[] | undefined) ?? [])
    .find((cookie) => cookie.startsWith(`${name}=`) && !cookie.startsWith(`${name}=;`));

describe('single sign-on (OpenID Connect)', () => {
  let provider: OidcTestProvider;
  let testApp: TestApp;
  let aliceId: string;

  beforeAll(async () => {
    provider = await startOidcTestProvider({
      ...CLIENT,
      redirectUri: REDIRECT_URI,
      accounts: {
        alice: { email: 'alice.sso@test.local', email_verified: true },
        bob: { email: 'bob.sso@test.local', email_verified: false },
        carol: { email: 'carol.nobody@test.local', email_verified: true },
        dave: { email: 'dave.disabled@test.local', email_verified: true },
      },
    });
    testApp = await createTestApp({
      env: {
        OIDC_ISSUER: provider.issuer,
        OIDC_CLIENT_ID: CLIENT.clientId,
        OIDC_CLIENT_SECRET: CLIENT.clientSecret,
        OIDC_REDIRECT_URL: REDIRECT_URI,
        OIDC_LABEL: 'Test IdP',
      },
    });
    // the account's email differs in casing from the provider's
    aliceId = await testApp.createUser({ email: 'Alice.SSO@Test.Local' });
    await testApp.createUser({ email: 'bob.sso@test.local' });
    const daveId = await testApp.createUser({ email: 'dave.disabled@test.local' });
    await testApp.app.get(DataSource).manager.update(UserEntity, { id: daveId }, { disabledAt: new Date() });
  });

  afterAll(async () => {
    await testApp?.close();
    await provider?.stop();
  });

  /** Starts sign-on at Proficio: the provider URL and the flow cookie. */
  async function start(query = ''): Promise<{ authorizeUrl: string; flowCookie: string }> {
    const response = await testApp.anonymous().get(`/api/auth/oidc${query}`).expect(302);
    const flowCookie = cookieNamed(response, 'proficio_oidc');
    expect(flowCookie).toMatch(/HttpOnly/);
    expect(flowCookie).toMatch(/SameSite=Lax/);
    return { authorizeUrl: response.headers['location'] as string, flowCookie: flowCookie?.split(';')[0] ?? '' };
  }

  /** The provider's redirect back to Proficio (code, state, iss), after signing in there as `account`. */
  async function signInAtProvider(authorizeUrl: string, account: string): Promise<string> {
    const back = await walkProvider(authorizeUrl, REDIRECT_URI, account);
    const url = new URL(back);
    return `${url.pathname}${url.search}`;
  }

  async function callback(path: string, flowCookie: string) {
    return testApp.anonymous().get(path).set('cookie', flowCookie);
  }

  it('tells the sign-in page that single sign-on is on, with its label', async () => {
    const config = (await testApp.anonymous().get('/api/auth/config').expect(200)).body as AuthConfig;
    expect(config.oidc).toEqual({ enabled: true, label: 'Test IdP' });
  });

  it('signs a person in: provider, callback, refresh cookie, session, audit event', async () => {
    const { authorizeUrl, flowCookie } = await start('?returnUrl=%2Fpeople%3Fq%3Dx');
    const authorize = new URL(authorizeUrl);
    expect(authorize.origin).toBe(provider.issuer);
    expect(Object.fromEntries(authorize.searchParams)).toMatchObject({
      client_id: CLIENT.clientId,
      redirect_uri: REDIRECT_URI,
      response_type: 'code',
      scope: 'openid email',
      code_challenge_method: 'S256',
    });
    for (const param of ['state', 'nonce', 'code_challenge']) expect(authorize.searchParams.get(param)).toMatch(/^[\w-]{20,}$/);

    const answer = await callback(await signInAtProvider(authorizeUrl, 'alice'), flowCookie);
    expect(answer.status).toBe(302);
    expect(answer.headers['location']).toBe('/people?q=x');
    const refreshCookie = cookieNamed(answer, 'proficio_refresh');
    expect(refreshCookie).toMatch(/HttpOnly/);
    expect(refreshCookie).toMatch(/Path=\/api\/auth/);
    expect(refreshCookie).toMatch(/SameSite=Strict/);
    // the flow cookie is spent
    expect(([] as string[]).concat(answer.headers['set-cookie'] ?? []).some((cookie) => cookie.startsWith('proficio_oidc=;'))).toBe(true);

    // the web app's refresh at start picks the session up
    const refreshed = await testApp
      .anonymous()
      .post('/api/auth/refresh')
      .set('cookie', refreshCookie?.split(';')[0] ?? '')
      .expect(200);
    const session = refreshed.body as SessionResponse;
    expect(session.user).toMatchObject({ id: aliceId, email: 'Alice.SSO@Test.Local' });
    await testApp.as(session.accessToken).get('/api/me').expect(200);

    const [event] = await testApp.app
      .get(DataSource)
      .query(`SELECT actor_user_id, action, after FROM audit_event WHERE entity_type = 'session' ORDER BY id DESC LIMIT 1`);
    expect(event).toMatchObject({
      actor_user_id: aliceId,
      action: 'create',
      after: { userId: aliceId, method: 'oidc', issuer: provider.issuer },
    });
  });

  it('goes to the start page when no return path was given', async () => {
    const { authorizeUrl, flowCookie } = await start();
    const answer = await callback(await signInAtProvider(authorizeUrl, 'alice'), flowCookie);
    expect(answer.status).toBe(302);
    expect(answer.headers['location']).toBe('/');
  });

  it.each([
    ['bob', 'an email the provider has not verified', 'sso-unverified-email'],
    ['carol', 'an email no account has (accounts are never created)', 'sso-unknown-user'],
    ['dave', 'the email of a disabled account', 'sso-unknown-user'],
  ])('refuses %s, with %s, back on the sign-in page', async (account, _why, error) => {
    const users = async () => (await testApp.app.get(DataSource).query('SELECT count(*)::int AS n FROM app_user'))[0].n as number;
    const before = await users();
    const { authorizeUrl, flowCookie } = await start();
    const answer = await callback(await signInAtProvider(authorizeUrl, account), flowCookie);
    expect(answer.status).toBe(302);
    expect(answer.headers['location']).toBe(`/sign-in?error=${error}`);
    expect(cookieNamed(answer, 'proficio_refresh')).toBeUndefined();
    expect(await users()).toBe(before);
  });

  it('sends the person back when the provider refuses the sign-in', async () => {
    const { authorizeUrl, flowCookie } = await start();
    const answer = await callback(await signInAtProvider(authorizeUrl, 'nobody-at-the-provider'), flowCookie);
    expect(answer.status).toBe(302);
    expect(answer.headers['location']).toBe('/sign-in?error=sso-failed');
    expect(cookieNamed(answer, 'proficio_refresh')).toBeUndefined();
  });

  it('answers 400, never a session, for a callback that does not belong to the browser’s flow', async () => {
    const first = await start();
    const second = await start();
    const back = await signInAtProvider(second.authorizeUrl, 'alice');
    const tampered = back.replace(/state=[^&]+/, 'state=forged-state-value');

    const cases: Array<[string, string, string]> = [
      ['another flow’s cookie (state mismatch)', back, first.flowCookie],
      ['a changed state', tampered, second.flowCookie],
      ['no flow cookie', back, ''],
      ['a forged flow cookie', back, 'proficio_oidc=eyJhbGciOiJub25lIn0.eyJzdGF0ZSI6IngifQ.'],
      ['no state at all', back.replace(/&?state=[^&]+/, ''), second.flowCookie],
    ];
    for (const [why, path, cookie] of cases) {
      const answer = await callback(path, cookie);
      expect({ why, status: answer.status }).toEqual({ why, status: 400 });
      expect((answer.body as ProblemDetails).title).toBe('Single sign-on failed');
      expect(cookieNamed(answer, 'proficio_refresh')).toBeUndefined();
    }

    // the genuine pair still works once; the code cannot be used twice
    const answer = await callback(back, second.flowCookie);
    expect(answer.status).toBe(302);
    expect(cookieNamed(answer, 'proficio_refresh')).toBeDefined();
    const replay = await callback(back, second.flowCookie);
    expect(replay.status).toBe(302);
    expect(replay.headers['location']).toBe('/sign-in?error=sso-failed');
  });

  it('refuses a return path that would leave Proficio, naming the field', async () => {
    for (const returnUrl of ['//evil.test/x', 'https://evil.test', '/\\evil.test', '/\t/evil.test']) {
      const response = await testApp
        .anonymous()
        .get(`/api/auth/oidc?returnUrl=${encodeURIComponent(returnUrl)}`)
        .expect(400);
      expect((response.body as ProblemDetails).errors?.[0]?.field).toBe('returnUrl');
    }
  });

  describe('when not configured', () => {
    let plain: TestApp;

    beforeAll(async () => {
      plain = await createTestApp();
    });

    afterAll(async () => {
      await plain?.close();
    });

    it('answers 404 on both routes and tells the sign-in page it is off', async () => {
      await plain.anonymous().get('/api/auth/oidc').expect(404);
      await plain.anonymous().get('/api/auth/oidc/callback?code=x&state=y').expect(404);
      expect(((await plain.anonymous().get('/api/auth/config').expect(200)).body as AuthConfig).oidc).toEqual({ enabled: false });
    });
  });
});
