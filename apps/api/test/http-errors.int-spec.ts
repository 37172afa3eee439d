import { Body, Controller, Module, Post } from '@nestjs/common';
import { ProblemDetails } from '@proficio/shared/contracts';
import { Type } from 'class-transformer';
import { IsInt, IsString, MaxLength, Min, ValidateNested } from 'class-validator';
import { createTestApp, TestApp } from './support/test-app';

// A probe endpoint mounted beside the real modules, so that this suite checks
// the global pipeline (validation pipe, problem-details filter) in isolation
// from any one feature.
class LevelDto {
  @IsInt()
  @Min(1)
  number!: number;
}

class ProbeDto {
  @IsString()
  @MaxLength(20)
  name!: string;

  @ValidateNested({ each: true })
  @Type(() => LevelDto)
  levels!: LevelDto[];
}

@Controller('probe')
class ProbeController {
  @Post()
  create(@Body() body: ProbeDto): ProbeDto {
    return body;
  }
}

@Module({ controllers: [ProbeController] })
class ProbeModule {}

describe('errors as problem details', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await createTestApp({ imports: [ProbeModule] });
  });

  afterAll(async () => {
    await testApp.close();
  });

  const post = (body: unknown) =>
    testApp
      .http()
      .post('/api/probe')
      .send(body as object);

  it('accepts a valid body', async () => {
    await post({ name: 'ok', levels: [{ number: 2 }] }).expect(201, { name: 'ok', levels: [{ number: 2 }] });
  });

  it('names an unknown field', async () => {
    const response = await post({ name: 'ok', levels: [], colour: 'red' }).expect(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    const body = response.body as ProblemDetails;
    expect(body).toMatchObject({ status: 400, title: 'Invalid request', instance: '/api/probe' });
    expect(body.errors).toEqual([{ field: 'colour', message: 'should not exist' }]);
  });

  it('names a field of the wrong type, also when nested', async () => {
    const response = await post({ name: 42, levels: [{ number: 'two' }] }).expect(400);
    const fields = (response.body as ProblemDetails).errors?.map((error) => error.field);
    expect(fields).toEqual(expect.arrayContaining(['name', 'levels.0.number']));
  });

  it('names an over-long string', async () => {
    const response = await post({ name: 'x'.repeat(21), levels: [] }).expect(400);
    expect((response.body as ProblemDetails).errors).toEqual([
      { field: 'name', message: 'must be shorter than or equal to 20 characters' },
    ]);
  });

  it('answers 400, not 500, to a body that is not JSON', async () => {
    const response = await testApp.http().post('/api/probe').set('content-type', 'application/json').send('{"name": ').expect(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({ status: 400, title: 'Bad Request' });
    expect(response.body.detail).toMatch(/JSON/);
  });

  it('answers an unknown route with 404 problem details', async () => {
    const response = await testApp.http().get('/api/no-such-thing').expect(404);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({ type: 'about:blank', title: 'Not Found', status: 404 });
  });

  it('publishes the OpenAPI document and its UI', async () => {
    const json = await testApp.http().get('/api/docs-json').expect(200);
    expect(Object.keys(json.body.paths)).toContain('/api/health');
    const ui = await testApp.http().get('/api/docs').expect(200);
    expect(ui.text).toContain('swagger-ui');
  });

  it('lets no browser or proxy keep a copy of an API answer (they carry personal data)', async () => {
    for (const path of ['/api/me', '/api/employees', '/api/users', '/api/audit-events']) {
      const response = await testApp.http().get(path).expect(200);
      expect([path, response.headers['cache-control']]).toEqual([path, 'no-store']);
    }
    const refused = await testApp.anonymous().get('/api/me').expect(401);
    expect(refused.headers['cache-control']).toBe('no-store');
  });

  it('sets security headers', async () => {
    const response = await testApp.http().get('/api/health');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
  });
});
