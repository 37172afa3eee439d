import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { runMigrations } from '../../src/database/migrate';

/** Set by globalSetup for the workers: the server's admin URL and the migrated template database. */
export const ADMIN_URL_VARIABLE = 'PROFICIO_TEST_ADMIN_URL';
export const TEMPLATE_VARIABLE = 'PROFICIO_TEST_TEMPLATE_DB';

function adminUrl(): string {
  const url = process.env[ADMIN_URL_VARIABLE];
  if (!url) throw new Error(`${ADMIN_URL_VARIABLE} is not set: run integration tests through \`nx run api:int\`.`);
  return url;
}

async function withAdmin<T>(work: (client: Client) => Promise<T>, url = adminUrl()): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

function databaseUrl(name: string, server = adminUrl()): string {
  const url = new URL(server);
  url.pathname = `/${name}`;
  return url.toString();
}

const uniqueName = (prefix: string) => `${prefix}_${randomBytes(6).toString('hex')}`;

export interface TestDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

export interface TestDatabaseOptions {
  /**
   * 'migrated' (the default for apps): a copy of the template database that
   * globalSetup migrated once with the real migrations. 'empty': no schema at
   * all, for tests of the migrations themselves.
   */
  schema?: 'empty' | 'migrated';
}

/** PostgreSQL refuses to copy a template while another session is connected to it. */
const TEMPLATE_IN_USE = /is being accessed by other users/;

/**
 * Creates a database with a unique name on the test server: empty (the
 * default; the benches, which run without globalSetup, then migrate it), or a
 * copy of the migrated template, which costs a file copy instead of running
 * every migration.
 */
export async function createTestDatabase(options: TestDatabaseOptions = {}): Promise<TestDatabase> {
  const name = uniqueName('proficio_test');
  if (options.schema === 'migrated') {
    const template = process.env[TEMPLATE_VARIABLE];
    if (!template) throw new Error(`${TEMPLATE_VARIABLE} is not set: run integration tests through \`nx run api:int\`.`);
    await withAdmin(async (client) => {
      // The template's last connection (globalSetup's migration) may still be
      // closing on the server side when the first suites start: retry briefly.
      for (let attempt = 1; ; attempt++) {
        try {
          await client.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
          return;
        } catch (error) {
          if (attempt >= 50 || !TEMPLATE_IN_USE.test(String((error as Error).message))) throw error;
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      }
    });
  } else {
    await withAdmin((client) => client.query(`CREATE DATABASE ${name}`));
  }
  return {
    name,
    url: databaseUrl(name),
    drop: () => withAdmin((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}

export interface TemplateDatabase {
  name: string;
  drop(): Promise<void>;
}

/**
 * For globalSetup: creates a database with a unique name (other runs may share
 * the server), applies the real migrations to it once, and closes every
 * connection to it, so that suites can copy it with CREATE DATABASE … TEMPLATE.
 * Connections to it are then refused (ALLOW_CONNECTIONS false), so nothing can
 * change it or block the copies by mistake.
 */
export async function createTemplateDatabase(server: string): Promise<TemplateDatabase> {
  const name = uniqueName('proficio_template');
  await withAdmin((client) => client.query(`CREATE DATABASE ${name}`), server);
  const drop = () => withAdmin((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`), server).then(() => undefined);
  try {
    await runMigrations(databaseUrl(name, server)); // destroys its DataSource: no connection stays open
    await withAdmin(async (client) => {
      await client.query(`ALTER DATABASE ${name} WITH ALLOW_CONNECTIONS false`);
      // A backend that is still exiting would make the first copies wait: end them now.
      await client.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [name]);
    }, server);
  } catch (error) {
    await drop();
    throw error;
  }
  return { name, drop };
}
