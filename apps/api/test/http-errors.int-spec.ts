import { Body, Controller, Module, Post } from '@nestjs/common';
import { ProblemDetails } from '@proficio/shared/contracts';
import { Type } from 'class-transformer';
import { IsInt, IsString, MaxLength, Min, ValidateNested } from 'class-validator';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { useTestApp } from './support/test-app';
import { useTestAppServingWeb } from './support/web-build';

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
  const testApp = useTestApp({ imports: [ProbeModule] });

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

describe('the API docs when API_DOCS is off (the default outside demo mode)', () => {
  const testApp = useTestApp({ env: { API_DOCS: '' } });

  it.each(['/api/docs', '/api/docs-json'])('answers 404 to %s, signed in or not', async (path) => {
    await testApp.anonymous().get(path).expect(404);
    await testApp.http().get(path).expect(404);
  });
});

// The script sources a page's Content-Security-Policy allows, and the inline scripts of the page.
const scriptSources = (policy: string | undefined) =>
  (policy ?? '')
    .split(';')
    .map((directive) => directive.trim().split(/\s+/))
    .find(([name]) => name === 'script-src')
    ?.slice(1) ?? [];
const inlineScripts = (html: string) =>
  [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)]
    .filter(([, attributes]) => !/\bsrc\s*=/i.test(attributes ?? ''))
    .map(([, , text]) => text ?? '');
const sha256Source = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

// The app as production runs it, serving a built web app on `/`. The page stands in for the Angular
// build's index.html, with inline scripts (today's build has none) to check that each is allowed by
// its hash while no other inline script is.
describe('the web app and its Content-Security-Policy', () => {
  const INDEX = [
    '<!doctype html><html lang="en"><head><meta charset="utf-8"/><title>Proficio</title><base href="/"/>',
    '<link rel="stylesheet" href="styles.css"><script>window.proficioBoot = Date.now();</script></head>',
    '<body><app-root></app-root><script src="main.js" type="module"></script>',
    '<script type="module">\n  import(\'./main.js\');\n</script></body></html>',
  ].join('\n');

  const testApp = useTestAppServingWeb({ 'index.html': INDEX, 'main.js': 'console.log("Proficio");' });

  it('serves the web app on / and on its own routes (deep links), and its files', async () => {
    for (const path of ['/', '/people', '/frameworks/some-id']) {
      const page = await testApp.anonymous().get(path).expect(200);
      expect([path, page.headers['content-type']]).toEqual([path, expect.stringMatching(/^text\/html/)]);
      expect(page.text).toBe(INDEX);
    }
    await testApp.anonymous().get('/main.js').expect(200, 'console.log("Proficio");');
    await testApp.anonymous().get('/api/no-such-thing').expect(404);
  });

  it('allows no inline script but those of the page, each by its hash, and no inline event handler', async () => {
    const page = await testApp.anonymous().get('/').expect(200);
    const policy = page.headers['content-security-policy'];
    const sources = scriptSources(policy);
    expect(sources).toContain("'self'");
    expect(sources).not.toContain("'unsafe-inline'");
    expect(sources).not.toContain("'unsafe-eval'");
    expect(sources.filter((source) => source.startsWith("'nonce-"))).toEqual([]);
    const scripts = inlineScripts(page.text);
    expect(scripts).toHaveLength(2);
    expect(sources.filter((source) => source.startsWith("'sha256-")).sort()).toEqual(scripts.map(sha256Source).sort());
    expect(policy).toContain("script-src-attr 'none'");
    // The same policy on API answers.
    const health = await testApp.anonymous().get('/api/health').expect(200);
    expect(scriptSources(health.headers['content-security-policy'])).toEqual(sources);
  });

  it('needs no inline script on the API docs page either', async () => {
    const page = await testApp.anonymous().get('/api/docs').expect(200);
    expect(page.text).toContain('swagger-ui');
    const sources = scriptSources(page.headers['content-security-policy']);
    expect(sources).not.toContain("'unsafe-inline'");
    for (const script of inlineScripts(page.text)) expect(sources).toContain(sha256Source(script));
  });

  it('is built without inlined critical CSS, whose onload handler the policy would block', () => {
    const project = JSON.parse(readFileSync(join(__dirname, '../../web/project.json'), 'utf8')) as {
      targets: { build: { configurations: { production: { optimization: { styles: { inlineCritical?: boolean } } } } } };
    };
    expect(project.targets.build.configurations.production.optimization.styles.inlineCritical).toBe(false);
  });
});
