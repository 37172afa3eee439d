import { createTestApp, TEST_PASSWORD, TestApp } from './support/test-app';

// Behind an HTTPS reverse proxy (TRUST_PROXY set), a request the proxy marks as HTTPS gets the refresh
// cookie as `__Host-proficio_refresh` (Secure, Path=/, no Domain) and HSTS; over plain HTTP, and when no
// proxy is trusted (such headers from a client are ignored), it stays `proficio_refresh` for /api/auth.
describe.each([
  ['TRUST_PROXY=loopback (the proxy runs on this host)', { TRUST_PROXY: 'loopback' }, true],
  ['TRUST_PROXY unset (no proxy is trusted)', {}, false],
])('%s', (_name, env, trusted) => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await createTestApp({ env });
    await testApp.createUser({ email: 'proxied@example.org' });
  });

  afterAll(async () => {
    await testApp.close();
  });

  const post = (path: string, forwardedProto?: string, cookie?: string) => {
    const request = testApp.anonymous().post(path);
    if (forwardedProto) request.set('x-forwarded-proto', forwardedProto);
    if (cookie) request.set('cookie', cookie);
    return request;
  };
  const signIn = (forwardedProto?: string) =>
    post('/api/auth/sign-in', forwardedProto).send({ email: 'proxied@example.org', password: TEST_PASSWORD }).expect(200);
  const setCookies = (headers: Record<string, unknown>) => ([] as string[]).concat((headers['set-cookie'] as string[] | undefined) ?? []);
  const cookieNamed = (headers: Record<string, unknown>, name: string) =>
    setCookies(headers).find((cookie) => cookie.startsWith(`${name}=`));
  const attributes = (cookie: string | undefined) =>
    (cookie ?? '')
      .split(';')
      .slice(1)
      .map((attribute) => attribute.trim().split('=')[0]?.toLowerCase());
  const nameAndValue = (cookie: string | undefined) => cookie?.split(';')[0] ?? '';

  it(`${trusted ? 'names the refresh cookie __Host-, marks it Secure for the whole host' : 'keeps the plain refresh cookie'} and ${trusted ? 'sends' : 'sends no'} HSTS for a request forwarded as HTTPS`, async () => {
    const response = await signIn('https');
    if (trusted) {
      const cookie = cookieNamed(response.headers, '__Host-proficio_refresh');
      expect(cookie).toMatch(/^__Host-proficio_refresh=[\w-]{40,};/);
      expect(cookie).toMatch(/;\s*Path=\/(;|$)/);
      expect(attributes(cookie)).toEqual(expect.arrayContaining(['secure', 'httponly', 'samesite']));
      expect(attributes(cookie)).not.toContain('domain');
      expect(cookieNamed(response.headers, 'proficio_refresh')).toBeUndefined();
    } else {
      const cookie = cookieNamed(response.headers, 'proficio_refresh');
      expect(cookie).toMatch(/;\s*Path=\/api\/auth(;|$)/);
      expect(attributes(cookie)).not.toContain('secure');
      expect(cookieNamed(response.headers, '__Host-proficio_refresh')).toBeUndefined();
    }
    expect(response.headers['strict-transport-security']).toBe(trusted ? 'max-age=31536000; includeSubDomains' : undefined);
  });

  it('sends neither for a plain http request: the plain cookie, for /api/auth only', async () => {
    const response = await signIn();
    const cookie = cookieNamed(response.headers, 'proficio_refresh');
    expect(cookie).toMatch(/;\s*Path=\/api\/auth(;|$)/);
    expect(attributes(cookie)).not.toContain('secure');
    expect(cookieNamed(response.headers, '__Host-proficio_refresh')).toBeUndefined();
    expect(response.headers['strict-transport-security']).toBeUndefined();
  });

  it('refreshes and signs out with the cookie it set, over HTTPS as over plain http', async () => {
    for (const proto of ['https', undefined]) {
      const name = trusted && proto === 'https' ? '__Host-proficio_refresh' : 'proficio_refresh';
      const first = nameAndValue(cookieNamed((await signIn(proto)).headers, name));
      expect(first).toMatch(new RegExp(`^${name}=`));

      const refreshed = await post('/api/auth/refresh', proto, first).expect(200);
      expect(refreshed.body.accessToken).toEqual(expect.any(String));
      const second = nameAndValue(cookieNamed(refreshed.headers, name));
      expect(second).toMatch(new RegExp(`^${name}=`));
      expect(second).not.toBe(first);

      const signedOut = await post('/api/auth/sign-out', proto, second).expect(204);
      expect(cookieNamed(signedOut.headers, name)).toMatch(/Expires=Thu, 01 Jan 1970/);
      await post('/api/auth/refresh', proto, second).expect(401);
    }
  });

  if (trusted) {
    it('over HTTPS takes no refresh token from a cookie of the plain name (it may have been planted), and clears it', async () => {
      const plain = nameAndValue(cookieNamed((await signIn()).headers, 'proficio_refresh'));
      const refused = await post('/api/auth/refresh', 'https', plain).expect(401);
      expect(cookieNamed(refused.headers, 'proficio_refresh')).toMatch(/Path=\/api\/auth;.*Expires=Thu, 01 Jan 1970/);
      // still a live token: the refusal was for its name, not for the token
      await post('/api/auth/refresh', undefined, plain).expect(200);
    });
  }
});
