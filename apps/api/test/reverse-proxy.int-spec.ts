import { createTestApp, TEST_PASSWORD, TestApp } from './support/test-app';

// Behind an HTTPS reverse proxy (TRUST_PROXY set), a request the proxy marks as HTTPS gets a
// Secure refresh cookie and HSTS; without the setting, such headers from a client are ignored.
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

  const signIn = (forwardedProto?: string) => {
    const request = testApp.anonymous().post('/api/auth/sign-in');
    if (forwardedProto) request.set('x-forwarded-proto', forwardedProto);
    return request.send({ email: 'proxied@example.org', password: TEST_PASSWORD }).expect(200);
  };
  const refreshCookie = (headers: Record<string, unknown>) =>
    ([] as string[]).concat((headers['set-cookie'] as string[] | undefined) ?? []).find((cookie) => cookie.startsWith('proficio_refresh='));

  it(`${trusted ? 'marks' : 'does not mark'} the refresh cookie Secure and ${trusted ? 'sends' : 'sends no'} HSTS for a request forwarded as HTTPS`, async () => {
    const response = await signIn('https');
    expect(refreshCookie(response.headers)).toBeDefined();
    expect(/;\s*Secure/i.test(refreshCookie(response.headers) ?? '')).toBe(trusted);
    expect(response.headers['strict-transport-security']).toBe(trusted ? 'max-age=31536000; includeSubDomains' : undefined);
  });

  it('sends neither for a plain http request', async () => {
    const response = await signIn();
    expect(refreshCookie(response.headers)).not.toMatch(/;\s*Secure/i);
    expect(response.headers['strict-transport-security']).toBeUndefined();
  });
});
