/**
 * No Docker engine runs on our machines, so these checks keep the deployment
 * files honest: docker-compose.yml must describe Postgres + the app as the
 * README says, and the Dockerfile must build and run the app in stages.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

const workspaceRoot = join(__dirname, '..', '..', '..');

interface ComposeService {
  image?: string;
  build?: unknown;
  environment?: Record<string, string>;
  ports?: string[];
  volumes?: string[];
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] | string; interval?: string; retries?: number };
}

describe('docker-compose.yml', () => {
  const compose = parse(readFileSync(join(workspaceRoot, 'docker-compose.yml'), 'utf8')) as {
    services: Record<string, ComposeService>;
    volumes: Record<string, unknown>;
  };
  const db = compose.services['db'];
  const app = compose.services['app'];

  it('runs PostgreSQL 16 on a named volume with a health check', () => {
    expect(db?.image).toMatch(/^postgres:16/);
    const [volume] = db?.volumes ?? [];
    const volumeName = volume?.split(':')[0] ?? '';
    expect(Object.keys(compose.volumes)).toContain(volumeName);
    expect(volume).toMatch(/:\/var\/lib\/postgresql\/data$/);
    expect(JSON.stringify(db?.healthcheck?.test)).toContain('pg_isready');
  });

  it('starts the app once the database is healthy, pointing DATABASE_URL at it', () => {
    expect(app?.build).toBeDefined();
    expect(app?.depends_on?.['db']?.condition).toBe('service_healthy');
    const url = new URL(app?.environment?.['DATABASE_URL'] ?? '');
    expect(url.protocol).toBe('postgres:');
    expect(url.hostname).toBe('db');
    expect(url.pathname).toBe(`/${db?.environment?.['POSTGRES_DB']}`);
    expect(app?.ports).toContain('3000:3000');
  });

  it('gives the app the same credentials as the database', () => {
    const url = new URL(app?.environment?.['DATABASE_URL'] ?? '');
    expect(url.username).toBe(db?.environment?.['POSTGRES_USER']);
    expect(decodeURIComponent(url.password)).toBe(db?.environment?.['POSTGRES_PASSWORD']);
  });
});

describe('Dockerfile', () => {
  const dockerfile = readFileSync(join(workspaceRoot, 'Dockerfile'), 'utf8');

  it('builds in one stage and runs the built app in another, not as root', () => {
    const stages = dockerfile.match(/^FROM\s+\S+(\s+AS\s+\S+)?/gim) ?? [];
    expect(stages.length).toBeGreaterThanOrEqual(2);
    expect(dockerfile).toMatch(/nx run-many -t build -p api web/);
    expect(dockerfile).toMatch(/^USER\s+node/m);
    expect(dockerfile).toMatch(/^CMD\s+\["node",\s*"main\.js"\]/m);
  });
});
