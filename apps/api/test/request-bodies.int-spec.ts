import { JSON_MAX_ARRAY_LENGTH, JSON_MAX_DEPTH } from '../src/common/request-body/json-body';
import { useTestAppServingWeb } from './support/web-build';

// Bodies a client can send that are not what any route takes. The app is set up as in
// production, serving a built web app beside the API (that is where bad bodies used to fall
// through to a 404), and every answer must be a 4xx problem-details body, never a 500 or 404.
describe('request bodies', () => {
  const testApp = useTestAppServingWeb({ 'index.html': '<!doctype html><title>Proficio</title>' });

  const nestedArrays = (depth: number) => `{"email":${'['.repeat(depth)}1${']'.repeat(depth)},"password":"x"}`;
  const nestedObjects = (depth: number) => `{"name":${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}}`;

  const send = (path: string, body: string, signedIn = true) =>
    (signedIn ? testApp.http() : testApp.anonymous()).post(path).set('content-type', 'application/json').send(body);

  const expectProblem = (response: { status: number; headers: Record<string, string>; body: { status?: number } }, status: number) => {
    expect(response.status).toBe(status);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body.status).toBe(status);
  };

  it.each([
    ['1,500 nested arrays before sign-in', '/api/auth/sign-in', nestedArrays(1500), false],
    ['3,000 nested objects', '/api/teams', nestedObjects(3000), true],
    [`nesting one level deeper than ${JSON_MAX_DEPTH}`, '/api/teams', nestedObjects(JSON_MAX_DEPTH), true],
    [
      `an array of ${JSON_MAX_ARRAY_LENGTH + 1} items`,
      '/api/teams',
      `{"name":[${Array(JSON_MAX_ARRAY_LENGTH + 1)
        .fill(1)
        .join(',')}]}`,
      true,
    ],
    ['a body cut off', '/api/teams', '{"name": ', true],
    ['a bare null', '/api/teams', 'null', true],
    ['a bare number', '/api/teams', '42', true],
    ['a bare string', '/api/teams', '"x"', true],
    ['a bare array', '/api/teams', '[]', true],
  ])('%s answers 400', async (_name, path, body, signedIn) => {
    expectProblem(await send(path, body, signedIn), 400);
  });

  it('names what is wrong with the shape', async () => {
    expect((await send('/api/teams', nestedObjects(3000))).body.detail).toMatch(/nested deeper than 16 levels/);
    expect((await send('/api/teams', 'null')).body.detail).toMatch(/must be a JSON object/);
    expect((await send('/api/teams', '{"name": ')).body.detail).toMatch(/not valid JSON/);
  });

  it('accepts nesting and arrays up to the limits (validation then judges the fields)', async () => {
    const deepest = nestedObjects(JSON_MAX_DEPTH - 1);
    const response = await send('/api/teams', deepest);
    expectProblem(response, 400);
    expect(response.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'name' })]));
    // brackets inside strings are text, not nesting
    const created = await send('/api/teams', JSON.stringify({ name: `Brackets ${'[{'.repeat(20)}` })).expect(201);
    expect(created.body.name).toBe(`Brackets ${'[{'.repeat(20)}`);
  });

  it('answers 413 to a body over the limit', async () => {
    expectProblem(await send('/api/teams', JSON.stringify({ name: 'x'.repeat(300 * 1024) })), 413);
  });

  it('still answers an unknown API route with 404', async () => {
    expectProblem(await testApp.http().get('/api/no-such-thing'), 404);
  });
});
