import { startTestPostgres, TestPostgres } from './postgres-server';
import { ADMIN_URL_VARIABLE, createTemplateDatabase, TemplateDatabase, TEMPLATE_VARIABLE } from './test-database';

declare global {
  var __PROFICIO_TEST_POSTGRES__: TestPostgres | undefined;
  var __PROFICIO_TEST_TEMPLATE__: TemplateDatabase | undefined;
}

/**
 * Runs once before every suite: finds a PostgreSQL server and migrates one
 * template database on it. Each suite then copies the template
 * (createTestApp → CREATE DATABASE … TEMPLATE) instead of running the
 * migrations itself.
 */
export default async function globalSetup(): Promise<void> {
  const postgres = await startTestPostgres();
  globalThis.__PROFICIO_TEST_POSTGRES__ = postgres;
  try {
    const template = await createTemplateDatabase(postgres.adminUrl);
    globalThis.__PROFICIO_TEST_TEMPLATE__ = template;
    // Workers inherit the environment: each suite creates its own database on this server.
    process.env[ADMIN_URL_VARIABLE] = postgres.adminUrl;
    process.env[TEMPLATE_VARIABLE] = template.name;
  } catch (error) {
    await postgres.stop();
    throw error;
  }
  process.stdout.write(`\n[int] PostgreSQL for the integration tests: ${postgres.source}\n`);
}
