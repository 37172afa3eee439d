import { createTestApp, TEST_PASSWORD, TestApp } from './support/test-app';

// What a client is told when a sign-in limit is reached: problem details that say which
// limit, and the standard Retry-After header (not the throttler's own header names).
describe('sign-in limits, as the client sees them', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await createTestApp({ env: { SIGN_IN_LIMIT_PER_ACCOUNT: '2', SIGN_IN_LIMIT_PER_ADDRESS: '1000' } });
    await testApp.createUser({ email: 'limited@example.org' });
  });

  afterAll(async () => {
    await testApp.close();
  });

  const signIn = (password: string) => testApp.anonymous().post('/api/auth/sign-in').send({ email: 'limited@example.org', password });

  it('answers 429 problem details with Retry-After in seconds once the account limit is reached', async () => {
    await signIn('wrong password 1').expect(401);
    await signIn('wrong password 2').expect(401);
    const limited = await signIn(TEST_PASSWORD).expect(429);
    expect(limited.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(limited.body).toMatchObject({ status: 429, title: 'Too Many Requests' });
    expect(limited.body.detail).toMatch(/^Too many sign-in attempts for this account\. Try again in \d+ seconds?\.$/);
    const retryAfter = Number(limited.headers['retry-after']);
    expect(Number.isInteger(retryAfter)).toBe(true);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(Object.keys(limited.headers).filter((name) => /^(retry-after-|x-ratelimit)/i.test(name))).toEqual([]);
  });

  it('sends no rate-limit headers of its own on an ordinary sign-in', async () => {
    await testApp.createUser({ email: 'ordinary@example.org' });
    const response = await testApp
      .anonymous()
      .post('/api/auth/sign-in')
      .send({ email: 'ordinary@example.org', password: TEST_PASSWORD })
      .expect(200);
    expect(Object.keys(response.headers).filter((name) => /^(retry-after|x-ratelimit)/i.test(name))).toEqual([]);
  });
});
