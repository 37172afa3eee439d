import { startTestPostgres, TestPostgres } from './postgres-server';

declare global {
  var __PROFICIO_TEST_POSTGRES__: TestPostgres | undefined;
}

export default async function globalSetup(): Promise<void> {
  const postgres = await startTestPostgres();
  globalThis.__PROFICIO_TEST_POSTGRES__ = postgres;
  // Workers inherit the environment: each suite creates its own database on this server.
  process.env['PROFICIO_TEST_ADMIN_URL'] = postgres.adminUrl;
  process.stdout.write(`\n[int] PostgreSQL for the integration tests: ${postgres.source}\n`);
}
