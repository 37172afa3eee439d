// Starts the built Proficio app (dist/apps/api/main.js, which serves the built
// web app) on a fresh, empty database for one e2e run, and cleans up after it.
// Database: a new database on TEST_DATABASE_URL's server when that is set,
// otherwise the app's own embedded PostgreSQL in a new temporary folder.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const port = process.env.E2E_PORT ?? '3100';

const freePort = () =>
  new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port: free } = server.address();
      server.close(() => done(free));
    });
  });

async function withAdmin(url, work) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await work(client);
  } finally {
    await client.end();
  }
}

// Demo mode gives the journeys their accounts (admin, manager, employee) and people.
// The journeys sign the same demo accounts in many times a minute; the sign-in
// limit itself is covered by the API integration tests.
const env = {
  ...process.env,
  PORT: port,
  LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
  DEMO_MODE: 'true',
  SIGN_IN_LIMIT_PER_ACCOUNT: '1000',
  SIGN_IN_LIMIT_PER_ADDRESS: '1000',
};
delete env.DATABASE_URL;
let cleanup = async () => undefined;

const adminUrl = process.env.TEST_DATABASE_URL;
if (adminUrl) {
  const name = `proficio_e2e_${randomBytes(6).toString('hex')}`;
  await withAdmin(adminUrl, (client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  env.DATABASE_URL = url.toString();
  cleanup = () => withAdmin(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  console.log(`[e2e] database ${name} on TEST_DATABASE_URL`);
} else {
  const dataDir = mkdtempSync(join(tmpdir(), 'proficio-e2e-'));
  chmodSync(dataDir, 0o755); // the postgres OS user must enter it when running as root
  env.PROFICIO_DATA_DIR = dataDir;
  env.EMBEDDED_PG_PORT = String(await freePort());
  cleanup = async () => rmSync(dataDir, { recursive: true, force: true });
  console.log(`[e2e] embedded PostgreSQL in ${dataDir}`);
}

const app = spawn(process.execPath, [join(root, 'dist/apps/api/main.js')], { cwd: root, env, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => app.kill(signal));
}
app.on('exit', (code, signal) => {
  cleanup()
    .catch((error) => console.error('[e2e] cleanup failed:', error))
    .finally(() => process.exit(code ?? (signal ? 0 : 1)));
});
